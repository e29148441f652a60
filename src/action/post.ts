/**
 * The Action's post step: remove what main created. It runs after failures
 * too, and never fails the job: every problem is a warning.
 */
import * as core from '@actions/core'
import { DockerCli, findOnPath } from '../core/docker.js'
import { teardown } from '../core/teardown.js'
import { errorMessage } from '../core/errors.js'
import { actionLogger } from './logger.js'
import { loadCleanup, loadResources } from './state.js'

export async function run(): Promise<void> {
  try {
    const resources = loadResources()
    if (!resources) {
      core.info('Nothing to clean up: main created nothing.')
      return
    }
    if (!loadCleanup()) {
      core.info(
        `cleanup: false — leaving container ${resources.container ?? '-'}, ` +
          `volume ${resources.volume ?? '-'} and ${resources.certDir ?? 'no cert dir'} in place.`
      )
      return
    }
    // Post's env carries the DOCKER_HOST main exported (the nest itself);
    // talk to the runner's daemon as recorded at main start instead.
    const docker = new DockerCli(
      findOnPath('docker') ?? 'docker',
      resources.hostDocker,
      actionLogger.debug
    )
    const report = await core.group('Remove nest', () =>
      teardown(resources, docker, actionLogger)
    )
    for (const warning of report.warnings) core.warning(warning)
  } catch (error) {
    core.warning(`docker-nest cleanup: ${errorMessage(error)}`)
  }
}
