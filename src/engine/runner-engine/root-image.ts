/**
 * The root image of a runner-engine nest: a tar of a few directories, two
 * small files and links, made in-process. Everything else the nest runs
 * comes from the host's read-only binds (discovery.ts), so the image is
 * the same for every runner with the same layout, and its tag is a hash of
 * its bytes: it is imported once per daemon and reused.
 *
 * It is kept: it holds no secret and no state, its files are a few dozen
 * bytes, and removing it would only make the next nest import it again. It
 * carries the `docker-nest` label so it is recognisably ours, and no run or
 * expiry label, so no reaper ever takes it.
 */
import { createHash } from 'node:crypto'
import { CERT_DIR_IN_CONTAINER } from '../dind/startup-script.js'
import { createTar, type TarEntry } from '../docker/tar.js'
import { LABELS } from '../lifecycle/labels.js'
import type { RootLink } from './mount-plan.js'

/** The repository of every root image; the tag is {@link RootImage.tag}. */
export const ROOT_IMAGE_REPOSITORY = 'docker-nest/runner-root'
/** Label on a root image: the SHA-256 of its tar. */
export const RUNNER_ROOT_LABEL = 'docker-nest.runner-root'

/** A root image, ready to import. */
export interface RootImage {
  /** The tar to import (the image's only layer). */
  tar: Buffer
  /** SHA-256 of {@link tar}, hex. */
  digest: string
  /** The first 12 hex digits of {@link digest}. */
  tag: string
  /** `docker-nest/runner-root:<tag>`. */
  reference: string
  /** The image's labels. */
  labels: Record<string, string>
}

/** Every file's and directory's time in the tar, so equal contents give equal bytes. */
const MTIME = 0

/**
 * Directories the nest writes to or the kernel mounts on: the engine's
 * state (a volume in practice), its runtime files (`/run`: the start
 * script's containerd socket and shims, dockerd's exec root), the start
 * script's certificates, temporary files, root's home.
 */
const DIRECTORIES: Array<[path: string, mode: number]> = [
  [CERT_DIR_IN_CONTAINER, 0o755],
  ['/dev', 0o755],
  ['/etc', 0o755],
  ['/proc', 0o555],
  ['/root', 0o700],
  ['/run', 0o755],
  ['/sys', 0o555],
  ['/tmp', 0o1777],
  ['/var', 0o755],
  ['/var/lib', 0o755],
  ['/var/lib/docker', 0o710]
]

/** Only root: the nest runs dockerd as root and nothing else. */
const PASSWD = 'root:x:0:0:root:/root:/bin/sh\n'
const GROUP = 'root:x:0:\n'

/** `/var/run` is `/run`, as on the hosts: dockerd and the start script use both names. */
const VAR_RUN: RootLink = { path: '/var/run', target: '../run' }

/**
 * The tar entries for the given host links (discovery's `links`), sorted
 * by path. Throws on a link that is not an absolute path below `/`.
 */
export function rootImageEntries(links: RootLink[]): TarEntry[] {
  const entries = new Map<string, TarEntry>()
  const dir = (path: string, mode = 0o755) => {
    if (!entries.has(path)) entries.set(path, { path: `${path}/`, mode })
  }
  for (const [path, mode] of DIRECTORIES) dir(relative(path), mode)
  entries.set('etc/passwd', {
    path: 'etc/passwd',
    mode: 0o644,
    content: PASSWD
  })
  entries.set('etc/group', { path: 'etc/group', mode: 0o644, content: GROUP })
  for (const link of [VAR_RUN, ...links]) {
    if (!link.path.startsWith('/') || link.path === '/' || !link.target) {
      throw new Error(
        `root image: a link needs an absolute path below / and a target, got ${JSON.stringify(link)}.`
      )
    }
    const path = relative(link.path)
    const parts = path.split('/')
    for (let i = 1; i < parts.length; i++) dir(parts.slice(0, i).join('/'))
    entries.set(path, { path, mode: 0o777, linkTarget: link.target })
  }
  return [...entries.keys()].sort().map((key) => entries.get(key) as TarEntry)
}

function relative(path: string): string {
  return path.replace(/^\/+/, '').replace(/\/+$/, '')
}

/** The root image for the given host links (see {@link rootImageEntries}). */
export function rootImage(links: RootLink[]): RootImage {
  const tar = createTar(rootImageEntries(links), MTIME)
  const digest = createHash('sha256').update(tar).digest('hex')
  const tag = digest.slice(0, 12)
  return {
    tar,
    digest,
    tag,
    reference: `${ROOT_IMAGE_REPOSITORY}:${tag}`,
    labels: { [LABELS.managed]: 'true', [RUNNER_ROOT_LABEL]: digest }
  }
}

/** The `LABEL` instruction that sets the image's labels on import (`changes` / `--change`). */
export function labelChange(image: RootImage): string {
  const pairs = Object.entries(image.labels).map(([k, v]) => `${k}=${v}`)
  return `LABEL ${pairs.join(' ')}`
}
