/**
 * The Action's post step: remove what main created. It runs after failures
 * too, and never fails the job: every problem is a warning. In dood mode it
 * changes nothing on the runner's daemon unless `cleanup: containers`.
 */
import * as core from './workflow.js'
import { DockerCli, findOnPath } from '../engine/docker/cli.js'
import { removeLabelled, runLabel } from '../engine/dood/dood.js'
import { stopSocketProxy } from '../engine/dood/socket-proxy.js'
import type { Resources } from '../engine/lifecycle/resources.js'
import { teardown } from '../engine/lifecycle/teardown.js'
import { errorMessage } from '../engine/errors.js'
import { actionLogger } from './logger.js'
import { loadCleanup, loadResources, type CleanupMode } from './state.js'
import { removeClientContext } from './clients.js'

export async function run(): Promise<void> {
  // Even with cleanup: false: the runner's docker config must not keep a
  // current context that points at a nest about to disappear.
  removeClientContext()
  try {
    const resources = loadResources()
    if (!resources) {
      core.info('Nothing to clean up: main created nothing.')
      return
    }
    const cleanup = loadCleanup()
    if (resources.mode === 'dood') {
      await cleanDood(resources, cleanup)
      return
    }
    if (cleanup === 'false') {
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

/** dood: by default nothing; with `cleanup: containers`, the run-labelled objects only. */
async function cleanDood(
  resources: Resources,
  cleanup: CleanupMode
): Promise<void> {
  try {
    await removeDoodObjects(resources, cleanup)
  } finally {
    // After the labelled objects: with a proxy, they were reached through it.
    if (resources.proxy && cleanup !== 'false') {
      const proxy = resources.proxy
      if (stopSocketProxy(proxy))
        core.info(`Removed socket proxy ${proxy.socket}`)
      else
        core.warning(
          `Could not remove the socket proxy ${proxy.socket}; delete it to stop the proxy.`
        )
    }
  }
}

async function removeDoodObjects(
  resources: Resources,
  cleanup: CleanupMode
): Promise<void> {
  if (cleanup !== 'containers' || !resources.socket) {
    core.info(
      'dood: leaving the runner’s daemon as it is. To remove what this job ' +
        `started, label it with $DOCKER_NEST_LABEL (${runLabel(resources.runId)}) ` +
        'and set cleanup: containers.'
    )
    return
  }
  const docker = new DockerCli(
    findOnPath('docker') ?? 'docker',
    {
      DOCKER_HOST: `unix://${resources.socket}`,
      DOCKER_TLS_VERIFY: null,
      DOCKER_CERT_PATH: null,
      DOCKER_CONTEXT: null
    },
    actionLogger.debug
  )
  const report = await core.group(
    `Remove objects labelled ${runLabel(resources.runId)}`,
    () => removeLabelled(resources.runId, docker, actionLogger)
  )
  for (const warning of report.warnings) core.warning(warning)
}
