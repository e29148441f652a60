/**
 * The Action's steps in one job, run the way the runner runs them: `pre`
 * (when asked for) at the start of the job, a pause for the steps in
 * between, `main`, then `post`. Each step is a fresh Node process with the
 * inputs as INPUT_*, fresh GITHUB_ENV/GITHUB_OUTPUT/GITHUB_STATE/
 * GITHUB_STEP_SUMMARY files, RUNNER_TEMP and GITHUB_RUN_ID. What a step
 * writes to GITHUB_STATE reaches the Action's later steps as STATE_*, what
 * it writes to GITHUB_ENV reaches every later step's environment.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { findLabelled } from './docker.mjs'
import {
  cleanStepEnv,
  createFileCommandFiles,
  readFileCommand
} from './file-commands.mjs'
import { NEST_RUN_LABEL, readable } from './methods.mjs'
import { StepError, runProcess, sleep, tail } from './proc.mjs'

/** A step is killed after this long (a cold pull plus the default wait). */
const STEP_TIMEOUT_MS = 300_000

/**
 * A step that exited non-zero; `output` holds its stdout and stderr with
 * the `::error::` escapes decoded.
 */
export class ActionStepError extends StepError {
  constructor(stage, result) {
    const output = readable(tail(result.stdout + result.stderr, 40))
    super(
      `${stage} step failed (exit ${result.code ?? result.signal}):\n${output}`
    )
    this.stage = stage
    this.output = output
  }
}

/**
 * @typedef {object} JobTimes
 * @property {number | undefined} preMs Spawn to exit of pre.
 * @property {number} mainMs Spawn to exit of main.
 * @property {number} postMs Spawn to exit of post.
 * @property {string} runId The nest's run id, from the saved resources.
 * @property {string[]} notes What pre and main said about the image pull
 *   and the early start (started in the background, adopted, or why not).
 */

/** Pre's and main's lines about the pull and the early start. */
const NOTE_LINE = /^Pulled |early start|started in pre|in the background/

/**
 * Runs one job's steps of the Action and checks that post left nothing of
 * the nest behind. When main fails, post still runs (as on the runner) and
 * then main's {@link ActionStepError} is thrown.
 *
 * @param {import('./methods.mjs').BenchContext} ctx
 * @param {object} job
 * @param {Record<string, string>} job.inputs Every input, by name.
 * @param {string} [job.prePath] The pre bundle; no pre step when absent.
 * @param {number} [job.gapMs] Pause between pre's exit and main's spawn.
 * @returns {Promise<JobTimes>}
 */
export async function runActionJob(ctx, { inputs, prePath, gapMs = 0 }) {
  const temp = mkdtempSync(join(ctx.tmpRoot, 'runner-'))
  const base = { ...cleanStepEnv(process.env) }
  for (const [name, value] of Object.entries(inputs)) {
    base[`INPUT_${name.toUpperCase()}`] = value
  }
  Object.assign(base, {
    RUNNER_TEMP: temp,
    GITHUB_RUN_ID: ctx.benchId,
    GITHUB_RUN_ATTEMPT: '1'
  })
  const state = new Map()
  const exported = new Map()
  const step = async (stage, path) => {
    const files = createFileCommandFiles(temp)
    const env = { ...base, ...Object.fromEntries(exported), ...files }
    for (const [name, value] of state) env[`STATE_${name}`] = value
    const result = await runProcess(ctx.nodeBin, [path], {
      env,
      cwd: ctx.repoRoot,
      timeoutMs: STEP_TIMEOUT_MS
    })
    // Read back even after a failure: a step saves state before it can fail.
    for (const [name, value] of readFileCommand(files, 'GITHUB_STATE')) {
      state.set(name, value)
    }
    for (const [name, value] of readFileCommand(files, 'GITHUB_ENV')) {
      exported.set(name, value)
    }
    return result
  }

  let preMs
  const notes = []
  const note = (result) =>
    notes.push(
      ...result.lines
        .map((line) => line.text)
        .filter((text) => NOTE_LINE.test(text))
    )
  if (prePath) {
    const pre = await step('pre', prePath)
    if (pre.code !== 0) {
      await step('post', ctx.postPath)
      throw new ActionStepError('pre', pre)
    }
    preMs = pre.ms
    note(pre)
    await sleep(gapMs)
  }
  const main = await step('main', ctx.mainPath)
  note(main)
  const post = await step('post', ctx.postPath)
  if (main.code !== 0) throw new ActionStepError('main', main)
  if (post.code !== 0) throw new ActionStepError('post', post)

  const resources = JSON.parse(state.get('resources') ?? 'null')
  if (!resources?.runId) {
    throw new StepError(`main saved no resources state:\n${tail(main.stdout)}`)
  }
  const left = await findLabelled(
    NEST_RUN_LABEL,
    (value) => value === resources.runId
  )
  const leftovers = [
    ...left.containers.map((id) => `container ${id}`),
    ...left.volumes.map((name) => `volume ${name}`),
    ...(resources.certDir && existsSync(resources.certDir)
      ? [`cert dir ${resources.certDir}`]
      : [])
  ]
  if (leftovers.length > 0) {
    throw new StepError(
      `post left ${leftovers.join(', ')} of run ${resources.runId} behind:\n` +
        readable(tail(post.stdout + post.stderr, 40))
    )
  }
  rmSync(temp, { recursive: true, force: true })
  return {
    preMs,
    mainMs: main.ms,
    postMs: post.ms,
    runId: resources.runId,
    notes
  }
}
