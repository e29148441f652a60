/**
 * Removes everything a {@link Resources} record names, in the right order,
 * tolerating anything already gone. Shared by the Action's post step and
 * `docker-nest down`. Never throws: problems come back as warnings.
 *
 * A record can be stale or tampered with, so a container or volume is
 * removed only if it carries this run's label (`docker-nest.run=<run id>`),
 * never a cache's volume, and a container by the id its label check saw.
 */
import { lazyFsPromises } from '../util/lazy-builtins.js'
import { CACHE_LABEL } from '../cache/cache.js'
import { stopCachedNest } from '../cache/teardown.js'
import { isNoSuchObject } from '../docker/cli.js'
import { errorText, type DockerClient, type Outcome } from '../docker/client.js'
import { LABELS } from '../dind/plan.js'
import type { Resources } from './resources.js'
import type { Logger } from '../types.js'

/**
 * How long dockerd gets after SIGTERM before the container is killed. An
 * orderly dockerd shutdown takes ~1.2 s even when idle, while everything of an
 * ephemeral nest is thrown away anyway; the short grace still gives inner
 * containers their SIGTERM, and keeps post under a second.
 */
export const STOP_GRACE_MS = 300

/** What teardown did. */
export interface TeardownReport {
  removed: string[]
  /** What could not be removed: the caller prints these. */
  warnings: string[]
  /**
   * Objects left because they are not this run's, as `container NAME` or
   * `volume NAME` (teardown has printed why, as warnings): the record that
   * names them was tampered with, or the name passed to another run.
   */
  skipped: string[]
}

/** Removes container, volume and cert dir named in `resources`. */
export async function teardown(
  resources: Resources,
  docker: DockerClient,
  logger: Logger
): Promise<TeardownReport> {
  const report: TeardownReport = { removed: [], warnings: [], skipped: [] }
  // A cached nest is pruned over TLS first, so before its certificates go.
  if (resources.cache) await stopCachedNest(resources, docker, logger, report)
  const certs = removeCertDir(resources.certDir, report)
  // The volume is looked up alongside the container, not after it.
  const volume =
    resources.volume === undefined
      ? undefined
      : inspectOurs(docker, 'volume', resources.volume, resources.runId)
  if (resources.container && !resources.cache) {
    const container = await inspectOurs(
      docker,
      'container',
      resources.container,
      resources.runId
    )
    await removeContainer(container, docker, report, logger)
  }
  if (volume) await removeVolume(await volume, docker, report, logger)
  await certs
  for (const line of report.removed) logger.info(`Removed ${line}`)
  return report
}

/** A container or volume as teardown found it. */
interface Found {
  kind: 'container' | 'volume'
  name: string
  /** Id (containers) or name (volumes) to act on; undefined when gone. */
  ref?: string
  running: boolean
  /** Why it is not ours to remove, when it is not. */
  foreign?: string
  /** Why it could not be looked at, when it could not. */
  error?: string
}

/**
 * Looks `name` up and decides whether it is this run's: only an object
 * labelled `docker-nest.run=<runId>` is, and never a cache (the cache
 * volume outlives every run and carries no run label).
 */
async function inspectOurs(
  docker: DockerClient,
  kind: Found['kind'],
  name: string,
  runId: string
): Promise<Found> {
  let seen: { ref: string; running: boolean; labels: Labels } | undefined
  try {
    if (kind === 'container') {
      const found = await docker.findContainer(name)
      seen = found && {
        ref: found.Id,
        running: found.State.Running,
        labels: found.Config.Labels
      }
    } else {
      const found = await docker.findVolume(name)
      seen = found && { ref: found.Name, running: false, labels: found.Labels }
    }
  } catch (error) {
    return { kind, name, running: false, error: errorText(error) }
  }
  if (!seen) return { kind, name, running: false }
  const { ref, running } = seen
  const labels = seen.labels ?? {}
  const run = labels[LABELS.run]
  const cache = labels[CACHE_LABEL]
  const foreign = cache
    ? `it carries ${CACHE_LABEL}=${cache}, and a cache outlives every run`
    : run !== runId
      ? `it carries ${LABELS.run}=${run || '(none)'}, not this run's ${runId}`
      : undefined
  return { kind, name, ref, running, foreign }
}

/** Labels as the daemon gives them: null when there are none. */
type Labels = Record<string, string> | null

/** True when `found` is there and ours; otherwise says why it stays. */
function mayRemove(
  found: Found,
  report: TeardownReport,
  logger: Logger
): boolean {
  const { kind, name } = found
  if (found.error) {
    report.warnings.push(
      `Could not check ${kind} ${name} (${found.error}); remove it with: ` +
        (kind === 'volume'
          ? `docker volume rm ${name}`
          : `docker rm -f -v ${name}`)
    )
    return false
  }
  if (found.foreign) {
    report.skipped.push(`${kind} ${name}`)
    logger.warning(`Leaving ${kind} ${name}: ${found.foreign}.`)
    return false
  }
  return found.ref !== undefined
}

async function removeContainer(
  found: Found,
  docker: DockerClient,
  report: TeardownReport,
  logger: Logger
): Promise<void> {
  if (!mayRemove(found, report, logger) || !found.ref) return
  // By id: the name could pass to another container while we work.
  const id = found.ref
  // Like `docker stop`, but with a grace shorter than its 1 s granularity.
  if (found.running) {
    const term = await docker.kill(id, 'TERM')
    if (term.ok) await docker.waitStopped(id, STOP_GRACE_MS)
  }
  if (gone(await docker.removeContainer(id))) {
    report.removed.push(`container ${found.name}`)
  } else {
    report.warnings.push(
      `Could not remove container ${found.name}; remove it with: docker rm -f -v ${found.name}`
    )
  }
}

async function removeVolume(
  found: Found,
  docker: DockerClient,
  report: TeardownReport,
  logger: Logger
): Promise<void> {
  if (!mayRemove(found, report, logger) || !found.ref) return
  if (gone(await docker.removeVolume(found.ref, { force: true }))) {
    report.removed.push(`volume ${found.name}`)
  } else {
    report.warnings.push(
      `Could not remove volume ${found.name}; remove it with: docker volume rm ${found.name}`
    )
  }
}

/** Removed now, or gone already. */
function gone(outcome: Outcome): boolean {
  return outcome.ok || isNoSuchObject(outcome.error)
}

async function removeCertDir(
  certDir: string | undefined,
  report: TeardownReport
): Promise<void> {
  if (!certDir) return
  try {
    // A symlink in its place is removed itself, never what it points to.
    await lazyFsPromises().rm(certDir, { recursive: true, force: true })
    report.removed.push(`certificates ${certDir}`)
  } catch (error) {
    report.warnings.push(
      `Could not delete ${certDir}: ${(error as Error).message}`
    )
  }
}
