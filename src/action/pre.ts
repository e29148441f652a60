/**
 * The Action's pre step: start the nest in a background process while the
 * job's first steps (checkout, set-up) run. Pre never fails the job: when
 * it cannot start early it says why and leaves the start to main. The same
 * bundle, started with the early start's directory in its env, is that
 * background process.
 */
import { spawn } from 'node:child_process'
import { mkdtempSync, openSync, renameSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import * as core from './workflow.js'
import { parseInputs } from '../engine/options/config.js'
import { captureHostDockerEnv } from '../engine/docker/cli.js'
import { errorMessage } from '../engine/errors.js'
import { nestOwner, ownerOf } from '../engine/lifecycle/owner.js'
import {
  serializeResources,
  type ResourceRecorder
} from '../engine/lifecycle/resources.js'
import { up } from '../engine/lifecycle/up.js'
import {
  EARLY_DIR_ENV,
  EARLY_DIR_PREFIX,
  EARLY_FILES,
  EARLY_STATE_KEY,
  fingerprintOf,
  type EarlyOutcome,
  type EarlyStart
} from './early.js'
import { readInputs } from './inputs.js'
import { actionContext } from './main.js'
import { runnerTemp } from './runner-env.js'
import { saveCleanup } from './state.js'

/** The owner of an early nest: the job's step runner, as main's would have. */
const OWNER_ENV = 'DOCKER_NEST_EARLY_OWNER'

export async function run(): Promise<void> {
  const dir = process.env[EARLY_DIR_ENV]
  if (dir) {
    await startInBackground(dir)
    // Done: what still watches the sidecar belongs to main now.
    process.exit(0)
  }
  try {
    startEarly()
  } catch (error) {
    core.info(
      `docker-nest: no early start (${errorMessage(error)}); main starts the nest.`
    )
  }
}

/** Why pre leaves the start to main, or undefined when it starts early. */
export function reasonToWait(
  earlyStart: string,
  mode: string | undefined,
  platform: string = process.platform
): string | undefined {
  if (platform !== 'linux') return 'not a Linux runner'
  if (earlyStart === 'false') return 'early-start: false'
  if (mode === undefined) return 'the inputs have a problem, which main reports'
  if (mode === 'dood') return 'mode: dood has nothing to start'
  return undefined
}

function startEarly(): void {
  const inputs = readInputs()
  let mode: string | undefined
  try {
    const options = parseInputs(inputs, process.env)
    saveCleanup(options)
    mode = options.mode
  } catch {
    mode = undefined
  }
  const reason = reasonToWait(core.getInput('early-start'), mode)
  if (reason) {
    core.info(`docker-nest: no early start (${reason}); main starts the nest.`)
    return
  }
  const hostDocker = captureHostDockerEnv()
  const dir = mkdtempSync(join(runnerTemp(), EARLY_DIR_PREFIX))
  const log = openSync(join(dir, EARLY_FILES.log), 'wx', 0o600)
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    [EARLY_DIR_ENV]: dir,
    [OWNER_ENV]: nestOwner('action') ?? ''
  }
  // The step's file commands are processed when pre exits: the background
  // process must not write them (it reports through its directory).
  for (const name of ['GITHUB_ENV', 'GITHUB_OUTPUT', 'GITHUB_STATE']) {
    delete env[name]
  }
  const child = spawn(process.execPath, [process.argv[1] ?? ''], {
    detached: true,
    stdio: ['ignore', log, log],
    env
  })
  child.unref()
  const pid = child.pid
  const identity = pid ? ownerOf(pid) : undefined
  if (!pid || !identity) throw new Error('the background process did not start')
  const early: EarlyStart = {
    dir,
    pid,
    identity,
    fingerprint: fingerprintOf(inputs, hostDocker)
  }
  core.saveState(EARLY_STATE_KEY, JSON.stringify(early))
  core.info(
    `docker-nest: starting the nest in the background (process ${pid}); ` +
      'main waits only for what is left of its start.'
  )
}

/** Writes `name` in the early start's directory all at once (0600). */
function writeFileInDir(dir: string, name: string, text: string): void {
  const partial = join(dir, `${name}.partial`)
  writeFileSync(partial, text, { mode: 0o600 })
  renameSync(partial, join(dir, name))
}

/** The background process: the same start main would make, reported through `dir`. */
async function startInBackground(dir: string): Promise<void> {
  let outcome: EarlyOutcome
  try {
    const options = parseInputs(readInputs(), process.env)
    let privileged: boolean | undefined
    const recorder: ResourceRecorder = {
      record: (resources) =>
        writeFileInDir(dir, EARLY_FILES.record, serializeResources(resources))
    }
    const result = await up(options, {
      ...actionContext(captureHostDockerEnv()),
      recorder,
      owner: process.env[OWNER_ENV] || undefined,
      rememberProbe: (answer) => (privileged = answer)
    })
    outcome = { ok: true, result, privileged }
  } catch (error) {
    outcome = { ok: false, message: errorMessage(error) }
  }
  writeFileInDir(dir, EARLY_FILES.result, JSON.stringify(outcome))
}
