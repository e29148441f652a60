// Generated from containerd-watch.sh by scripts/embed-shell.mjs; do not edit.
// Edit the .sh file, then run `npm run build` (or the script alone).

/** containerd-watch.sh as the sidecar runs it, its placeholders filled from `values`. */
export function containerdWatchScript(values: {
  readonly CONTAINERD_DIED_LINE: string
  readonly FAST_START_LOG_PREFIX: string
}): string {
  return `nest_ms() {
  read -r nest_up _ < /proc/uptime
  nest_cs=\${nest_up%.*}\${nest_up#*.}
  nest_cs=\${nest_cs#"\${nest_cs%%[!0]*}"}
  nest_now=$(( \${nest_cs:-0} * 10 ))
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
      echo "${values.CONTAINERD_DIED_LINE}" >&2
      "$@" 2>/dev/null || :
      exit 0
    fi
    n=$((n + 1))
    if [ "$n" -lt 100 ]; then sleep 0.02; else sleep 0.05; fi
  done
  nest_ms
  echo "${values.FAST_START_LOG_PREFIX}: containerd (pid $pid) listens on $sock after $(( nest_now - t0 )) ms" >&2
}
`
}
