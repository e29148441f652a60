/**
 * The shell script the sidecar runs as its entrypoint. It exists so one
 * `docker run` works for both image contracts and so the server certificate
 * can name the container's IP, which is only known once the container runs:
 *
 * 0. Work out the MTU flags (mtu.ts, issue 8) while main is still signing
 *    the server certificate: this may run `dockerd --version`.
 * 1. With TLS on, wait until main has copied `server/{ca,cert,key}.pem` into
 *    $DOCKER_TLS_CERTDIR (the marker file is the last entry of the tar); with
 *    TLS off, the same for daemon.json when input `daemon-config` is set.
 * 2. Drop client variables the image or a job may carry; dockerd reads
 *    DOCKER_TLS_VERIFY/DOCKER_CERT_PATH/DOCKER_DRIVER from its own env
 *    (shared/reference/dind.md §1.4, §1.9). Then add `--config-file` for
 *    input `daemon-config`.
 * 3. Official contract: hand over to dockerd-entrypoint.sh with flags only, so
 *    it takes its "certs provided" branch (verify, no key generation).
 * 4. Plain image: do what that entrypoint and moby's hack/dind would do —
 *    cgroup v2 nesting, shared mounts, stale pid files, the listeners and TLS
 *    flags — then exec dockerd under docker-init when the image has it.
 */

import { MTU_SCRIPT } from './mtu.js'

/** Marker copied last into the cert dir; its presence means all files are there. */
export const CERTS_READY_MARKER = '.docker-nest-ready'
/** Where certificates go inside the sidecar (the official image's default). */
export const CERT_DIR_IN_CONTAINER = '/certs'

export const STARTUP_SCRIPT = `set -eu
${MTU_SCRIPT}
ready=\${DOCKER_TLS_CERTDIR:-}
if [ -z "$ready" ] && [ -n "\${DOCKER_NEST_CONFIG_FILE:-}" ]; then
  ready=\${DOCKER_NEST_CONFIG_FILE%/*}
fi
if [ -n "$ready" ]; then
  n=0
  while [ ! -e "$ready/${CERTS_READY_MARKER}" ]; do
    n=$((n + 1))
    if [ "$n" -gt 12000 ]; then
      echo "docker-nest: certificates never arrived in $ready" >&2
      exit 90
    fi
    sleep 0.01
  done
fi
unset DOCKER_HOST DOCKER_TLS_VERIFY DOCKER_CERT_PATH DOCKER_DRIVER DOCKER_CONTEXT
if [ -n "\${DOCKER_NEST_CONFIG_FILE:-}" ]; then
  set -- "--config-file=$DOCKER_NEST_CONFIG_FILE" "$@"
fi
if command -v dockerd-entrypoint.sh >/dev/null 2>&1; then
  exec dockerd-entrypoint.sh "$@"
fi
if [ "$(id -u)" != 0 ]; then
  # Issue 6: only the official entrypoint knows how to start rootless dockerd.
  echo "docker-nest: the image runs as uid $(id -u) but has no dockerd-entrypoint.sh (rootless needs the docker:<version>-dind-rootless contract)" >&2
  exit 126
fi
if ! command -v dockerd >/dev/null 2>&1; then
  echo "docker-nest: dockerd: not found on PATH in this image" >&2
  exit 127
fi
if [ -f /sys/fs/cgroup/cgroup.controllers ]; then
  # cgroup v2: evacuate the root cgroup, then delegate every controller.
  # Retried because a process started meanwhile makes the write fail (EBUSY).
  mkdir -p /sys/fs/cgroup/init
  tries=0
  while :; do
    xargs -rn1 < /sys/fs/cgroup/cgroup.procs > /sys/fs/cgroup/init/cgroup.procs 2>/dev/null || :
    if sed -e 's/ / +/g' -e 's/^/+/' < /sys/fs/cgroup/cgroup.controllers \\
      > /sys/fs/cgroup/cgroup.subtree_control 2>/dev/null; then
      break
    fi
    tries=$((tries + 1))
    if [ "$tries" -gt 100 ]; then
      echo "docker-nest: could not enable cgroup v2 nesting (cgroup.subtree_control)" >&2
      break
    fi
    sleep 0.05
  done
fi
if ! mountpoint -q /sys/kernel/security 2>/dev/null; then
  mount -t securityfs none /sys/kernel/security 2>/dev/null || :
fi
mount --make-rshared / 2>/dev/null || :
rm -f /var/run/docker.pid /run/docker.pid /var/run/docker/containerd/containerd.pid
if [ -n "\${DOCKER_TLS_CERTDIR:-}" ]; then
  d=$DOCKER_TLS_CERTDIR/server
  set -- --host=tcp://0.0.0.0:2376 --tlsverify "--tlscacert=$d/ca.pem" "--tlscert=$d/cert.pem" "--tlskey=$d/key.pem" "$@"
else
  set -- --host=tcp://0.0.0.0:2375 "$@"
fi
set -- dockerd --host=unix:///var/run/docker.sock "$@"
if command -v docker-init >/dev/null 2>&1; then
  exec docker-init -- "$@"
fi
exec "$@"
`
