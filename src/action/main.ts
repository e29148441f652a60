/**
 * The Action's main step: validate inputs, choose the mode, give the job
 * Docker (a private nest, or the runner's own daemon), export its
 * environment. Any failure fails the step with a message that explains it;
 * whatever was created is already in the state for post.
 */
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import * as core from './workflow.js'
import { parseInputs } from '../engine/options/config.js'
import { captureHostDockerEnv, findOnPath } from '../engine/docker/cli.js'
import { nestOwner } from '../engine/lifecycle/owner.js'
import { up, type UpContext, type UpResult } from '../engine/lifecycle/up.js'
import { errorMessage } from '../engine/errors.js'
import type { DindOptions, HostDockerEnv } from '../engine/types.js'
import { readInputs } from './inputs.js'
import { loadEarlyStart } from './early.js'
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

export async function run(): Promise<void> {
  try {
    assertLinux()
    const inputs = readInputs()
    const options = parseInputs(inputs, process.env)
    saveCleanup(options)
    const cliPath = await dockerCliPath(options)
    const hostDocker = captureHostDockerEnv()
    const early = loadEarlyStart()
    const adopted = early
      ? // Loaded only after a pre step: a start without one does not pay for it.
        await (
          await import('./adopt.js')
        ).adoptEarlyStart(early, options, inputs, hostDocker)
      : undefined
    const result = adopted ?? (await up(options, actionContext(hostDocker)))
    await present(result, options, cliPath)
  } catch (error) {
    const message = errorMessage(error)
    core.setFailed(message)
    await writeFailureSummary(message)
  }
}

/** What the engine needs from a GitHub runner. */
export function actionContext(hostDocker: HostDockerEnv): UpContext {
  return {
    logger: actionLogger,
    recorder: stateRecorder,
    runPrefix: runPrefix(),
    owner: nestOwner('action'),
    hostDocker,
    certParentDir: runnerTemp(),
    proxy: {
      dir: runnerTemp(),
      // The proxy runs from the committed CLI bundle next to this one. (Built
      // with join, not new URL(…, import.meta.url), which ncc rewrites.)
      cliPath: join(
        dirname(fileURLToPath(import.meta.url)),
        '..',
        'cli',
        'index.js'
      )
    },
    workspace: process.env.GITHUB_WORKSPACE,
    cachedPrivileged: process.env.DOCKER_NEST_PRIVILEGED,
    rememberProbe: (privileged) =>
      core.exportVariable('DOCKER_NEST_PRIVILEGED', String(privileged)),
    // Post removes what a failed start left.
    noPostStep: false
  }
}

/** Exports the environment and outputs, sets up clients, writes the summary. */
export async function present(
  result: UpResult,
  options: DindOptions,
  cliPath: string
): Promise<void> {
  const { info } = result
  await core.group('Export environment', async () => {
    exportEnvironment(info, options.clients.setHost)
    const context = setUpClients(options.clients, info, result.resources.runId)
    setOutputs(info, cliPath, context)
  })
  if (result.mode === 'dood') core.info(result.note)
  await writeSummary(info)
}

/**
 * The CLI on PATH, or one from the tool cache. The tool-cache code is loaded
 * only when needed: it adds ~25 ms of module loading to every main step.
 */
export async function dockerCliPath(options: DindOptions): Promise<string> {
  const onPath = findOnPath('docker')
  if (onPath && !options.dockerCli.version) return onPath
  const { ensureDockerCli } = await import('./docker-cli.js')
  return ensureDockerCli(options.dockerCli)
}
