/**
 * A minimal ustar writer, enough to stream a few small files into a container
 * with `docker cp - <container>:/` (which, unlike a path copy, creates the
 * parent directories and lets us order entries: the ready-marker goes last).
 */

/** One entry of the archive: a directory (no content), a regular file or a symbolic link. */
export interface TarEntry {
  path: string
  mode: number
  content?: string
  /** Makes the entry a symbolic link to this target (content is ignored). */
  linkTarget?: string
  /** Owner; root (0) unless set (the rootless image reads its certs as uid 1000). */
  uid?: number
  gid?: number
}

const BLOCK = 512

function writeString(
  header: Buffer,
  value: string,
  offset: number,
  length: number
) {
  header.write(
    value,
    offset,
    Math.min(Buffer.byteLength(value), length),
    'utf8'
  )
}

function writeOctal(
  header: Buffer,
  value: number,
  offset: number,
  length: number
) {
  writeString(
    header,
    value.toString(8).padStart(length - 1, '0') + '\0',
    offset,
    length
  )
}

/** The ustar type flag: '2' symbolic link, '5' directory, '0' regular file. */
function typeFlag(entry: TarEntry): string {
  if (entry.linkTarget !== undefined) return '2'
  return entry.content === undefined ? '5' : '0'
}

function headerFor(entry: TarEntry, size: number, mtime: number): Buffer {
  if (Buffer.byteLength(entry.path) > 100) {
    throw new Error(`tar: path too long for a ustar header: ${entry.path}`)
  }
  if (Buffer.byteLength(entry.linkTarget ?? '') > 100) {
    throw new Error(
      `tar: link target too long for a ustar header: ${entry.path}`
    )
  }
  const header = Buffer.alloc(BLOCK)
  writeString(header, entry.path, 0, 100)
  writeOctal(header, entry.mode, 100, 8)
  writeOctal(header, entry.uid ?? 0, 108, 8)
  writeOctal(header, entry.gid ?? 0, 116, 8)
  writeOctal(header, size, 124, 12)
  writeOctal(header, mtime, 136, 12)
  header.fill(' ', 148, 156) // checksum is computed with spaces here
  writeString(header, typeFlag(entry), 156, 1)
  writeString(header, entry.linkTarget ?? '', 157, 100)
  writeString(header, 'ustar\0' + '00', 257, 8)
  let sum = 0
  for (const byte of header) sum += byte
  writeString(header, sum.toString(8).padStart(6, '0') + '\0 ', 148, 8)
  return header
}

/** Builds a tar archive from the entries, in order. */
export function createTar(
  entries: TarEntry[],
  mtime = Math.floor(Date.now() / 1000)
): Buffer {
  const parts: Buffer[] = []
  for (const entry of entries) {
    const data = Buffer.from(
      entry.linkTarget === undefined ? (entry.content ?? '') : '',
      'utf8'
    )
    parts.push(headerFor(entry, data.length, mtime))
    if (data.length > 0) {
      parts.push(data, Buffer.alloc((BLOCK - (data.length % BLOCK)) % BLOCK))
    }
  }
  parts.push(Buffer.alloc(BLOCK * 2)) // end-of-archive marker
  return Buffer.concat(parts)
}
