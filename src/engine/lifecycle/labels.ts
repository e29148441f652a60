/**
 * The labels docker-nest puts on what it creates, in one place: post, down
 * and the reapers find and judge objects by them, never by name alone.
 */

/** Label keys every docker-nest resource carries, so post and reap find them. */
export const LABELS = {
  /** Marks any object docker-nest created. */
  managed: 'docker-nest',
  /** The nest's unique id: `<ci run id>-<attempt>-<random>` or `local-<random>`. */
  run: 'docker-nest.run',
  /** Unix time (seconds) after which a reaper may remove the object. */
  expires: 'docker-nest.expires'
} as const

/** The job process that owns a nest (owner.ts formats it). */
export const OWNER_LABEL = 'docker-nest.owner'

/** On the cache volume and on a cached nest's container: the cache name. */
export const CACHE_LABEL = 'docker-nest.cache'

/** On a cache volume and its nest: the partition, e.g. `github:github.com/repository-id/1/pull-requests`. */
export const CACHE_SCOPE_LABEL = 'docker-nest.cache-scope'
