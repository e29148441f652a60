/**
 * The static docker CLI tarballs (`<base>/<arch>/docker-<version>.tgz`, as on
 * download.docker.com): where they are, how to check one, and how to check a
 * directory extracted from one. Downloading and caching are in docker-cli.ts
 * (tool cache); the rules for the `docker-cli-*` inputs are the engine's
 * (options/clients.ts).
 */
import { createReadStream } from 'node:fs'
import { join } from 'node:path'
// node:crypto and node:fs/promises load on first use: only installing a
// CLI hashes or writes files.
import { lazyCrypto, lazyFsPromises } from '../engine/util/lazy-builtins.js'

/** The tool-cache name of the CLI. */
export const DOCKER_CLI_TOOL = 'docker-cli'

const STATIC_ARCH: Record<string, string> = {
  x64: 'x86_64',
  arm64: 'aarch64',
  arm: 'armhf',
  s390x: 's390x',
  ppc64: 'ppc64le'
}

/** The folder name the static tarballs use for a Node `process.arch`. */
export function staticArch(arch: string = process.arch): string {
  const mapped = STATIC_ARCH[arch]
  if (!mapped) {
    throw new Error(
      `There is no static docker CLI for this runner's architecture (${arch}); ` +
        'install Docker on the runner instead of setting docker-cli-version.'
    )
  }
  return mapped
}

/** URL of one release tarball. */
export function tarballUrl(
  baseUrl: string,
  version: string,
  arch: string
): string {
  return `${baseUrl}/${arch}/docker-${version}.tgz`
}

/** The digest in a `sha256sum`-style file ("<hex>  <name>" or just "<hex>"). */
export function parseSha256File(text: string): string {
  const digest = text.trim().split(/\s+/)[0]?.toLowerCase() ?? ''
  if (!/^[a-f0-9]{64}$/.test(digest)) {
    throw new Error(
      `The .sha256 file does not start with a sha256 digest: '${text.trim().slice(0, 80)}'`
    )
  }
  return digest
}

/** sha256 of a file, hex. */
export function sha256OfFile(path: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const hash = lazyCrypto().createHash('sha256')
    createReadStream(path)
      .on('data', (chunk) => hash.update(chunk))
      .on('end', () => resolve(hash.digest('hex')))
      .on('error', reject)
  })
}

/**
 * The record written into each CLI directory before it goes into the tool
 * cache: the sha256 of the tarball it came from and of each file in it. A
 * later run that pins `docker-cli-sha256` uses a cache hit only when the
 * record names that tarball and every file still matches.
 */
export const CACHE_RECORD = '.docker-nest-sha256.json'

/** The contents of {@link CACHE_RECORD}. */
export interface CacheRecord {
  /** sha256 of the tarball the directory was extracted from. */
  tarball: string
  /** sha256 of each file by path relative to the directory ("symlink to …" for links). */
  files: Record<string, string>
}

/** Writes {@link CACHE_RECORD} into `dir`, extracted from a tarball with sha256 `tarball`. */
export async function writeCacheRecord(
  dir: string,
  tarball: string
): Promise<void> {
  const record: CacheRecord = { tarball, files: await hashTree(dir) }
  await lazyFsPromises().writeFile(
    join(dir, CACHE_RECORD),
    `${JSON.stringify(record)}\n`
  )
}

/**
 * Why the CLI directory `dir` (a tool-cache hit) may not stand for the tarball
 * with sha256 `expected`, or undefined when it may: its record must name that
 * tarball, and no file may have changed, gone or been added since.
 */
export async function cachedCliProblem(
  dir: string,
  expected: string
): Promise<string | undefined> {
  const record = await readCacheRecord(dir)
  if (!record) return `it has no valid ${CACHE_RECORD} naming its tarball`
  if (record.tarball !== expected) {
    return `it was extracted from a tarball with sha256 ${record.tarball}`
  }
  const actual = await hashTree(dir)
  const paths = new Set([...Object.keys(record.files), ...Object.keys(actual)])
  for (const path of [...paths].sort()) {
    const [was, is] = [own(record.files, path), own(actual, path)]
    if (was === is) continue
    if (is === undefined) return `${path} is missing`
    if (was === undefined) return `${path} was added after it was cached`
    return `${path} changed after it was cached (now ${is}, recorded ${was})`
  }
  return undefined
}

/** `map[key]` when `map` has it as its own key (file names such as `__proto__` included). */
function own(map: Record<string, string>, key: string): string | undefined {
  return Object.hasOwn(map, key) ? map[key] : undefined
}

async function readCacheRecord(dir: string): Promise<CacheRecord | undefined> {
  let parsed: unknown
  try {
    parsed = JSON.parse(
      await lazyFsPromises().readFile(join(dir, CACHE_RECORD), 'utf8')
    )
  } catch {
    return undefined
  }
  const record = parsed as Partial<CacheRecord> | null
  const valid =
    typeof record?.tarball === 'string' &&
    typeof record.files === 'object' &&
    record.files !== null &&
    Object.values(record.files).every((v) => typeof v === 'string')
  return valid ? (record as CacheRecord) : undefined
}

/**
 * sha256 of every file under `dir` except the record, by relative path. A
 * symlink stands for its target path; anything that is neither a file, a
 * directory nor a link is recorded as such rather than read.
 */
async function hashTree(
  dir: string,
  prefix = ''
): Promise<Record<string, string>> {
  // No prototype, so a file named `__proto__` is a key like any other.
  const files: Record<string, string> = Object.create(null)
  const entries = await lazyFsPromises().readdir(join(dir, prefix), {
    withFileTypes: true
  })
  for (const entry of entries) {
    const path = prefix ? `${prefix}/${entry.name}` : entry.name
    const full = join(dir, path)
    if (path === CACHE_RECORD) continue
    if (entry.isDirectory()) Object.assign(files, await hashTree(dir, path))
    else if (entry.isFile()) files[path] = await sha256OfFile(full)
    else if (entry.isSymbolicLink()) {
      files[path] = `symlink to ${await lazyFsPromises().readlink(full)}`
    } else files[path] = 'not a regular file'
  }
  return files
}
