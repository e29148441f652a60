# shellcheck shell=sh
# What the dockerd shim and the start script's direct handover share:
#
# `nest_ms` sets `nest_now` to the milliseconds since boot, from
# /proc/uptime: shell built-ins only, and a variable rather than output,
# since `$(nest_ms)` would fork (5-10 ms while both daemons start here).
#
# `alive`: containerd (`$pid`) has not exited (built-ins only).
#
# `nest_watch_containerd STOP...` runs beside dockerd from the handover
# until containerd (`$pid`) listens on `$sock`: if containerd dies first,
# it runs STOP (the command that stops dockerd) with a line saying why and
# exits, instead of dockerd dialing a dead socket for 60 s; else one debug
# line says when it listened (`$t0` is containerd's start, from nest_ms).
# It polls every 20 ms, not 5: each `sleep` is a process, and these run
# while dockerd and containerd start, on the CPUs both want. Run it in a
# subshell: it exits.
#
# No single quotes: the shim, which includes this, is written inside '…'.
# shellcheck disable=SC2154 # pid, sock and t0 are set by the includer

nest_ms() {
  read -r nest_up _ < /proc/uptime
  nest_cs=${nest_up%.*}${nest_up#*.}
  nest_cs=${nest_cs#"${nest_cs%%[!0]*}"}
  nest_now=$(( ${nest_cs:-0} * 10 ))
}
alive() {
  s=Z
  read -r _ _ s _ 2>/dev/null < "/proc/$pid/stat" || :
  [ "$s" != Z ]
}
nest_watch_containerd() {
  n=0
  while [ ! -S "$sock" ]; do
    if ! alive; then
      echo "__CONTAINERD_DIED_LINE__" >&2
      "$@" 2>/dev/null || :
      exit 0
    fi
    n=$((n + 1))
    if [ "$n" -lt 100 ]; then sleep 0.02; else sleep 0.05; fi
  done
  nest_ms
  echo "__FAST_START_LOG_PREFIX__: containerd (pid $pid) listens on $sock after $(( nest_now - t0 )) ms" >&2
}
