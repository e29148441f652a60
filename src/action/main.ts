/**
 * The Action's main step: validate inputs, start the nest, export its
 * environment. Any failure fails the step with a message that explains it;
 * whatever was created is already in the state for post.
 */
import * as core from '@actions/core'
import { parseInputs } from '../core/config.js'
import { exitOnCancel } from '../core/cancel.js'
import { startDind } from '../core/dind.js'
import { DockerCli, captureHostDockerEnv } from '../core/docker.js'
import { detectUplinkMtu } from '../core/mtu.js'
import { makePlan } from '../core/plan.js'
import type { Resources } from '../core/resources.js'
import { errorMessage } from '../core/errors.js'
import { readInputs } from './inputs.js'
import { actionLogger } from './logger.js'
import { exportEnvironment, setOutputs } from './outputs.js'
import { saveCleanup, stateRecorder } from './state.js'
import { writeFailureSummary, writeSummary } from './summary.js'
import { runnerTemp, runPrefix } from './runner-env.js'

/** Refuses non-Linux runners before anything is created. */
export function assertLinux(platform: string = process.platform): void {
  if (platform !== 'linux') {
    throw new Error(
      `docker-nest needs a Linux runner; this one is ${platform}. ` +
        "Run the job on 'ubuntu-latest' or a Linux self-hosted runner."
    )
  }
}

export async function run(): Promise<void> {
  let uninstall = (): void => undefined
  try {
    assertLinux()
    const options = parseInputs(readInputs())
    saveCleanup(options.cleanup)
    const hostDocker = captureHostDockerEnv()
    const docker = DockerCli.locate(hostDocker, actionLogger.debug)
    // From here on a cancelled step may have docker calls in flight.
    uninstall = exitOnCancel(docker, actionLogger)
    const plan = makePlan(options, {
      runPrefix: runPrefix(),
      detectedMtu: options.mtu === 'auto' ? await detectUplinkMtu() : undefined,
      now: new Date()
    })
    if (!options.tls) {
      core.warning(
        'tls: false — the daemon accepts unauthenticated API calls on ' +
          '127.0.0.1. Anything on this runner can use it.'
      )
    }
    const resources: Resources = { version: 1, runId: plan.runId, hostDocker }
    await stateRecorder.record(resources)
    const info = await startDind(plan, resources, {
      docker,
      logger: actionLogger,
      recorder: stateRecorder,
      certParentDir: runnerTemp()
    })
    await core.group('Export environment', async () => {
      exportEnvironment(info)
      setOutputs(info)
      core.info(`DOCKER_HOST=${info.dockerHost}`)
      if (info.certPath) core.info(`DOCKER_CERT_PATH=${info.certPath}`)
    })
    await writeSummary(info)
  } catch (error) {
    const message = errorMessage(error)
    core.setFailed(message)
    await writeFailureSummary(message)
  } finally {
    uninstall()
  }
}
