// Generated from read-stdin.sh by scripts/embed-shell.mjs; do not edit.
// Edit the .sh file, then run `npm run build` (or the script alone).

/** read-stdin.sh as the sidecar runs it, its placeholders filled from `values`. */
export function readStdinScript(values: {
  readonly NON_ROOT_MESSAGE: string
  readonly STDIN_END_LINE: string
}): string {
  return `nest_read_stdin() {
  if [ "\${nest_uid:-$(id -u)}" != 0 ]; then
    echo "docker-nest: ${values.NON_ROOT_MESSAGE} (uid \${nest_uid:-$(id -u)})" >&2
    exit 1
  fi
  nest_done=
  nest_mask0=$(umask)
  while IFS=' ' read -r nest_kind nest_path nest_mask nest_count; do
    case $nest_kind in
      dir)
        if [ ! -d "$nest_path" ]; then umask "$nest_mask"; mkdir -p "$nest_path"; fi
        ;;
      file)
        if [ ! -d "\${nest_path%/*}" ]; then umask "$nest_mask0"; mkdir -p "\${nest_path%/*}"; fi
        if [ -e "$nest_path" ] || [ -L "$nest_path" ]; then rm -f "$nest_path"; fi
        umask "$nest_mask"
        nest_i=0
        while [ "$nest_i" -lt "$nest_count" ]; do
          IFS= read -r nest_line || break
          printf '%s\\n' "$nest_line"
          nest_i=$((nest_i + 1))
        done > "$nest_path"
        [ "$nest_i" -eq "$nest_count" ] || break
        ;;
      ${values.STDIN_END_LINE}) nest_done=1; break ;;
      *) break ;;
    esac
  done
  umask "$nest_mask0"
  exec < /dev/null
  if [ -z "$nest_done" ]; then
    echo "docker-nest: the certificates did not arrive on stdin (main stopped before it sent them)" >&2
    exit 90
  fi
}
`
}
