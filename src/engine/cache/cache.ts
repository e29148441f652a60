/**
 * Persistent cache: with input `cache: NAME` the sidecar's /var/lib/docker
 * is the named volume `docker-nest-cache-NAME.HASH`, kept after post, so
 * images and build cache survive to the next job of the same partition
 * (HASH: which jobs share it, see scope.ts).
 *
 * The lock is the sidecar's own name: a cached nest's container is called
 * like its volume, and the daemon refuses a second container of
 * that name atomically. The data root is in use exactly while that
 * container exists, so two daemons can never share it, and there is no
 * separate lock to leak. A holder whose job is gone (owner dead, or expired)
 * is removed by id, never by name, so a racing job's fresh holder survives.
 */
import { isNoSuchObject } from '../docker/cli.js'
import { errorText, type DockerClient } from '../docker/client.js'
import {
  OWNER_LABEL,
  ownerState,
  type ProcessTable
} from '../lifecycle/owner.js'
import {
  CACHE_SCOPE_LABEL,
  cachePartition,
  parseCacheScope,
  partitionHash,
  type CiEnv
} from './scope.js'
import type { CacheBusy, CacheOptions } from '../types.js'
import { CACHE_LABEL, LABELS } from '../lifecycle/labels.js'

export { CACHE_LABEL }

/** A cache as names and labels need it: its name and partition. */
export interface CacheId {
  name: string
  partition: string
}

const CACHE_NAME = /^[a-z0-9](?:[a-z0-9-]{0,38}[a-z0-9])?$/

/** Checks input `cache`: lowercase letters, digits and '-', 1–40 characters. */
export function parseCacheName(value: string, problems: string[]): string {
  if (value !== '' && !CACHE_NAME.test(value)) {
    problems.push(
      `Input 'cache' must be a name of 1 to 40 lowercase letters, digits and ` +
        `'-' that starts and ends with a letter or digit (e.g. 'build' or ` +
        `'app-ci'), or empty for no cache; got '${value}'.`
    )
  }
  return value
}

/** Checks input `cache-busy`. */
export function parseCacheBusy(value: string, problems: string[]): CacheBusy {
  if (value === 'fallback' || value === 'fail') return value
  problems.push(
    `Input 'cache-busy' must be 'fallback' (use an empty cache and warn) or ` +
      `'fail', got '${value}'.`
  )
  return 'fallback'
}

/** The cache inputs, by name, with their defaults applied. */
export type CacheInput =
  'cache' | 'cache-busy' | 'cache-max-size' | 'cache-scope'

/** Checks the cache inputs and gives the cache its partition from the job's CI variables. */
export function parseCacheOptions(
  input: (name: CacheInput) => string,
  env: CiEnv,
  problems: string[]
): CacheOptions {
  const name = parseCacheName(input('cache'), problems)
  const before = problems.length
  const scope = parseCacheScope(input('cache-scope'), problems)
  // A bad cache-scope is one problem, not also an unknown repository.
  const partition =
    problems.length === before ? cachePartition(name, scope, env, problems) : ''
  return {
    name,
    busy: parseCacheBusy(input('cache-busy'), problems),
    maxBytes: parseSize(input('cache-max-size'), problems),
    scope,
    partition
  }
}

const UNITS: Record<string, number> = {
  '': 1,
  b: 1,
  k: 1e3,
  kb: 1e3,
  kib: 1024,
  m: 1e6,
  mb: 1e6,
  mib: 1024 ** 2,
  g: 1e9,
  gb: 1e9,
  gib: 1024 ** 3,
  t: 1e12,
  tb: 1e12,
  tib: 1024 ** 4
}

/** Checks input `cache-max-size`: '' (no limit) or a size such as '10GB', '512MiB', '2.5G'. */
export function parseSize(
  value: string,
  problems: string[]
): number | undefined {
  if (value === '') return undefined
  const match = /^([0-9]+(?:\.[0-9]+)?)\s*([a-zA-Z]*)$/.exec(value)
  const unit = UNITS[match?.[2].toLowerCase() ?? 'x']
  const bytes = match && unit ? Math.floor(Number(match[1]) * unit) : NaN
  if (!(bytes >= 1e6)) {
    problems.push(
      `Input 'cache-max-size' must be a size of at least 1MB such as '10GB', ` +
        `'512MiB' or '2.5G' (units B, KB, MB, GB, TB, or KiB…TiB), or empty ` +
        `for no limit; got '${value}'.`
    )
    return undefined
  }
  return bytes
}

/**
 * Container and volume name of a cache (the container name is the lock).
 * The '.' keeps it apart from the unscoped `docker-nest-cache-<name>` of
 * older versions, whose names had none: their volumes are never reused.
 */
export function cacheResourceName(cache: CacheId): string {
  return `docker-nest-cache-${cache.name}.${partitionHash(cache.partition)}`
}

/** The labels that name a cache, on its volume and on its nest's container. */
export function cacheLabels(cache: CacheId): Record<string, string> {
  return { [CACHE_LABEL]: cache.name, [CACHE_SCOPE_LABEL]: cache.partition }
}

/** `docker run` said the name is taken: another container holds the lock. */
export function isNameConflict(stderr: string): boolean {
  return /Conflict\. The container name .* is already in use/i.test(stderr)
}

/** The container that holds a cache, as far as the lock decision needs it. */
export interface LockHolder {
  id: string
  /** State.Status: created, running, exited, … */
  status: string
  run: string
  expires: string
  owner: string
}

/** Why a holder may be removed, or undefined when it belongs to a live job. */
export function staleReason(
  holder: LockHolder,
  nowSeconds: number,
  table: ProcessTable | undefined
): string | undefined {
  // Only a running daemon uses the data root; 'created' is about to start.
  if (holder.status === 'exited' || holder.status === 'dead')
    return 'its daemon has stopped'
  const expires = Number(holder.expires)
  if (
    holder.expires !== '' &&
    Number.isFinite(expires) &&
    expires <= nowSeconds
  )
    return 'its expiry has passed'
  if (table && ownerState(holder.owner, table) === 'gone')
    return 'the job that started it has ended'
  return undefined
}

/** Thrown when another live job holds the cache. */
export class CacheBusyError extends Error {
  constructor(
    readonly cache: string,
    readonly container: string,
    readonly holder: LockHolder
  ) {
    super(
      `Cache '${cache}' is in use by another job (container ` +
        `${container}, run ${holder.run || 'unknown'}); two ` +
        'daemons must never share one data root.'
    )
    this.name = 'CacheBusyError'
  }
}

/** The container called `container` (a cache's lock), or undefined when there is none (any more). */
export async function findHolder(
  docker: DockerClient,
  container: string
): Promise<LockHolder | undefined> {
  let found
  try {
    found = await docker.findContainer(container)
  } catch (error) {
    throw new Error(`Could not inspect ${container}: ${errorText(error)}`, {
      cause: error
    })
  }
  if (!found) return undefined
  const labels = found.Config.Labels ?? {}
  return {
    id: found.Id,
    status: found.State.Status,
    run: labels[LABELS.run] ?? '',
    expires: labels[LABELS.expires] ?? '',
    owner: labels[OWNER_LABEL] ?? ''
  }
}

/**
 * After a name conflict: removes the holder if its job is gone and says
 * why; throws {@link CacheBusyError} when it belongs to a live job. Returns
 * undefined when the holder vanished meanwhile (try again).
 */
export async function breakStaleLock(
  docker: DockerClient,
  lock: { cache: string; container: string },
  context: { nowSeconds: number; table: ProcessTable | undefined }
): Promise<string | undefined> {
  const holder = await findHolder(docker, lock.container)
  if (!holder) return undefined
  const reason = staleReason(holder, context.nowSeconds, context.table)
  if (!reason) throw new CacheBusyError(lock.cache, lock.container, holder)
  // By id: if another job broke it first and started its own, that one stays.
  const removed = await docker.removeContainer(holder.id)
  if (!removed.ok && !isNoSuchObject(removed.error)) {
    throw new CacheBusyError(lock.cache, lock.container, holder)
  }
  return `Removed the stale holder of cache '${lock.cache}' (run ${holder.run || 'unknown'}): ${reason}.`
}
