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
import { readStdinScript } from './scripts/read-stdin.generated.js'

/** Env var of the sidecar: `stdin` when the files come that way. */
export const STDIN_DELIVERY_ENV = 'DOCKER_NEST_DELIVERY'
/** The line that closes the stream; the start script stops reading there. */
export const STDIN_END_LINE = 'end'
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
  out.push(STDIN_END_LINE)
  return Buffer.from(`${out.join('\n')}\n`, 'utf8')
}

/**
 * `nest_read_stdin` (scripts/read-stdin.sh): writes the files, each created
 * with its mode through the umask before any content goes in (the key is
 * never readable by others), then lets go of stdin. Fails when the stream
 * ends before {@link STDIN_END_LINE} (main died or gave up).
 */
export const STDIN_READ_FUNCTION = readStdinScript({
  NON_ROOT_MESSAGE,
  STDIN_END_LINE
})
