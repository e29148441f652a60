# shellcheck shell=sh
# `nest_read_stdin`: writes the files main sends on stdin (stdin-delivery.ts
# describes the line format), parents made as needed as docker cp does, each
# created with its mode through the umask before any content goes in (the
# key is never readable by others), then lets go of stdin and restores the
# umask. Only built-ins unless a directory is missing or a file is already
# there. Reads `nest_uid` (the start script's uid) if set. Fails when the
# stream ends before the end line (main died or gave up).
#
# __NON_ROOT_MESSAGE__ and __STDIN_END_LINE__ are filled in from
# stdin-delivery.ts.

nest_read_stdin() {
  if [ "${nest_uid:-$(id -u)}" != 0 ]; then
    echo "docker-nest: __NON_ROOT_MESSAGE__ (uid ${nest_uid:-$(id -u)})" >&2
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
        if [ ! -d "${nest_path%/*}" ]; then umask "$nest_mask0"; mkdir -p "${nest_path%/*}"; fi
        if [ -e "$nest_path" ] || [ -L "$nest_path" ]; then rm -f "$nest_path"; fi
        umask "$nest_mask"
        nest_i=0
        while [ "$nest_i" -lt "$nest_count" ]; do
          IFS= read -r nest_line || break
          printf '%s\n' "$nest_line"
          nest_i=$((nest_i + 1))
        done > "$nest_path"
        [ "$nest_i" -eq "$nest_count" ] || break
        ;;
      __STDIN_END_LINE__) nest_done=1; break ;;
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
