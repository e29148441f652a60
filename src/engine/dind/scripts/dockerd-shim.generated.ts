// Generated from dockerd-shim.sh by scripts/embed-shell.mjs; do not edit.
// Edit the .sh file, then run `npm run build` (or the script alone).

import { containerdWatchScript } from './containerd-watch.generated.js'

/** dockerd-shim.sh as the sidecar runs it, with containerd-watch.sh included, its placeholders filled from `values`. */
export function dockerdShimScript(values: {
  readonly CONTAINERD_DIED_LINE: string
  readonly FAST_START_LOG_PREFIX: string
}): string {
  return `export PATH
${containerdWatchScript(values)}off() {
  rm -f "$sock"
  echo "${values.FAST_START_LOG_PREFIX} off: $1; dockerd starts its own containerd" >&2
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
`
}
