/**
 * Path lookups inside a file-system root that need not be `/`: the
 * runner's own tree, or a fake one in tests. Symbolic links are followed as
 * the kernel would inside that root (an absolute target starts again at the
 * root, `..` climbs from the directory reached so far), and every link
 * passed on the way is recorded: inside the nest each of them must exist at
 * the same path for the path to work there.
 */
import { closeSync, lstatSync, openSync, readSync, readlinkSync } from 'node:fs'
import { posix } from 'node:path'

/** A symbolic link passed while resolving a path. */
export interface LinkHop {
  /** Where the link is (its parent directories already resolved). */
  path: string
  /** What it points to, as stored in the link. */
  target: string
}

/** A path resolved inside a root. */
export interface ResolvedPath {
  /** The real path inside the root: no component is a link. */
  path: string
  /** The links passed on the way, in order. */
  links: LinkHop[]
  kind: 'file' | 'directory' | 'other'
  /** Whether any execute bit is set (files only). */
  executable: boolean
}

/** Linux gives up after 40 links (ELOOP); so do we. */
const MAX_LINKS = 40

/** The host path of `path` inside `root`. */
export function inRoot(root: string, path: string): string {
  return root === '/' ? path : posix.join(root, path)
}

function components(path: string): string[] {
  return path.split('/').filter((part) => part !== '' && part !== '.')
}

/**
 * Resolves an absolute `path` inside `root`; undefined when a component is
 * missing, is not a directory, or the links loop.
 */
export function resolveInRoot(
  root: string,
  path: string
): ResolvedPath | undefined {
  const links: LinkHop[] = []
  let pending = components(path)
  let current = '/'
  while (pending.length > 0) {
    const name = pending.shift() as string
    if (name === '..') {
      current = posix.dirname(current)
      continue
    }
    const candidate = posix.join(current, name)
    const stat = tryLstat(inRoot(root, candidate))
    if (!stat) return undefined
    if (stat.isSymbolicLink()) {
      if (links.length >= MAX_LINKS) return undefined
      const target = readlinkSync(inRoot(root, candidate))
      links.push({ path: candidate, target })
      pending = [...components(target), ...pending]
      if (target.startsWith('/')) current = '/'
      continue
    }
    if (pending.length > 0 && !stat.isDirectory()) return undefined
    current = candidate
  }
  const stat = tryLstat(inRoot(root, current))
  if (!stat) return undefined
  const kind = stat.isDirectory()
    ? 'directory'
    : stat.isFile()
      ? 'file'
      : 'other'
  return {
    path: current,
    links,
    kind,
    executable: kind === 'file' && (stat.mode & 0o111) !== 0
  }
}

/** What a path is, without following a final link; undefined when absent. */
export function lstatInRoot(
  root: string,
  path: string
):
  | { kind: 'link'; target: string }
  | { kind: 'directory' | 'other' }
  | undefined {
  const stat = tryLstat(inRoot(root, path))
  if (!stat) return undefined
  if (stat.isSymbolicLink()) {
    return { kind: 'link', target: readlinkSync(inRoot(root, path)) }
  }
  return { kind: stat.isDirectory() ? 'directory' : 'other' }
}

function tryLstat(hostPath: string) {
  try {
    return lstatSync(hostPath)
  } catch {
    return undefined
  }
}

/** The first 4 KB of a file: enough for a `#!` line or ELF program headers. */
function readHead(hostPath: string): Buffer {
  const fd = openSync(hostPath, 'r')
  try {
    const buffer = Buffer.alloc(4096)
    return buffer.subarray(0, readSync(fd, buffer, 0, buffer.length, 0))
  } finally {
    closeSync(fd)
  }
}

/**
 * The program that must exist for the file at real path `path` to run: the
 * `#!` interpreter of a script, or the dynamic loader (PT_INTERP) of an
 * ELF executable; undefined for a static binary or an unreadable file.
 */
export function interpreterOf(root: string, path: string): string | undefined {
  let head: Buffer
  try {
    head = readHead(inRoot(root, path))
  } catch {
    return undefined
  }
  if (head[0] === 0x23 && head[1] === 0x21) {
    const line = head.subarray(2).toString('utf8').split('\n')[0]
    const program = line.trim().split(/\s+/)[0]
    return program.startsWith('/') ? program : undefined
  }
  return elfInterpreter(head)
}

/** PT_INTERP of an ELF header in `head` (32- or 64-bit, either byte order). */
export function elfInterpreter(head: Buffer): string | undefined {
  if (head.length < 52 || head.readUInt32BE(0) !== 0x7f454c46) return undefined
  const wide = head[4] === 2
  const little = head[5] === 1
  const u16 = (at: number) =>
    little ? head.readUInt16LE(at) : head.readUInt16BE(at)
  const u32 = (at: number) =>
    little ? head.readUInt32LE(at) : head.readUInt32BE(at)
  const word = (at: number) =>
    wide
      ? Number(little ? head.readBigUInt64LE(at) : head.readBigUInt64BE(at))
      : u32(at)
  if (head.length < (wide ? 64 : 52)) return undefined
  const phoff = word(wide ? 0x20 : 0x1c)
  const phentsize = u16(wide ? 0x36 : 0x2a)
  const phnum = u16(wide ? 0x38 : 0x2c)
  for (let i = 0; i < phnum; i++) {
    const at = phoff + i * phentsize
    if (at + phentsize > head.length) return undefined
    if (u32(at) !== 3) continue // PT_INTERP
    const offset = word(at + (wide ? 0x08 : 0x04))
    const size = word(at + (wide ? 0x20 : 0x10))
    if (offset + size > head.length) return undefined
    return head
      .subarray(offset, offset + size)
      .toString('latin1')
      .replace(/\0+$/, '')
  }
  return undefined
}
