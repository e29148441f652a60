/**
 * The server certificate (and daemon.json) handed to the sidecar on its
 * stdin instead of `PUT /archive`. The files can only be made once
 * the container runs (the certificate names its IP), so whatever carries
 * them sits between the start and dockerd. An archive upload makes the
 * runner's daemon mount the container's filesystem: ~80–100 ms on Docker
 * 20.10, on a CPU the starting nest needs too. Writing a few KB into a stdin
 * that main attached to before the start costs a write.
 *
 * Only on the Engine API path (sidecar-access.ts), and only for a root
 * sidecar (the rootless image's uid 1000 cannot write root-owned files; it
 * keeps `docker cp`). The container is created with `OpenStdin` and
 * `StdinOnce`, so the stream closes when main's attach ends, and with
 * {@link STDIN_DELIVERY_ENV}, which tells the start script to read it.
 *
 * The format is lines the script reads with shell built-ins, so the image
 * needs no tar (the official image has busybox's; a plain one may not), and
 * so reading it costs no process: this is on the path to dockerd.
 *
 *     dir <absolute path> <umask>
 *     file <absolute path> <umask> <number of lines>
 *     <that many lines>
 *     end
 *
 * The umask is the one that makes the file or directory with its mode (no
 * chmod process); a directory that exists is left as it is. Contents are
 * text (PEM, JSON); each line is written back with a newline.
 */
import type { TarEntry } from '../docker/tar.js'

/** Env var of the sidecar: `stdin` when the files come that way. */
export const STDIN_DELIVERY_ENV = 'DOCKER_NEST_DELIVERY'
const END = 'end'
/**
 * What the start script says when the image runs as non-root although the
 * plan said root (a dind-rootless image without input rootless: true);
 * rootless-diagnose.ts turns it into the hint to set that input.
 */
export const NON_ROOT_MESSAGE =
  'the image runs as a non-root user and cannot write the certificates as root'

/** The entries in the line format above; paths become absolute. */
export function encodeForStdin(entries: TarEntry[]): Buffer {
  const out: string[] = []
  for (const entry of entries) {
    const path = `/${entry.path.replace(/^\/+/, '').replace(/\/+$/, '')}`
    if (/\s/.test(path) || path === '/') {
      throw new Error(`stdin delivery: unusable path '${entry.path}'`)
    }
    if (entry.uid || entry.gid) {
      throw new Error(`stdin delivery: ${path} must be owned by root`)
    }
    // Files are made 0666 & ~umask, directories 0777 & ~umask.
    const mask = (~entry.mode & 0o777).toString(8).padStart(3, '0')
    if (entry.content === undefined) {
      out.push(`dir ${path} ${mask}`)
      continue
    }
    if (entry.mode & 0o111) {
      throw new Error(`stdin delivery: ${path} cannot be executable`)
    }
    const lines = entry.content === '' ? [] : entry.content.split('\n')
    if (lines.at(-1) === '') lines.pop()
    out.push(`file ${path} ${mask} ${lines.length}`, ...lines)
  }
  out.push(END)
  return Buffer.from(`${out.join('\n')}\n`, 'utf8')
}

/**
 * `nest_read_stdin`: writes the files (parents made as needed, as docker cp
 * does), each created with its mode through the umask before any content
 * goes in (the key is never readable by others), then lets go of stdin and
 * restores the umask. Only built-ins unless a directory is missing or a
 * file is already there. Reads `nest_uid` (the start script's uid) if set. Fails
 * when the stream ends before `end` (main died or gave up).
 */
export const STDIN_READ_FUNCTION = `nest_read_stdin() {
  if [ "\${nest_uid:-$(id -u)}" != 0 ]; then
    echo "docker-nest: ${NON_ROOT_MESSAGE} (uid \${nest_uid:-$(id -u)})" >&2
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
      ${END}) nest_done=1; break ;;
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
