/**
 * Finds and removes abandoned nests: docker-nest containers and volumes whose
 * `docker-nest.expires` label has passed (a job that was killed before its
 * teardown), or every one of ours with `all`. Never touches objects without
 * the `docker-nest` label, and never a nest whose expiry is still ahead.
 */
import { CACHE_LABEL } from '../cache/cache.js'
import { CACHE_SCOPE_LABEL } from '../cache/scope.js'
import { isNoSuchObject } from '../docker/cli.js'
import type { DockerClient, Outcome } from '../docker/client.js'
import { waitFor } from '../docker/wait.js'
import {
  OWNER_LABEL,
  ownerState,
  type ProcessTable
} from '../lifecycle/owner.js'
import { LABELS } from '../dind/plan.js'

/** One labelled container or volume on the daemon. */
export interface NestObject {
  kind: 'container' | 'volume'
  name: string
  /** Container id: removal goes by id, since a cache's container name is reused by the next holder. */
  id?: string
  /** The `docker-nest.run` label. */
  run: string
  /** The `docker-nest.expires` label (unix seconds), as found. */
  expires: string
  /** The `docker-nest.owner` label (owner.ts), '' when absent. */
  owner?: string
  /** The `docker-nest.cache` label: a cache volume, or a cached nest's container. */
  cache?: string
  /** The `docker-nest.cache-scope` label; '' on caches of versions before cache scopes. */
  cacheScope?: string
}

/** What to do with one object, and why. */
export interface ReapDecision {
  object: NestObject
  remove: boolean
  reason: string
}

/** Options for {@link decideReap} and {@link reapNests}. */
export interface ReapOptions {
  nowSeconds: number
  /** Remove every docker-nest object, expired or not. */
  all: boolean
  /** Only objects whose run id starts with this (e.g. one CI job's prefix). */
  runPrefix?: string
  /** The reaper's process table: a nest whose owner is provably gone goes before its expiry. */
  table?: ProcessTable
  /** Leave objects that expired less than this long ago (seconds; default 0). */
  graceSeconds?: number
}

/** Decides, without Docker, which objects go. Pure. */
export function decideReap(
  objects: NestObject[],
  options: ReapOptions
): ReapDecision[] {
  return objects
    .filter((o) => !options.runPrefix || o.run.startsWith(options.runPrefix))
    .map((object) => ({ object, ...decideOne(object, options) }))
}

function decideOne(
  object: NestObject,
  options: ReapOptions
): { remove: boolean; reason: string } {
  // Caches are meant to persist; a stale lock is the container, reaped below.
  if (object.kind === 'volume' && object.cache) {
    const remove = `docker volume rm ${object.name}`
    return {
      remove: false,
      reason: object.cacheScope
        ? `cache volume (kept; remove it with ${remove})`
        : 'unscoped cache volume of an older docker-nest, which this ' +
          `version never uses (kept; remove it with ${remove} once no job ` +
          'runs an older version)'
    }
  }
  if (options.all) return { remove: true, reason: '--all' }
  const owner =
    options.table && object.owner
      ? ownerState(object.owner, options.table)
      : 'unknown'
  if (owner === 'gone') {
    return { remove: true, reason: 'the job that started it has ended' }
  }
  const expires = Number(object.expires)
  if (object.expires === '' || !Number.isFinite(expires)) {
    return { remove: false, reason: 'no expiry label' }
  }
  const left = expires - options.nowSeconds
  if (left > 0)
    return { remove: false, reason: `expires in ${formatSeconds(left)}` }
  // The expiry stands in for an owner nobody can check; a job that runs
  // longer than it (long self-hosted jobs do) keeps its nest.
  if (owner === 'alive') {
    return {
      remove: false,
      reason: `expired ${formatSeconds(-left)} ago, but the job that started it still runs`
    }
  }
  const grace = options.graceSeconds ?? 0
  return -left < grace
    ? {
        remove: false,
        reason: `expired ${formatSeconds(-left)} ago, within the grace`
      }
    : { remove: true, reason: `expired ${formatSeconds(-left)} ago` }
}

/** 90 → "1m30s", 7200 → "2h0m". */
export function formatSeconds(seconds: number): string {
  const s = Math.max(0, Math.round(seconds))
  if (s < 60) return `${s}s`
  if (s < 3600) return `${Math.floor(s / 60)}m${s % 60}s`
  return `${Math.floor(s / 3600)}h${Math.floor((s % 3600) / 60)}m`
}

/** The labels a reap decision reads. */
const KEYS = [
  LABELS.run,
  LABELS.expires,
  OWNER_LABEL,
  CACHE_LABEL,
  CACHE_SCOPE_LABEL
]

/** Every container and volume carrying the `docker-nest` label. */
export async function listNestObjects(
  docker: DockerClient
): Promise<NestObject[]> {
  // Over the runner's plain socket the listing costs no process: reaping at
  // main start then takes nothing from the nest starting next to it.
  const { containers, volumes } = await docker.listLabelled(
    LABELS.managed,
    KEYS
  )
  return [
    ...containers.map((c) => ({
      kind: 'container' as const,
      id: c.id.slice(0, 12),
      name: c.name,
      ...labelFields(c.labels)
    })),
    ...volumes.map((v) => ({
      kind: 'volume' as const,
      name: v.name,
      ...labelFields(v.labels)
    }))
  ]
}

function labelFields(labels: Record<string, string>) {
  return {
    run: labels[LABELS.run] ?? '',
    expires: labels[LABELS.expires] ?? '',
    owner: labels[OWNER_LABEL] ?? '',
    cache: labels[CACHE_LABEL] ?? '',
    cacheScope: labels[CACHE_SCOPE_LABEL] ?? ''
  }
}

/** What {@link reapNests} did. */
export interface ReapReport {
  decisions: ReapDecision[]
  removed: NestObject[]
  failed: Array<{ object: NestObject; error: string }>
  /** Gone before we removed them: another reaper (a concurrent job) got there first. */
  gone: NestObject[]
}

/**
 * How long a volume whose container another reaper is still removing is
 * tried again. Bounded at 1 s: main waits for its reaper before the step
 * ends, and the other reaper removes the volume next anyway.
 */
const OTHERS_VOLUME_WAIT = { timeoutMs: 1000, intervalMs: 200 }

/** `docker volume rm` refused because a container still uses the volume. */
const VOLUME_IN_USE = /volume is in use/i

/** Docker's answer when another reaper removed, or is removing, the object. */
function removedByOthers(stderr: string): boolean {
  return isNoSuchObject(stderr) || /already in progress/i.test(stderr)
}

/**
 * Removes what {@link decideReap} selects: containers first (so their volumes
 * are free), then volumes. With `dryRun` only decides.
 */
export async function reapNests(
  docker: DockerClient,
  options: ReapOptions & { dryRun?: boolean }
): Promise<ReapReport> {
  const decisions = decideReap(await listNestObjects(docker), options)
  const report: ReapReport = { decisions, removed: [], failed: [], gone: [] }
  if (options.dryRun) return report
  const chosen = decisions.filter((d) => d.remove).map((d) => d.object)
  Object.assign(report, await removeNestObjects(docker, chosen))
  return report
}

/**
 * Removes the chosen objects: containers first (so their volumes are free),
 * then volumes. Objects another reaper removed, or is removing, count as
 * gone, not failed.
 */
export async function removeNestObjects(
  docker: Pick<DockerClient, 'stop' | 'removeContainer' | 'removeVolume'>,
  chosen: NestObject[]
): Promise<Pick<ReapReport, 'removed' | 'failed' | 'gone'>> {
  const report: Pick<ReapReport, 'removed' | 'failed' | 'gone'> = {
    removed: [],
    failed: [],
    gone: []
  }
  for (const kind of ['container', 'volume'] as const) {
    await Promise.all(
      chosen
        .filter((o) => o.kind === kind)
        .map(async (object) => {
          const target = object.id ?? object.name
          if (kind === 'container' && object.cache) {
            // A cache's daemon gets an orderly stop: its data root lives on.
            await docker.stop(target, 10)
          }
          const remove = () =>
            kind === 'container'
              ? docker.removeContainer(target)
              : docker.removeVolume(object.name)
          // Another reaper (a concurrent job's main) may still be removing
          // the container that holds this volume: give it a moment, then
          // leave the volume to it, since it removes the volume next.
          const othersContainer =
            kind === 'volume' &&
            report.gone.some(
              (o) => o.kind === 'container' && o.run === object.run
            )
          const result = othersContainer
            ? await whileInUse(remove)
            : await remove()
          if (result.ok) report.removed.push(object)
          else if (
            removedByOthers(result.error) ||
            (othersContainer && VOLUME_IN_USE.test(result.error))
          )
            report.gone.push(object)
          else report.failed.push({ object, error: result.error })
        })
    )
  }
  return report
}

/** `remove`, tried again while the volume is in use; the last outcome. */
async function whileInUse(remove: () => Promise<Outcome>): Promise<Outcome> {
  const waited = await waitFor(async () => {
    const outcome = await remove()
    if (VOLUME_IN_USE.test(outcome.error)) throw outcome
    return outcome
  }, OTHERS_VOLUME_WAIT)
  return waited.status === 'ready'
    ? waited.value
    : (waited.lastError as Outcome)
}
