/**
 * "Fast start" (issue 9): the sidecar starts containerd itself, right away,
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
 * plugin off, dockerd's log level. containerd is a child of PID 1 (the start
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
/** How long the script waits for the socket before it falls back (×5 ms). */
const SOCKET_POLLS = 2000

/**
 * Shell functions: `nest_ctr_eligible "$@"` (0 when fast start applies; else
 * it logs why not), `nest_ctr_start`, and `nest_ctr_finish`, which waits for
 * the socket and sets `nest_ctr_flag` to the dockerd flag, or logs the
 * fallback and leaves it empty. Lines start with `docker-nest: fast start`
 * so main can show them at debug level.
 */
export const CONTAINERD_FIRST_FUNCTIONS = `nest_ctr_sock=${CONTAINERD_SOCKET}
nest_ctr_dir=\${nest_ctr_sock%/*}
nest_ctr_pid=
nest_ctr_flag=
nest_ctr_level=
nest_ctr_config=/etc/docker/daemon.json
nest_ctr_off() {
  echo "docker-nest: fast start off: $1; dockerd starts its own containerd" >&2
  return 1
}
nest_ms() {
  read -r nest_up _ < /proc/uptime
  nest_cs=\${nest_up%.*}\${nest_up#*.}
  nest_cs=\${nest_cs#"\${nest_cs%%[!0]*}"}
  echo $(( \${nest_cs:-0} * 10 ))
}
nest_ctr_eligible() {
  [ "\${${FAST_START_ENV}:-true}" = true ] || nest_ctr_off "input fast-start is false" || return 1
  [ "$(id -u)" = 0 ] || nest_ctr_off "the image runs dockerd as a non-root user" || return 1
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
  nest_ctr_t0=$(nest_ms)
  mkdir -p "$nest_ctr_dir"
  rm -f "$nest_ctr_sock"
  {
    echo 'version = 2'
    echo 'root = "/var/lib/docker/containerd/daemon"'
    echo 'state = "/var/run/docker/containerd/daemon"'
    echo 'disabled_plugins = ["io.containerd.grpc.v1.cri"]'
    echo '[grpc]'
    echo "  address = \\"$nest_ctr_sock\\""
  } > "$nest_ctr_dir/config.toml"
  containerd --config "$nest_ctr_dir/config.toml" \${nest_ctr_level:+--log-level "$nest_ctr_level"} < /dev/null &
  nest_ctr_pid=$!
}
nest_ctr_stop() {
  kill "$nest_ctr_pid" 2>/dev/null || :
  wait "$nest_ctr_pid" 2>/dev/null || :
  nest_ctr_pid=
  rm -f "$nest_ctr_sock"
}
nest_ctr_finish() {
  [ -n "$nest_ctr_pid" ] || return 0
  if [ -f "$nest_ctr_config" ] && grep -q '"containerd"[[:space:]]*:' "$nest_ctr_config"; then
    nest_ctr_stop
    nest_ctr_off "$nest_ctr_config sets containerd" || return 0
  fi
  nest_n=0
  while [ ! -S "$nest_ctr_sock" ]; do
    nest_state=Z
    read -r _ _ nest_state _ 2>/dev/null < /proc/$nest_ctr_pid/stat || :
    if [ "$nest_state" = Z ]; then
      nest_ctr_stop
      nest_ctr_off "containerd exited before it listened (its log is above)" || return 0
    fi
    nest_n=$((nest_n + 1))
    if [ "$nest_n" -gt ${SOCKET_POLLS} ]; then
      nest_ctr_stop
      nest_ctr_off "containerd did not listen within 10 s" || return 0
    fi
    sleep 0.005
  done
  nest_ctr_flag=--containerd=$nest_ctr_sock
  echo "docker-nest: fast start: containerd (pid $nest_ctr_pid) listens on $nest_ctr_sock after $(( $(nest_ms) - nest_ctr_t0 )) ms" >&2
}
`

/** The prefix of the start script's fast-start log lines (see {@link CONTAINERD_FIRST_FUNCTIONS}). */
export const FAST_START_LOG_PREFIX = 'docker-nest: fast start'
