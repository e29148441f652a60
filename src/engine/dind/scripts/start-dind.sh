# shellcheck shell=sh
# The sidecar's entrypoint (`sh -c`, its arguments dockerd's flags); see
# startup-script.ts for the steps and why they are done here.
#
# The uid comes from /proc/self/status (built-ins only: each process spawned
# here delays dockerd), `id -u` where /proc cannot tell. The cgroup line
# tells main the cgroup version dockerd will see (sidecar-log.ts).

set -eu
nest_uid=
while read -r nest_k nest_v _; do
  if [ "$nest_k" = Uid: ]; then nest_uid=$nest_v; break; fi
done < /proc/self/status || :
[ -n "$nest_uid" ] || nest_uid=$(id -u)
if [ -f /sys/fs/cgroup/cgroup.controllers ]; then
  echo "__CGROUP_LINE_PREFIX__2" >&2
else
  echo "__CGROUP_LINE_PREFIX__1" >&2
fi
. ./mtu-flags.sh
unset DOCKER_HOST DOCKER_TLS_VERIFY DOCKER_CERT_PATH DOCKER_DRIVER DOCKER_CONTEXT
. ./prepare-dind.sh
. ./containerd-first.sh
. ./read-stdin.sh
. ./limit-plain-tcp.sh
nest_official=
if command -v dockerd-entrypoint.sh >/dev/null 2>&1; then
  nest_official=1
elif [ "$nest_uid" != 0 ]; then
  # Only the official entrypoint knows how to start rootless dockerd.
  echo "docker-nest: the image runs as uid $nest_uid but has no dockerd-entrypoint.sh (rootless needs the docker:<version>-dind-rootless contract)" >&2
  exit 126
elif ! command -v dockerd >/dev/null 2>&1; then
  echo "docker-nest: dockerd: not found on PATH in this image" >&2
  exit 127
fi
nest_fast=
if nest_ctr_eligible "$@"; then nest_fast=1; fi
# The official entrypoint prepares the sidecar itself, unless fast start
# runs dockerd without it (below). containerd starts as early as it may:
# after the cgroup v2 nesting (its start spawns processes into the root
# cgroup, which would make enabling the controllers fail), before the rest.
nest_own_prepare=
if [ -n "$nest_fast" ] || [ -z "$nest_official" ]; then nest_own_prepare=1; fi
if [ -n "$nest_own_prepare" ]; then nest_prepare_cgroups; fi
if [ -n "$nest_fast" ]; then nest_ctr_start; fi
# The mounts and the iptables probe go on in the background while this
# shell reads the certificates (each is a few ms of processes or
# byte-by-byte reads on the way to dockerd); joined before dockerd starts.
nest_mounts_pid=
if [ -n "$nest_own_prepare" ]; then
  nest_prepare_mounts &
  nest_mounts_pid=$!
  nest_iptables_probe
  for nest_pid_file in /var/run/docker.pid /run/docker.pid /var/run/docker/containerd/containerd.pid; do
    if [ -e "$nest_pid_file" ]; then rm -f "$nest_pid_file"; fi
  done
fi
if [ "${__STDIN_DELIVERY_ENV__:-}" = stdin ]; then
  unset __STDIN_DELIVERY_ENV__
  nest_read_stdin
fi
if [ -n "$nest_own_prepare" ]; then nest_select_iptables; fi
ready=${DOCKER_TLS_CERTDIR:-}
if [ -z "$ready" ] && [ -n "${DOCKER_NEST_CONFIG_FILE:-}" ]; then
  ready=${DOCKER_NEST_CONFIG_FILE%/*}
fi
if [ -n "$ready" ]; then
  n=0
  while [ ! -e "$ready/__CERTS_READY_MARKER__" ]; do
    n=$((n + 1))
    if [ "$n" -gt 12000 ]; then
      echo "docker-nest: certificates never arrived in $ready" >&2
      exit 90
    fi
    sleep 0.01
  done
fi
if [ -n "${DOCKER_NEST_CONFIG_FILE:-}" ]; then
  set -- "--config-file=$DOCKER_NEST_CONFIG_FILE" "$@"
fi
if [ -n "$nest_mounts_pid" ]; then wait "$nest_mounts_pid" || :; fi
nest_ctr_handoff
if [ -n "${__PLAIN_TCP_ENV__:-}" ]; then nest_limit_plain_tcp || exit 91; fi
unset __PLAIN_TCP_ENV__
if [ -n "$nest_official" ]; then
  if [ -z "$nest_ctr_pid" ] || ! command -v docker-init >/dev/null 2>&1; then
    exec dockerd-entrypoint.sh "$@"
  fi
  # Fast start: what the entrypoint would still do for a root dockerd is
  # done above (hack/dind's steps, iptables backend, stale pid files; the
  # certificates are ours, nothing to verify) but hack/dind's tmpfs on
  # /tmp, which nothing needs before dockerd runs.
  { mountpoint -q /tmp || mount -t tmpfs none /tmp; } >/dev/null 2>&1 &
  echo "__FAST_START_LOG_PREFIX__: dockerd runs under docker-init without the image's entrypoint (its steps are done)" >&2
fi
if [ -n "${DOCKER_TLS_CERTDIR:-}" ]; then
  d=$DOCKER_TLS_CERTDIR/server
  set -- --host=tcp://0.0.0.0:2376 --tlsverify "--tlscacert=$d/ca.pem" "--tlscert=$d/cert.pem" "--tlskey=$d/key.pem" "$@"
else
  set -- --host=tcp://0.0.0.0:2375 "$@"
fi
if [ -n "$nest_ctr_direct" ]; then
  # Fast start without the shim: the watch starts here, dockerd is the
  # real one (nest_ctr_direct implies docker-init, which runs it below).
  set -- "$@" "--containerd=$nest_ctr_sock"
  nest_ctr_watch &
fi
# The TCP listener first: dockerd 20.10 builds each listener's router in
# turn (~10 ms each) and serves the first one first; main waits on TCP.
set -- dockerd "$@" --host=unix:///var/run/docker.sock
if command -v docker-init >/dev/null 2>&1; then
  exec docker-init -- "$@"
fi
exec "$@"
