# shellcheck shell=sh
# The body of `dockerd` in /run/docker-nest/bin, which the start script puts
# first on PATH (nest_ctr_start writes it after a header that sets PATH
# back, pid, sock, state, t0 and wait). Whoever runs dockerd (the official
# entrypoint, its dind wrapper, or docker-init) runs this instead.
#
# It hands over early: dockerd spends ~70-100 ms in its own start before it
# dials containerd, and its dialer waits for a socket that does not exist
# yet (containerd's dialer retries "no such file" every 10 ms, in every
# Docker version), so dockerd and containerd start side by side. The shim
# waits only until containerd has read its config (it then makes its state
# directory): a config it refuses, or a containerd that never gets that far
# (10 s: 2000 polls of 5 ms), still means dockerd starts its own, as usual.
# An official image of Docker 20.10-28 (ENV DOCKER_VERSION) skips even that
# wait (`wait` is empty): it bundles containerd 1.4-1.7, which takes this
# config, and dockerd's exec then follows the container's start as closely
# as with the stock entrypoint. Newer or unknown containerds keep the
# fallback. From the handover until the socket exists the watch
# (containerd-watch.sh) runs beside dockerd, forked twice so PID 1 reaps
# it. Where the start script execs docker-init itself and nothing is waited
# for, it hands over without this shim (`nest_ctr_direct`).
#
# No single quotes: the start script writes it inside '…'.
# shellcheck disable=SC2154 # pid, sock, state, t0 and wait come from the header

export PATH
. ./containerd-watch.sh
off() {
  rm -f "$sock"
  echo "__FAST_START_LOG_PREFIX__ off: $1; dockerd starts its own containerd" >&2
  shift
  exec dockerd "$@"
}
n=0
while [ -n "$wait" ] && [ ! -S "$sock" ] && [ ! -d "$state" ]; do
  if ! alive; then
    off "containerd exited before it listened (its log is above)" "$@"
  fi
  n=$((n + 1))
  if [ "$n" -gt 2000 ]; then
    kill "$pid" 2>/dev/null || :
    off "containerd did not start within 10 s" "$@"
  fi
  sleep 0.005
done
dockerd_pid=$$
( (nest_watch_containerd kill -9 "$dockerd_pid") & )
exec dockerd "$@" "--containerd=$sock"
