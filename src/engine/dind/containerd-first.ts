/**
 * "Fast start": the sidecar starts containerd itself, right away,
 * and hands its socket to dockerd with `--containerd=<socket>`.
 *
 * Why: a dockerd that starts its own ("managed") containerd dials the socket
 * before containerd listens, and gRPC's first reconnect back-off is one
 * second. On Docker 26 that second is half of the start (1.8 s → 0.85 s
 * measured on the test machines); Docker 20.10 barely waits, but starting
 * containerd while main is still copying the certificates in overlaps it
 * with main's work there too.
 *
 * What stays as with the managed containerd: its root and state directories
 * (`<data root>/containerd/daemon`, `/var/run/docker/containerd/daemon`, so a
 * kept volume and the containerd image store work either way), the CRI
 * plugin off, and dockerd's log level when dockerd-args set one. Otherwise
 * containerd logs warnings and errors only: at info, containerd 2 writes
 * ~80 plugin lines while dockerd starts, which would fill the log tail a
 * failed start is diagnosed from. containerd is a child of PID 1 (the start
 * script, then docker-init after the exec), so it is reaped, and it goes
 * with the container's PID namespace after dockerd exited: dockerd still
 * shuts down first on `docker stop`.
 *
 * The fragments below are POSIX sh, spliced into the start script
 * (startup-script.ts). They use only shell built-ins in their wait loops,
 * plus `sleep` for the pause.
 */

/** The socket our containerd listens on; dockerd gets it as `--containerd`. */
export const CONTAINERD_SOCKET = '/run/docker-nest/containerd/containerd.sock'
/** Env var of the sidecar that turns fast start off (`false`); from input `fast-start`. */
export const FAST_START_ENV = 'DOCKER_NEST_FAST_START'
/** How long the dockerd shim waits for containerd to read its config before it falls back (×5 ms). */
const SOCKET_POLLS = 2000

/** The prefix of the start script's fast-start log lines (see {@link CONTAINERD_FIRST_FUNCTIONS}). */
export const FAST_START_LOG_PREFIX = 'docker-nest: fast start'
/** The fallback line of the start script and of the dockerd shim; `$1` is the reason. */
const OFF_LINE = `${FAST_START_LOG_PREFIX} off: $1; dockerd starts its own containerd`

/**
 * `nest_ms` sets `nest_now` to the milliseconds since boot, from
 * /proc/uptime: shell built-ins only, and a variable rather than output,
 * since `$(nest_ms)` would fork (5-10 ms while both daemons start here).
 */
const NEST_MS = `nest_ms() {
  read -r nest_up _ < /proc/uptime
  nest_cs=\${nest_up%.*}\${nest_up#*.}
  nest_cs=\${nest_cs#"\${nest_cs%%[!0]*}"}
  nest_now=$(( \${nest_cs:-0} * 10 ))
}`

/** Where our containerd keeps its state; it makes the directory once its config is read. */
export const CONTAINERD_STATE_DIR = '/var/run/docker/containerd/daemon'

/** The line the dockerd shim's watch prints when containerd died after the handover. */
export const CONTAINERD_DIED_LINE = `${FAST_START_LOG_PREFIX} failed: containerd exited before it listened (its log is above); dockerd stopped. Input fast-start: false lets dockerd start its own containerd`

/** `alive`: containerd (`$pid`) has not exited (built-ins only). */
const ALIVE = `alive() {
  s=Z
  read -r _ _ s _ 2>/dev/null < "/proc/$pid/stat" || :
  [ "$s" != Z ]
}`

/**
 * The watch beside dockerd from the handover until containerd (`$pid`)
 * listens on `$sock`: if containerd dies first, `stopDockerd` runs with a
 * line saying why, instead of dockerd dialing a dead socket for 60 s; else
 * one debug line says when it listened. It polls every 20 ms, not 5: each
 * `sleep` is a process, and these run while dockerd and containerd start,
 * on the CPUs both want. No single quotes (the shim is written inside '…').
 */
function watchLoop(stopDockerd: string): string {
  return `  n=0
  while [ ! -S "$sock" ]; do
    if ! alive; then
      echo "${CONTAINERD_DIED_LINE}" >&2
      ${stopDockerd}
      exit 0
    fi
    n=$((n + 1))
    if [ "$n" -lt 100 ]; then sleep 0.02; else sleep 0.05; fi
  done
  nest_ms
  echo "${FAST_START_LOG_PREFIX}: containerd (pid $pid) listens on $sock after $(( nest_now - t0 )) ms" >&2`
}

/**
 * The body of `dockerd` in /run/docker-nest/bin, which the start script
 * puts first on PATH (after a header that sets PATH back, pid, sock, state,
 * t0). Whoever runs dockerd (the official entrypoint, its dind wrapper, or
 * docker-init) runs this instead.
 *
 * It hands over early: dockerd spends ~70-100 ms in its own start before it
 * dials containerd, and its dialer waits for a socket that does not exist
 * yet (containerd's dialer retries "no such file" every 10 ms, in every
 * Docker version), so dockerd and containerd start side by side (~60 ms
 * less than waiting for the socket first, measured on 20.10). The shim
 * waits only until containerd has read its config (it then makes its state
 * directory): a config it refuses, or a containerd that never gets that far,
 * still means dockerd starts its own, as usual. An official image of
 * Docker 20.10-28 (ENV DOCKER_VERSION) skips even that wait: it bundles
 * containerd 1.4-1.7, which takes this config (tested: 20.10 and 26), and
 * dockerd's exec then follows the container's start as closely as with the
 * stock entrypoint (~25 ms sooner). Newer or unknown containerds keep the
 * fallback. From the handover until the socket exists the watch
 * ({@link watchLoop}) runs beside dockerd, forked twice so PID 1 reaps it.
 * Where the start script execs docker-init itself and nothing is waited
 * for, it hands over without this shim (`nest_ctr_direct`).
 * No single quotes: the start script writes it inside '…'.
 */
export const DOCKERD_SHIM = `export PATH
${NEST_MS}
off() {
  rm -f "$sock"
  echo "${OFF_LINE}" >&2
  shift
  exec dockerd "$@"
}
${ALIVE}
n=0
while [ -n "$wait" ] && [ ! -S "$sock" ] && [ ! -d "$state" ]; do
  if ! alive; then
    off "containerd exited before it listened (its log is above)" "$@"
  fi
  n=$((n + 1))
  if [ "$n" -gt ${SOCKET_POLLS} ]; then
    kill "$pid" 2>/dev/null || :
    off "containerd did not start within 10 s" "$@"
  fi
  sleep 0.005
done
dockerd_pid=$$
( (
${watchLoop('kill -9 "$dockerd_pid" 2>/dev/null || :')}
) & )
exec dockerd "$@" "--containerd=$sock"`

/**
 * Shell functions: `nest_ctr_eligible "$@"` (0 when fast start applies; else
 * it logs why not), `nest_ctr_start` (containerd in the background, and the
 * dockerd shim above), and `nest_ctr_handoff`, which puts the shim on PATH
 * unless daemon.json names a containerd of its own. Lines start with
 * `docker-nest: fast start` so main can show them at debug level.
 */
export const CONTAINERD_FIRST_FUNCTIONS = `nest_ctr_sock=${CONTAINERD_SOCKET}
nest_ctr_dir=\${nest_ctr_sock%/*}
nest_ctr_pid=
nest_ctr_chmod=
nest_ctr_direct=
nest_ctr_bin=/run/docker-nest/bin
nest_ctr_level=warn
nest_ctr_config=/etc/docker/daemon.json
nest_ctr_off() {
  echo "${OFF_LINE}" >&2
  return 1
}
${NEST_MS}
nest_ctr_eligible() {
  [ "\${${FAST_START_ENV}:-true}" = true ] || nest_ctr_off "input fast-start is false" || return 1
  [ "\${nest_uid:-$(id -u)}" = 0 ] || nest_ctr_off "the image runs dockerd as a non-root user" || return 1
  command -v containerd >/dev/null 2>&1 || nest_ctr_off "the image has no containerd binary" || return 1
  if ! command -v dockerd-entrypoint.sh >/dev/null 2>&1 && ! command -v docker-init >/dev/null 2>&1; then
    nest_ctr_off "the image has no docker-init to run as PID 1 and reap containerd" || return 1
  fi
  nest_prev=
  for nest_arg; do
    case $nest_arg in
      --containerd|--containerd=*) nest_ctr_off "dockerd-args set --containerd" || return 1 ;;
      --exec-root|--exec-root=*) nest_ctr_off "dockerd-args set --exec-root" || return 1 ;;
      --rootless|--rootless=*) nest_ctr_off "dockerd-args set --rootless" || return 1 ;;
      --config-file=*) nest_ctr_config=\${nest_arg#*=} ;;
      -D|--debug|--debug=true) nest_ctr_level=debug ;;
      --log-level=*|-l=*) nest_ctr_level=\${nest_arg#*=} ;;
    esac
    case $nest_prev in
      --config-file) nest_ctr_config=$nest_arg ;;
      -l|--log-level) nest_ctr_level=$nest_arg ;;
    esac
    nest_prev=$nest_arg
  done
  return 0
}
nest_ctr_start() {
  nest_ms
  nest_ctr_t0=$nest_now
  # containerd 1.4-1.7 (official 20.10-28): its aufs snapshotter would run
  # modprobe while both daemons start, for a filesystem no dockerd here uses.
  nest_ctr_plugins='"io.containerd.grpc.v1.cri"'
  case \${DOCKER_VERSION:-} in
    20.10.*|2[1-8].*)
      nest_ctr_wait=
      nest_ctr_plugins="$nest_ctr_plugins, \\"io.containerd.snapshotter.v1.aufs\\""
      ;;
    *) nest_ctr_wait=1 ;;
  esac
  if [ -z "$nest_ctr_wait" ] && command -v docker-init >/dev/null 2>&1; then nest_ctr_direct=1; fi
  mkdir -p "$nest_ctr_dir" "$nest_ctr_bin"
  if [ -e "$nest_ctr_sock" ]; then rm -f "$nest_ctr_sock"; fi
  {
    echo 'version = 2'
    echo 'root = "/var/lib/docker/containerd/daemon"'
    echo 'state = "${CONTAINERD_STATE_DIR}"'
    echo "disabled_plugins = [$nest_ctr_plugins]"
    echo '[grpc]'
    echo "  address = \\"$nest_ctr_sock\\""
  } > "$nest_ctr_dir/config.toml"
  containerd --config "$nest_ctr_dir/config.toml" --log-level "$nest_ctr_level" < /dev/null &
  nest_ctr_pid=$!
  [ -z "$nest_ctr_direct" ] || return 0
  # Written while containerd boots; put on PATH by nest_ctr_handoff.
  {
    echo '#!/bin/sh'
    echo "PATH='$PATH'"
    echo "pid=$nest_ctr_pid sock=$nest_ctr_sock state=${CONTAINERD_STATE_DIR} t0=$nest_ctr_t0 wait=$nest_ctr_wait"
    printf '%s\\n' '${DOCKERD_SHIM}'
  } > "$nest_ctr_bin/dockerd"
  # In the background: nothing runs the shim before nest_ctr_handoff waits.
  chmod 755 "$nest_ctr_bin/dockerd" &
  nest_ctr_chmod=$!
}
nest_ctr_stop() {
  nest_ctr_direct=
  rm -f "$nest_ctr_bin/dockerd"
  kill "$nest_ctr_pid" 2>/dev/null || :
  wait "$nest_ctr_pid" 2>/dev/null || :
  nest_ctr_pid=
  rm -f "$nest_ctr_sock"
}
nest_ctr_handoff() {
  [ -n "$nest_ctr_pid" ] || return 0
  if [ -f "$nest_ctr_config" ] && grep -q '"containerd"[[:space:]]*:' "$nest_ctr_config"; then
    nest_ctr_stop
    nest_ctr_off "$nest_ctr_config sets containerd" || return 0
  fi
  [ -z "$nest_ctr_direct" ] || return 0
  wait "$nest_ctr_chmod" || :
  PATH="$nest_ctr_bin:$PATH"
  export PATH
}
# The shim's watch for a direct handover: run in the background right
# before this shell ($$, in the watch too) execs docker-init, so dockerd
# is a child of $$; only that dockerd is stopped.
nest_ctr_watch() {
  pid=$nest_ctr_pid sock=$nest_ctr_sock t0=$nest_ctr_t0
${watchLoop('nest_ctr_kill_dockerd')}
}
${ALIVE}
nest_ctr_kill_dockerd() {
  for nest_p in /proc/[0-9]*; do
    nest_c= nest_pp=
    read -r _ nest_c _ nest_pp _ 2>/dev/null < "$nest_p/stat" || :
    if [ "$nest_c" = "(dockerd)" ] && [ "$nest_pp" = $$ ]; then
      kill -9 "\${nest_p#/proc/}" 2>/dev/null || :
    fi
  done
}
`
