/**
 * `cache-max-size`: before a cached nest stops, shrink what its
 * daemon keeps to the limit, talking to the nest's own Engine API (never the
 * runner's daemon): build cache first (the cheapest to rebuild), then
 * dangling images, then unused images oldest first.
 */
import { getJsonOrText, type DaemonEndpoint } from '../docker/daemon-client.js'

/**
 * Subset of `GET /system/df`.
 * https://github.com/moby/moby/blob/master/api/types/system/disk_usage.go
 */
export interface DiskUsage {
  LayersSize?: number
  Images?: Array<{
    Id: string
    Created: number
    Size: number
    SharedSize: number
    Containers: number
  }> | null
  BuildCache?: Array<{ Size: number; Shared?: boolean }> | null
}

/** Bytes the cache holds that pruning can act on: image layers plus build cache. */
export function cacheUsage(df: DiskUsage): number {
  const build = (df.BuildCache ?? [])
    .filter((record) => !record.Shared)
    .reduce((sum, record) => sum + record.Size, 0)
  return (df.LayersSize ?? 0) + build
}

/**
 * Images no container uses, oldest first, until removing them brings the
 * estimated usage to `maxBytes` (an image frees its size minus what it
 * shares with others). Pure.
 */
export function imagesToRemove(df: DiskUsage, maxBytes: number): string[] {
  let usage = cacheUsage(df)
  const chosen: string[] = []
  const unused = (df.Images ?? [])
    .filter((image) => image.Containers <= 0)
    .sort((a, b) => a.Created - b.Created)
  for (const image of unused) {
    if (usage <= maxBytes) break
    chosen.push(image.Id)
    usage -= Math.max(0, image.Size - Math.max(0, image.SharedSize))
  }
  return chosen
}

/** 1536 → '1.5 KB' (decimal units, as docker prints). */
export function formatBytes(bytes: number): string {
  const units = ['B', 'KB', 'MB', 'GB', 'TB']
  let value = bytes
  let unit = 0
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000
    unit++
  }
  return `${unit === 0 ? value : value.toFixed(1)} ${units[unit]}`
}

/** What {@link pruneToSize} did. */
export interface PruneReport {
  before: number
  after: number
  /** One line per step that ran. */
  steps: string[]
}

const DF_TIMEOUT_MS = 60_000
const PRUNE_TIMEOUT_MS = 120_000

async function diskUsage(endpoint: DaemonEndpoint): Promise<DiskUsage> {
  return JSON.parse(await getJsonOrText(endpoint, '/system/df', DF_TIMEOUT_MS))
}

async function post(endpoint: DaemonEndpoint, path: string): Promise<string> {
  return getJsonOrText(endpoint, path, PRUNE_TIMEOUT_MS, 'POST')
}

/** Prunes the nest at `endpoint` down to `maxBytes`; throws when the daemon does not answer. */
export async function pruneToSize(
  endpoint: DaemonEndpoint,
  maxBytes: number
): Promise<PruneReport> {
  let df = await diskUsage(endpoint)
  const before = cacheUsage(df)
  const report: PruneReport = { before, after: before, steps: [] }
  if (before <= maxBytes) return report
  // keep-storage (API < 1.48) and reserved-space (1.48+) mean the same; a daemon ignores the other.
  const keep = Math.max(0, maxBytes - (df.LayersSize ?? 0))
  await post(
    endpoint,
    `/build/prune?keep-storage=${keep}&reserved-space=${keep}`
  )
  report.steps.push(`build cache pruned to ${formatBytes(keep)}`)
  df = await diskUsage(endpoint)
  if (cacheUsage(df) > maxBytes) {
    await post(endpoint, '/images/prune')
    report.steps.push('dangling images removed')
    df = await diskUsage(endpoint)
  }
  const images = cacheUsage(df) > maxBytes ? imagesToRemove(df, maxBytes) : []
  let removed = 0
  for (const id of images) {
    try {
      await getJsonOrText(
        endpoint,
        `/images/${encodeURIComponent(id)}`,
        PRUNE_TIMEOUT_MS,
        'DELETE'
      )
      removed++
    } catch {
      // Referenced by several tags or by a child image: leave it.
    }
  }
  if (images.length > 0) {
    report.steps.push(`${removed} unused image(s) removed, oldest first`)
    df = await diskUsage(endpoint)
  }
  report.after = cacheUsage(df)
  return report
}
