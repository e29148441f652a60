# shellcheck shell=sh
# Fast start's shell functions (containerd-first.ts says why fast start
# exists):
#
# - `nest_ctr_eligible "$@"`: 0 when fast start applies; else it logs why
#   not. It reads dockerd's flags for containerd's log level and config.
# - `nest_ctr_start`: containerd in the background, and the dockerd shim
#   (dockerd-shim.sh, filled in as __DOCKERD_SHIM__) unless the handover is
#   direct.
# - `nest_ctr_handoff`: puts the shim on PATH, unless daemon.json names a
#   containerd of its own.
# - `nest_ctr_watch`: the direct handover's watch (containerd-watch.sh).
#
# Lines start with __FAST_START_LOG_PREFIX__ so main can show them at debug
# level. The wait loops use only shell built-ins, plus `sleep` for the pause.

nest_ctr_sock=__CONTAINERD_SOCKET__
nest_ctr_dir=${nest_ctr_sock%/*}
nest_ctr_pid=
nest_ctr_chmod=
nest_ctr_direct=
nest_ctr_bin=/run/docker-nest/bin
nest_ctr_level=warn
nest_ctr_config=/etc/docker/daemon.json
nest_ctr_off() {
  echo "__FAST_START_LOG_PREFIX__ off: $1; dockerd starts its own containerd" >&2
  return 1
}
. ./containerd-watch.sh
nest_ctr_eligible() {
  [ "${__FAST_START_ENV__:-true}" = true ] || nest_ctr_off "input fast-start is false" || return 1
  [ "${nest_uid:-$(id -u)}" = 0 ] || nest_ctr_off "the image runs dockerd as a non-root user" || return 1
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
      --config-file=*) nest_ctr_config=${nest_arg#*=} ;;
      -D|--debug|--debug=true) nest_ctr_level=debug ;;
      --log-level=*|-l=*) nest_ctr_level=${nest_arg#*=} ;;
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
  case ${DOCKER_VERSION:-} in
    20.10.*|2[1-8].*)
      nest_ctr_wait=
      nest_ctr_plugins="$nest_ctr_plugins, \"io.containerd.snapshotter.v1.aufs\""
      ;;
    *) nest_ctr_wait=1 ;;
  esac
  if [ -z "$nest_ctr_wait" ] && command -v docker-init >/dev/null 2>&1; then nest_ctr_direct=1; fi
  mkdir -p "$nest_ctr_dir" "$nest_ctr_bin"
  if [ -e "$nest_ctr_sock" ]; then rm -f "$nest_ctr_sock"; fi
  {
    echo 'version = 2'
    echo 'root = "/var/lib/docker/containerd/daemon"'
    echo 'state = "__CONTAINERD_STATE_DIR__"'
    echo "disabled_plugins = [$nest_ctr_plugins]"
    echo '[grpc]'
    echo "  address = \"$nest_ctr_sock\""
  } > "$nest_ctr_dir/config.toml"
  containerd --config "$nest_ctr_dir/config.toml" --log-level "$nest_ctr_level" < /dev/null &
  nest_ctr_pid=$!
  [ -z "$nest_ctr_direct" ] || return 0
  # Written while containerd boots; put on PATH by nest_ctr_handoff.
  {
    echo '#!/bin/sh'
    echo "PATH='$PATH'"
    echo "pid=$nest_ctr_pid sock=$nest_ctr_sock state=__CONTAINERD_STATE_DIR__ t0=$nest_ctr_t0 wait=$nest_ctr_wait"
    printf '%s\n' '__DOCKERD_SHIM__'
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
  nest_watch_containerd nest_ctr_kill_dockerd
}
nest_ctr_kill_dockerd() {
  for nest_p in /proc/[0-9]*; do
    nest_c='' nest_pp=''
    read -r _ nest_c _ nest_pp _ 2>/dev/null < "$nest_p/stat" || :
    if [ "$nest_c" = "(dockerd)" ] && [ "$nest_pp" = $$ ]; then
      kill -9 "${nest_p#/proc/}" 2>/dev/null || :
    fi
  done
}
