#!/usr/bin/env bash
# Checks, in a later step, what the docker-nest step exported: the env
# contract, the TLS files and that docker reaches the nest, not the runner.
set -euo pipefail
fail() { echo "verify: $*" >&2; exit 1; }

[[ $DOCKER_HOST =~ ^tcp://127\.0\.0\.1:[0-9]+$ ]] || fail "DOCKER_HOST=$DOCKER_HOST"
if [[ $EXPECT_TLS == true ]]; then
  [[ $DOCKER_TLS_VERIFY == 1 ]] || fail "DOCKER_TLS_VERIFY=$DOCKER_TLS_VERIFY"
  for f in ca.pem cert.pem key.pem; do [[ -s $DOCKER_CERT_PATH/$f ]] || fail "missing $f"; done
  [[ $(stat -c %a "$DOCKER_CERT_PATH") == 700 ]] || fail "cert dir mode"
  [[ $(stat -c %a "$DOCKER_CERT_PATH/key.pem") == 600 ]] || fail "key mode"
else
  [[ -z ${DOCKER_TLS_VERIFY:-} && -z ${DOCKER_CERT_PATH:-} ]] || fail "TLS vars set with tls: false"
fi
[[ $(docker info --format '{{.Name}}') == "${CONTAINER_ID:0:12}" ]] || fail "docker does not reach the nest"
[[ $STORAGE_DRIVER == overlay2 || $STORAGE_DRIVER == overlayfs ]] || fail "storage driver $STORAGE_DRIVER"
docker run --rm busybox:1.37 echo "hello from the nest"
printf 'FROM busybox:1.37\nRUN echo built > /built\n' | docker build -q -t nest-built -
[[ $(docker run --rm nest-built cat /built) == built ]] || fail "build"
echo "verify: ok"
