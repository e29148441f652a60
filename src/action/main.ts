/**
 * The Action's main step: validate inputs, choose the mode, give the job
 * Docker (a private nest, or the runner's own daemon), export its
 * environment. Any failure fails the step with a message that explains it;
 * whatever was created is already in the state for post.
 */
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import * as core from './workflow.js'
import {
  cachedProbe,
  probePrivileged,
  type ProbeResult
} from '../engine/lifecycle/auto.js'
import { isolationArgs } from '../engine/options/runtime.js'
import { parseInputs } from '../engine/options/config.js'
import { exitOnCancel } from '../engine/lifecycle/cancel.js'
import { startNestWithCache } from '../engine/cache/start.js'
import {
  DockerCli,
  captureHostDockerEnv,
  findOnPath
} from '../engine/docker/cli.js'
import {
  detectJobContainer,
  hostPathOf,
  type JobContainerInspect
} from '../engine/dind/container-job.js'
import {
  bindMountNote,
  connectDood,
  inspectOverSocket
} from '../engine/dood/dood.js'
import { detectUplinkMtu } from '../engine/dind/mtu.js'
import { nestOwner } from '../engine/lifecycle/owner.js'
import { makePlan, plainTcpWarning, randomSuffix } from '../engine/dind/plan.js'
import { startReaping, type BackgroundReap } from '../engine/reap/at-start.js'
import { signal, type Signal } from '../engine/lifecycle/signal.js'
import type { Resources } from '../engine/lifecycle/resources.js'
import { teardown } from '../engine/lifecycle/teardown.js'
import { errorMessage } from '../engine/errors.js'
import type { DindOptions, HostDockerEnv } from '../engine/types.js'
import { readInputs } from './inputs.js'
import { actionLogger } from './logger.js'
import { exportEnvironment, setOutputs } from './outputs.js'
import { saveCleanup, stateRecorder } from './state.js'
import { setUpClients } from './clients.js'
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

/** What every phase of the step needs. */
interface Step {
  options: DindOptions
  /** The runner's docker client settings at the start of the step. */
  hostDocker: HostDockerEnv
  /** The docker CLI in use (output docker-cli-path). */
  cliPath: string
  /** Fired when the sidecar's start is on its way (the reaper begins then). */
  sidecarStarting: Signal
}

export async function run(): Promise<void> {
  let reaping: BackgroundReap | undefined
  try {
    assertLinux()
    const options = parseInputs(readInputs(), process.env)
    saveCleanup(options)
    const cliPath = await dockerCliPath(options)
    const step: Step = {
      options,
      hostDocker: captureHostDockerEnv(),
      cliPath,
      sidecarStarting: signal()
    }
    // What crashed jobs left goes while this nest starts.
    reaping = startReaping(
      reaperCli(step.hostDocker),
      actionLogger,
      step.sidecarStarting.fired
    )
    const mode = options.mode === 'auto' ? await chooseMode(step) : options.mode
    if (mode === 'dood') await runDood(step)
    else if (options.mode === 'auto') await runDindOrDood(step)
    else await runDind(step)
  } catch (error) {
    const message = errorMessage(error)
    core.setFailed(message)
    await writeFailureSummary(message)
  } finally {
    await reaping?.finish()
  }
}

/** A docker CLI for the reaper, or none when there is no docker CLI on PATH. */
function reaperCli(hostDocker: HostDockerEnv): DockerCli | undefined {
  const binary = findOnPath('docker')
  return binary
    ? new DockerCli(binary, hostDocker, actionLogger.debug)
    : undefined
}

/**
 * The CLI on PATH, or one from the tool cache. The tool-cache code is loaded
 * only when needed: it adds ~25 ms of module loading to every main step.
 */
async function dockerCliPath(options: DindOptions): Promise<string> {
  const onPath = findOnPath('docker')
  if (onPath && !options.dockerCli.version) return onPath
  const { ensureDockerCli } = await import('./docker-cli.js')
  return ensureDockerCli(options.dockerCli)
}

/** `mode: auto`: probe once per job (the answer is exported), then log the choice and why. */
async function chooseMode(step: Step): Promise<'dind' | 'dood'> {
  const { options, hostDocker } = step
  const result: ProbeResult = await core.group(
    'Choose mode (auto)',
    async () => {
      const cached = cachedProbe(process.env.DOCKER_NEST_PRIVILEGED)
      if (cached) return cached
      const docker = DockerCli.locate(hostDocker, actionLogger.debug)
      const probed = await probePrivileged(
        docker,
        options.image,
        `${runPrefix()}-${randomSuffix()}-probe`,
        undefined,
        isolationArgs(options.runtime, options.rootlessUnprivileged)
      )
      core.exportVariable('DOCKER_NEST_PRIVILEGED', String(probed.privileged))
      return probed
    }
  )
  const mode = result.privileged ? 'dind' : 'dood'
  core.info(`mode: auto chose ${mode}: ${result.reason}.`)
  return mode
}

/**
 * auto chose dind: if the nest still does not come up, remove what it left
 * and use the runner's daemon, so auto never fails where dood would work.
 */
async function runDindOrDood(step: Step): Promise<void> {
  const { options, hostDocker } = step
  const attempt: { resources?: Resources } = {}
  try {
    await runDind(step, attempt)
  } catch (error) {
    const resources = attempt.resources
    if (resources && options.cleanup) {
      const docker = DockerCli.locate(hostDocker, actionLogger.debug)
      const report = await core.group('Remove the failed nest', () =>
        teardown(resources, docker, actionLogger)
      )
      for (const warning of report.warnings) core.warning(warning)
    }
    core.warning(
      `mode: auto: dind did not start, using dood instead. ${errorMessage(error)}`
    )
    try {
      await runDood(step)
    } catch (doodError) {
      throw new Error(
        `mode: auto: neither mode works here.\ndind: ${errorMessage(error)}\n` +
          `dood: ${errorMessage(doodError)}`,
        { cause: doodError }
      )
    }
  }
}

async function runDood(step: Step): Promise<void> {
  const { options, hostDocker } = step
  step.sidecarStarting.fire() // no sidecar: the reaper may begin now
  const runId = `${runPrefix()}-${randomSuffix()}`
  const resources: Resources = {
    version: 1,
    runId,
    hostDocker,
    mode: 'dood'
  }
  await stateRecorder.record(resources)
  const info = await core.group('Check the Docker socket', () =>
    connectDood(options, runId, {
      logger: actionLogger,
      proxyDir: runnerTemp(),
      // The proxy runs from the committed CLI bundle next to this one. (Built
      // with join, not new URL(…, import.meta.url), which ncc rewrites.)
      cliPath: join(
        dirname(fileURLToPath(import.meta.url)),
        '..',
        'cli',
        'index.js'
      ),
      recordProxy: (proxy) => {
        resources.proxy = proxy
        return stateRecorder.record(resources)
      }
    })
  )
  resources.socket = info.socket
  await stateRecorder.record(resources)
  await core.group('Export environment', async () => {
    exportEnvironment(info, options.clients.setHost)
    const context = setUpClients(options.clients, info, runId)
    setOutputs(info, step.cliPath, context)
  })
  const job = await detectJobContainer((id) =>
    inspectOverSocket(info.socket, id)
  )
  const workspace = process.env.GITHUB_WORKSPACE
  core.info(
    bindMountNote(
      job && workspace ? hostPathOf(workspace, job.mounts) : undefined
    )
  )
  await writeSummary(info)
}

/** Starts the nest; `attempt.resources` is the record of what it created, even when it throws. */
async function runDind(
  step: Step,
  attempt: { resources?: Resources } = {}
): Promise<void> {
  const docker = DockerCli.locate(step.hostDocker, actionLogger.debug)
  // From here on a cancelled step may have docker calls in flight.
  const uninstall = exitOnCancel(docker, actionLogger)
  try {
    await startNest(step, docker, attempt)
  } finally {
    uninstall()
  }
}

async function startNest(
  step: Step,
  docker: DockerCli,
  attempt: { resources?: Resources }
): Promise<void> {
  const { options, hostDocker } = step
  const [detectedMtu, job] = await Promise.all([
    options.mtu === 'auto' ? detectUplinkMtu() : undefined,
    detectJobContainer((id) => inspectWithCli(docker, id))
  ])
  const plan = makePlan(options, {
    runPrefix: runPrefix(),
    detectedMtu,
    now: new Date(),
    owner: nestOwner('action')
  })
  if (job?.network) {
    plan.jobNetwork = { name: job.network, alias: job.aliasResolves }
    core.info(
      `This step runs in container ${job.id.slice(0, 12)}: the sidecar joins ` +
        `its network ${job.network}${job.aliasResolves ? " as 'docker'" : ''}.`
    )
  }
  const plainTcp = plainTcpWarning(plan)
  if (plainTcp) core.warning(plainTcp)
  const resources: Resources = { version: 1, runId: plan.runId, hostDocker }
  attempt.resources = resources
  await stateRecorder.record(resources)
  const info = await startNestWithCache(plan, options.cache.busy, resources, {
    docker,
    logger: actionLogger,
    recorder: stateRecorder,
    certParentDir: runnerTemp(),
    onStarting: step.sidecarStarting.fire
  })
  await core.group('Export environment', async () => {
    exportEnvironment(info, options.clients.setHost)
    const context = setUpClients(options.clients, info, plan.runId)
    setOutputs(info, step.cliPath, context)
  })
  await writeSummary(info)
}

/** `docker inspect` of the job container through the CLI; undefined when the daemon does not know it. */
async function inspectWithCli(
  docker: DockerCli,
  id: string
): Promise<JobContainerInspect | undefined> {
  const result = await docker.tryExec(['inspect', '--type', 'container', id])
  if (result.exitCode !== 0) return undefined
  return (JSON.parse(result.stdout) as JobContainerInspect[])[0]
}
