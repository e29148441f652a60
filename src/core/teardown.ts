/**
 * Removes everything a {@link Resources} record names, in the right order,
 * tolerating anything already gone. Shared by the Action's post step and
 * `docker-nest down`. Never throws: problems come back as warnings.
 */
import { rm } from 'node:fs/promises'
import type { DockerCli } from './docker.js'
import { isNoSuchObject } from './docker.js'
import type { Resources } from './resources.js'
import type { Logger } from './types.js'

/** Seconds dockerd gets to stop its own containers before SIGKILL. */
export const STOP_GRACE_SECONDS = 2

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
  const certs = removeCertDir(resources.certDir, report)
  if (resources.container) {
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
  // A short graceful stop lets the inner dockerd stop its containers and unmount.
  const stop = await docker.tryExec([
    'stop',
    '--time',
    String(STOP_GRACE_SECONDS),
    name
  ])
  if (stop.exitCode !== 0 && isNoSuchObject(stop.stderr)) return
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
    await rm(certDir, { recursive: true, force: true })
    report.removed.push(`certificates ${certDir}`)
  } catch (error) {
    report.warnings.push(
      `Could not delete ${certDir}: ${(error as Error).message}`
    )
  }
}
