/**
 * Works out which host directories the runner-engine nest binds read-only
 * so that a given set of host paths works inside it at the same paths, and
 * which symbolic links its root image must carry instead.
 *
 * A path works inside the nest when every link on its way and its real
 * file are visible there. A link is visible when a bind covers it, or when
 * the root image carries the same link; a real file only through a bind.
 * Binds are real directories (never reached through a link), so the nest
 * sees each at the path the host has it.
 */
import { posix } from 'node:path'
import { lstatInRoot, resolveInRoot } from './root-fs.js'

/**
 * Host paths the nest must never see, nor any directory that contains one:
 * the runner daemon's configuration, state and sockets, kernel and device
 * trees (the container gets its own), temporary and home directories, and
 * private keys. So `/`, `/etc`, `/var`, `/etc/ssl` are never bound either.
 */
export const NEVER_BOUND = [
  '/etc/docker',
  '/etc/containerd',
  '/etc/shadow',
  '/etc/gshadow',
  '/etc/ssl/private',
  '/etc/pki/tls/private',
  '/var/lib/docker',
  '/var/lib/containerd',
  '/run',
  '/var/run',
  '/proc',
  '/sys',
  '/dev',
  '/tmp',
  '/var/tmp',
  '/root',
  '/home',
  '/snap',
  '/var/snap'
] as const

/**
 * The top-level trees of an installed system: each is bound when it is a
 * real directory, and becomes a link in the root image when it is one on
 * the host (merged /usr: `bin -> usr/bin`, `lib64 -> usr/lib64`, …).
 */
export const SYSTEM_TREES = [
  '/usr',
  '/bin',
  '/sbin',
  '/lib',
  '/lib32',
  '/lib64',
  '/libx32'
] as const

/** A link the root image carries because the host has it there. */
export interface RootLink {
  /** Absolute path of the link. */
  path: string
  /** Its target, as the host stores it. */
  target: string
}

/** A path that cannot be made visible without a forbidden bind. */
export interface Refusal {
  /** The path asked for. */
  path: string
  /** Where it really is on the host. */
  real: string
  /** The bind it would need. */
  bind: string
  /** The forbidden path that bind would expose. */
  forbidden: string
}

/** True when `path` is `base` or below it. */
export function isWithin(path: string, base: string): boolean {
  return base === '/' || path === base || path.startsWith(`${base}/`)
}

/** The forbidden path a bind of `dir` would expose, or undefined when it may be bound. */
export function forbiddenIn(dir: string): string | undefined {
  if (dir === '/') return '/'
  return NEVER_BOUND.find((bad) => isWithin(dir, bad) || isWithin(bad, dir))
}

/** Collects binds and root-image links while paths are asked for. */
export class MountPlan {
  private readonly bindSet = new Set<string>()
  private readonly linkMap = new Map<string, string>()

  constructor(readonly root: string) {}

  /**
   * Adds the system trees: binds for real directories, root-image links
   * for links (whose targets are then covered too).
   */
  addSystemTrees(): void {
    for (const tree of SYSTEM_TREES) {
      const entry = lstatInRoot(this.root, tree)
      if (entry?.kind === 'directory') this.bindSet.add(tree)
      else if (entry?.kind === 'link') {
        this.linkMap.set(tree, entry.target)
        this.cover(tree)
      }
    }
  }

  /**
   * Makes `path` visible in the nest. Returns why it cannot be without a
   * forbidden bind (then nothing is added for it); undefined when it is
   * covered, or does not exist (nothing to cover).
   */
  cover(path: string): Refusal | undefined {
    const resolved = resolveInRoot(this.root, path)
    if (!resolved) return undefined
    const binds = new Set<string>()
    const links = new Map<string, string>()
    const visible = (p: string) =>
      this.linkMap.has(p) ||
      links.has(p) ||
      covers([...this.bindSet, ...binds], p)
    for (const link of resolved.links) {
      if (visible(link.path)) continue
      const dir = posix.dirname(link.path)
      // Bind the directory holding the link where allowed (it may hold
      // siblings that change, as /etc/alternatives does); else carry the
      // link in the image.
      if (forbiddenIn(dir) === undefined) binds.add(dir)
      else links.set(link.path, link.target)
    }
    if (!covers([...this.bindSet, ...binds], resolved.path)) {
      const dir =
        resolved.kind === 'directory'
          ? resolved.path
          : posix.dirname(resolved.path)
      const forbidden = forbiddenIn(dir)
      if (forbidden !== undefined) {
        return { path, real: resolved.path, bind: dir, forbidden }
      }
      binds.add(dir)
    }
    for (const dir of binds) this.bindSet.add(dir)
    for (const [link, target] of links) this.linkMap.set(link, target)
    return undefined
  }

  /** The read-only binds, sorted, without any that another one covers. */
  get binds(): string[] {
    const sorted = [...this.bindSet].sort()
    return sorted.filter(
      (dir) => !sorted.some((other) => other !== dir && isWithin(dir, other))
    )
  }

  /** The links the root image must carry, sorted by path; none under a bind. */
  get links(): RootLink[] {
    const binds = this.binds
    return [...this.linkMap]
      .filter(([path]) => !covers(binds, path))
      .map(([path, target]) => ({ path, target }))
      .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))
  }
}

function covers(binds: Iterable<string>, path: string): boolean {
  for (const dir of binds) if (isWithin(path, dir)) return true
  return false
}
