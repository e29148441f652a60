/**
 * Ends a cached nest: prune to `cache-max-size` through the nest's
 * own API, then stop dockerd in an orderly way so the data root on the cache
 * volume is consistent for the next job, then remove the container (which
 * releases the cache's lock). The volume stays.
 */
import { lazyFsPromises } from '../util/lazy-builtins.js'
import { join } from 'node:path'
import { LABELS, DAEMON_PORT } from '../dind/plan.js'
import type { DaemonEndpoint } from '../docker/daemon-client.js'
import { isNoSuchObject } from '../docker/cli.js'
import type { DockerClient } from '../docker/client.js'
import { formatBytes, pruneToSize } from './prune.js'
import type { Resources } from '../lifecycle/resources.js'
import type { Logger } from '../types.js'

/**
 * How long dockerd gets to shut down after SIGTERM. It stops inner
 * containers (10 s each by default, in parallel) and flushes its stores;
 * idle it takes ~1.2 s. Bounded, so a wedged daemon cannot hold post up.
 */
export const CACHE_STOP_GRACE_MS = 20_000

interface Sidecar {
  /** Acted on by id: the name passes to the next holder as soon as ours is gone. */
  id: string
  running: boolean
  run: string
  ip: string
  tls: boolean
}

/** The sidecar as the daemon describes it; undefined when it cannot be looked at. */
async function inspectSidecar(
  docker: DockerClient,
  name: string
): Promise<Sidecar | undefined> {
  const found = await docker.findContainer(name).catch(() => undefined)
  if (!found) return undefined
  const networks = Object.values(found.NetworkSettings.Networks ?? {})
  return {
    id: found.Id,
    running: found.State.Running,
    run: found.Config.Labels?.[LABELS.run] ?? '',
    ip: networks.map((n) => n.IPAddress).find((ip) => ip) ?? '',
    // DOCKER_TLS_CERTDIR is empty exactly when TLS is off (see plan.ts).
    tls: !(found.Config.Env ?? []).includes('DOCKER_TLS_CERTDIR=')
  }
}

async function endpointOf(
  sidecar: Sidecar,
  certDir: string | undefined
): Promise<DaemonEndpoint | undefined> {
  if (!sidecar.ip) return undefined
  if (!sidecar.tls) {
    return { host: sidecar.ip, port: DAEMON_PORT.plain }
  }
  if (!certDir) return undefined
  const [ca, cert, key] = await Promise.all(
    ['ca.pem', 'cert.pem', 'key.pem'].map((file) =>
      lazyFsPromises().readFile(join(certDir, file), 'utf8')
    )
  )
  // By IP from the runner, which the certificate names only on a job
  // network; the name `docker` it always carries.
  return {
    host: sidecar.ip,
    port: DAEMON_PORT.tls,
    tls: { ca, cert, key },
    serverName: 'docker'
  }
}

/**
 * Prunes, stops and removes the cached nest `resources` names; problems go
 * to `warnings`. Refuses a container of another run: the name is shared by
 * every job using the cache, and this job may never have held it.
 */
export async function stopCachedNest(
  resources: Resources,
  docker: DockerClient,
  logger: Logger,
  report: { removed: string[]; warnings: string[] }
): Promise<void> {
  const name = resources.container
  const cache = resources.cache
  if (!name || !cache) return
  const sidecar = await inspectSidecar(docker, name)
  if (!sidecar) return
  if (sidecar.run !== resources.runId) {
    logger.info(
      `Container ${name} belongs to run ${sidecar.run || 'unknown'}, not this one; leaving it.`
    )
    return
  }
  if (sidecar.running && cache.maxBytes !== undefined) {
    await prune(sidecar, resources, cache.maxBytes, logger, report)
  }
  if (sidecar.running) {
    const started = performance.now()
    await docker.kill(sidecar.id, 'TERM')
    const waited = await docker.waitStopped(sidecar.id, CACHE_STOP_GRACE_MS)
    const ms = Math.round(performance.now() - started)
    if (waited.ok)
      logger.info(`Daemon of cache '${cache.name}' stopped in ${ms} ms`)
    else
      report.warnings.push(
        `The daemon of cache '${cache.name}' did not stop within ` +
          `${CACHE_STOP_GRACE_MS / 1000} s; it was killed, and its next start recovers.`
      )
  }
  const removed = await docker.removeContainer(sidecar.id)
  if (removed.ok || isNoSuchObject(removed.error)) {
    report.removed.push(`container ${name} (cache '${cache.name}' kept)`)
  } else {
    report.warnings.push(
      `Could not remove container ${name}, so cache '${cache.name}' stays locked; remove it with: docker rm -f ${name}`
    )
  }
}

async function prune(
  sidecar: Sidecar,
  resources: Resources,
  maxBytes: number,
  logger: Logger,
  report: { warnings: string[] }
): Promise<void> {
  try {
    const endpoint = await endpointOf(sidecar, resources.certDir)
    if (!endpoint) throw new Error('no address or certificates for the nest')
    const result = await pruneToSize(endpoint, maxBytes)
    logger.info(
      result.steps.length === 0
        ? `Cache '${resources.cache?.name}' holds ${formatBytes(result.before)}, within cache-max-size ${formatBytes(maxBytes)}.`
        : `Cache '${resources.cache?.name}': ${formatBytes(result.before)} → ` +
            `${formatBytes(result.after)} (cache-max-size ${formatBytes(maxBytes)}; ${result.steps.join(', ')}).`
    )
  } catch (error) {
    report.warnings.push(
      `Could not prune cache '${resources.cache?.name}' to cache-max-size: ${(error as Error).message}`
    )
  }
}
