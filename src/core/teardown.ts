/**
 * Removes everything a {@link Resources} record names, in the right order,
 * tolerating anything already gone. Shared by the Action's post step and
 * `docker-nest down`. Never throws: problems come back as warnings.
 */
import { lazyFsPromises } from './lazy-builtins.js'
import { stopCachedNest } from './cache-teardown.js'
import type { DockerCli } from './docker.js'
import { isNoSuchObject } from './docker.js'
import type { Resources } from './resources.js'
import type { Logger } from './types.js'

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
  warnings: string[]
}

/** Removes container, volume and cert dir named in `resources`. */
export async function teardown(
  resources: Resources,
  docker: DockerCli,
  logger: Logger
): Promise<TeardownReport> {
  const report: TeardownReport = { removed: [], warnings: [] }
  // A cached nest is pruned over TLS first, so before its certificates go.
  if (resources.cache) await stopCachedNest(resources, docker, logger, report)
  const certs = removeCertDir(resources.certDir, report)
  if (resources.container && !resources.cache) {
    await removeContainer(resources.container, docker, report)
  }
  if (resources.volume) {
    const volume = resources.volume
    if (await docker.tryRemoveVolume(volume))
      report.removed.push(`volume ${volume}`)
    else
      report.warnings.push(
        `Could not remove volume ${volume}; remove it with: docker volume rm ${volume}`
      )
  }
  await certs
  for (const line of report.removed) logger.info(`Removed ${line}`)
  return report
}

async function removeContainer(
  name: string,
  docker: DockerCli,
  report: TeardownReport
): Promise<void> {
  // Like `docker stop`, but with a grace shorter than its 1 s granularity.
  const term = await docker.tryExec(['kill', '--signal', 'TERM', name])
  if (term.exitCode !== 0 && isNoSuchObject(term.stderr)) return
  if (term.exitCode === 0) {
    await docker.tryExec(['wait', name], { timeoutMs: STOP_GRACE_MS })
  }
  if (await docker.tryRemoveContainer(name)) {
    report.removed.push(`container ${name}`)
  } else {
    report.warnings.push(
      `Could not remove container ${name}; remove it with: docker rm -f -v ${name}`
    )
  }
}

async function removeCertDir(
  certDir: string | undefined,
  report: TeardownReport
): Promise<void> {
  if (!certDir) return
  try {
    await lazyFsPromises().rm(certDir, { recursive: true, force: true })
    report.removed.push(`certificates ${certDir}`)
  } catch (error) {
    report.warnings.push(
      `Could not delete ${certDir}: ${(error as Error).message}`
    )
  }
}
