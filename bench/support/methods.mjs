/**
 * The three ways to get a TLS-protected dind daemon that the bench compares,
 * each measured once per call and cleaned up (untimed) before it returns:
 *
 * - main: the Action's committed main step as a user sees it, then its post
 *   step, timed separately;
 * - stock: the official image's documented pattern, where the entrypoint
 *   makes an RSA-4096 PKI and a script polls for the client files and /_ping;
 * - floor: the least our design can cost: certificates made in advance,
 *   `docker create` + `docker cp` + `docker start`, /_ping every 10 ms.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import {
  docker,
  findLabelled,
  publishedPort,
  removeAll,
  tryDocker
} from './docker.mjs'
import {
  cleanStepEnv,
  createFileCommandFiles,
  readFileCommand
} from './file-commands.mjs'
import { StepError, runProcess, tail } from './proc.mjs'
import { pollPing, readClientFiles, waitForClientFiles } from './ping.mjs'

/** Port dockerd listens on with TLS inside the container. */
const TLS_PORT = 2376
/** Give up on a daemon after this long: the Action's default wait-timeout. */
const DEADLINE_MS = 60_000
/** The main step is killed after this long (wait-timeout plus slack). */
const STEP_TIMEOUT_MS = 120_000
/** Label on everything the stock and floor methods create. */
export const BENCH_LABEL = 'docker-nest-bench'
/** The label docker-nest puts on its container and volume. */
export const NEST_RUN_LABEL = 'docker-nest.run'
/** Client env the runner carries from main's GITHUB_ENV into post. */
const EXPORTED_TO_POST = [
  'DOCKER_HOST',
  'DOCKER_TLS_VERIFY',
  'DOCKER_CERT_PATH'
]

/**
 * @typedef {object} BenchContext
 * @property {string} benchId Digits; GITHUB_RUN_ID of every main run, so
 *   leftovers of this bench can be told from anyone else's nests.
 * @property {string} tmpRoot Directory for all of this bench's files.
 * @property {string} nodeBin Node that runs the Action bundles.
 * @property {string} repoRoot
 * @property {string} mainPath
 * @property {string} postPath
 * @property {Record<string, string>} inputs Action inputs (name → value).
 * @property {() => number} nextSeq Unique number for container names.
 */

/**
 * @typedef {object} Engine
 * @property {string} key `20` or `26`.
 * @property {string} label e.g. `20.10`.
 * @property {string} image
 */

/**
 * Runs the Action's main step, then its post step, the way the runner does,
 * and checks that post left nothing behind.
 *
 * @param {BenchContext} ctx
 * @param {Engine} engine
 * @param {Record<string, string>} [inputs] Inputs that differ from the defaults.
 */
export async function measureMain(ctx, engine, inputs = {}) {
  const temp = mkdtempSync(join(ctx.tmpRoot, 'runner-'))
  const inputEnv = {}
  for (const [name, value] of Object.entries({
    ...ctx.inputs,
    image: engine.image,
    ...inputs
  })) {
    inputEnv[`INPUT_${name.toUpperCase()}`] = value
  }
  const stepEnv = {
    ...cleanStepEnv(process.env),
    ...inputEnv,
    RUNNER_TEMP: temp,
    GITHUB_RUN_ID: ctx.benchId,
    GITHUB_RUN_ATTEMPT: '1'
  }
  const mainFiles = createFileCommandFiles(temp)
  const main = await runProcess(ctx.nodeBin, [ctx.mainPath], {
    env: { ...stepEnv, ...mainFiles },
    cwd: ctx.repoRoot,
    timeoutMs: STEP_TIMEOUT_MS
  })
  if (main.code !== 0) {
    throw new StepError(
      `main step failed (exit ${main.code ?? main.signal}) on ${engine.image}:\n` +
        readable(tail(main.stdout + main.stderr, 40))
    )
  }
  const outputs = readFileCommand(mainFiles, 'GITHUB_OUTPUT')
  const exported = readFileCommand(mainFiles, 'GITHUB_ENV')
  const state = readFileCommand(mainFiles, 'GITHUB_STATE')
  const resources = JSON.parse(state.get('resources') ?? 'null')
  if (!resources?.runId) {
    throw new StepError(`main saved no resources state:\n${tail(main.stdout)}`)
  }

  const postEnv = { ...stepEnv, ...createFileCommandFiles(temp) }
  for (const name of EXPORTED_TO_POST) {
    if (exported.has(name)) postEnv[name] = exported.get(name)
  }
  for (const [name, value] of state) postEnv[`STATE_${name}`] = value
  const post = await runProcess(ctx.nodeBin, [ctx.postPath], {
    env: postEnv,
    cwd: ctx.repoRoot,
    timeoutMs: STEP_TIMEOUT_MS
  })
  if (post.code !== 0) {
    throw new StepError(
      `post step failed (exit ${post.code ?? post.signal}):\n` +
        readable(tail(post.stdout + post.stderr, 40))
    )
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
    runId: resources.runId,
    wallMs: main.ms,
    readyMs: Number(outputs.get('ready-ms')),
    segments: mainSegments(main),
    phases: phaseLines(main.lines),
    dockerCalls: dockerCallLines(main.lines),
    post: {
      wallMs: post.ms,
      dockerCalls: dockerCallLines(post.lines),
      warnings: post.lines
        .filter((line) => line.text.startsWith('::warning'))
        .map((line) => line.text)
    }
  }
}

/**
 * Decodes the %0A, %0D and %25 escapes of `::error::`/`::warning::` commands,
 * which the runner would turn back into line breaks.
 *
 * @param {string} log
 */
export function readable(log) {
  return log.replace(
    /^(::(?:error|warning)[^:]*::)(.*)$/gm,
    (_, head, body) =>
      head +
      body.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%25/g, '%')
  )
}

/**
 * Splits main's wall time at the log lines it prints: Node start, bundle
 * load and planning until the first group; the "Start dind" and "Wait for
 * daemon" groups as main times them; the daemon facts (version, storage
 * driver, MTU) before the ready line; outputs, summary and exit after it.
 *
 * @param {import('./proc.mjs').ProcessResult} main
 */
function mainSegments(main) {
  const at = (test) => main.lines.find((line) => test(line.text))?.ms
  const firstGroup = at((text) => text.startsWith('::group::'))
  const waitDone = at((text) => /^Wait for daemon: \d+ ms$/.test(text))
  const ready = at((text) => /is ready after \d+ ms/.test(text))
  const phases = phaseLines(main.lines)
  return {
    boot: firstGroup,
    'start dind': phases['Start dind'],
    wait: phases['Wait for daemon'],
    facts:
      ready !== undefined && waitDone !== undefined
        ? ready - waitDone
        : undefined,
    'export+exit': ready !== undefined ? main.ms - ready : undefined
  }
}

/** `Title: N ms` lines (what the `phase` helper prints), by title. */
function phaseLines(lines) {
  const phases = {}
  for (const { text } of lines) {
    const match = /^([A-Z][A-Za-z ]*): (\d+) ms$/.exec(text)
    if (match) phases[match[1]] = Number(match[2])
  }
  return phases
}

/**
 * `::debug::docker.exec: <verb> … (N ms)` lines (docker CLI processes) and
 * `::debug::engine-api: <verb> <METHOD> … (N ms)` lines (Engine API calls
 * on the runner's socket, shown as `api <verb>`), summed by verb.
 */
function dockerCallLines(lines) {
  const calls = {}
  const add = (key, ms) => (calls[key] = (calls[key] ?? 0) + Number(ms))
  for (const { text } of lines) {
    const cli = /^::debug::docker\.exec: (\S+).* -> \d+ \((\d+) ms\)$/.exec(
      text
    )
    if (cli) add(`docker ${cli[1]}`, cli[2])
    const api = /^::debug::engine-api: (\S+) \S+ -> \d+ \((\d+) ms\)$/.exec(
      text
    )
    if (api) add(`api ${api[1]}`, api[2])
  }
  return calls
}

/**
 * Labels and volume flags shared by the stock and floor containers; the
 * label only lets the bench find its leftovers.
 */
function sidecarFlags(ctx) {
  return [
    '--label',
    `${BENCH_LABEL}=${ctx.benchId}`,
    '--privileged',
    '--publish',
    `127.0.0.1::${TLS_PORT}`,
    '--mount',
    `type=volume,dst=/var/lib/docker,volume-label=${BENCH_LABEL}=${ctx.benchId}`
  ]
}

/**
 * Runs `measure` on a fresh container name and always removes the container
 * and its volume afterwards (untimed). A failure gets the container's log
 * tail; a failed removal only fails the bench when nothing else did.
 *
 * @template T
 * @param {BenchContext} ctx
 * @param {(name: string) => Promise<T>} measure
 * @returns {Promise<T>}
 */
async function withSidecar(ctx, measure) {
  const name = `docker-nest-bench-${ctx.benchId}-${ctx.nextSeq()}`
  let failure
  try {
    return await measure(name)
  } catch (error) {
    const logs = await tryDocker(['logs', '--tail', '30', name])
    const text = (logs.stdout + '\n' + logs.stderr).trim()
    failure = new StepError(
      (error instanceof Error ? error.message : String(error)) +
        (text ? `\ncontainer log tail:\n${tail(text)}` : '')
    )
    throw failure
  } finally {
    const problems = await removeAll({ containers: [name], volumes: [] })
    // The anonymous /var/lib/docker volume goes with `rm --volumes`; this
    // catches one that did not (e.g. the container was never created).
    const orphans = await findLabelled(BENCH_LABEL, (v) => v === ctx.benchId)
    problems.push(...(await removeAll({ containers: [], ...orphans })))
    if (problems.length > 0 && !failure) {
      // eslint-disable-next-line no-unsafe-finally
      throw new StepError(`could not remove ${name}: ${problems.join('; ')}`)
    }
  }
}

/**
 * The official pattern: `docker run` with a host directory on /certs/client,
 * then poll every 100 ms for the three client files and for /_ping.
 *
 * @param {BenchContext} ctx
 * @param {Engine} engine
 */
export async function measureStock(ctx, engine) {
  // A fresh directory each time: files left from a previous run would be
  // found at once and make the stock method look fast.
  const clientDir = mkdtempSync(join(ctx.tmpRoot, 'stock-client-'))
  try {
    return await withSidecar(ctx, (name) => stock(ctx, name, engine, clientDir))
  } finally {
    rmSync(clientDir, { recursive: true, force: true })
  }
}

async function stock(ctx, name, engine, clientDir) {
  const { mark, marks, deadline } = stopwatch()
  await docker([
    'run',
    '--detach',
    '--name',
    name,
    ...sidecarFlags(ctx),
    '--volume',
    `${clientDir}:/certs/client`,
    engine.image
  ])
  mark('run')
  const port = await publishedPort(name, TLS_PORT)
  mark('port')
  await waitForClientFiles(clientDir, { intervalMs: 100, deadline })
  mark('files')
  const attempts = await pollPing(port, () => readClientFiles(clientDir), {
    intervalMs: 100,
    deadline
  })
  mark('ping')
  return { wallMs: marks.ping, segments: steps(marks), attempts }
}

/**
 * The floor: server certificates copied into a created container before it
 * starts, so the entrypoint only verifies them; /_ping every 10 ms.
 *
 * @param {BenchContext} ctx
 * @param {Engine} engine
 * @param {import('./pki.mjs').FloorPki} pki Made in advance (untimed).
 */
export function measureFloor(ctx, engine, pki) {
  return withSidecar(ctx, (name) => floor(ctx, name, engine, pki))
}

async function floor(ctx, name, engine, pki) {
  const { mark, marks, deadline } = stopwatch()
  await docker([
    'create',
    '--name',
    name,
    ...sidecarFlags(ctx),
    '--env',
    'DOCKER_TLS_CERTDIR=/certs',
    engine.image
  ])
  mark('create')
  await docker(['cp', '-', `${name}:/`], { input: pki.tar })
  mark('cp')
  await docker(['start', name])
  mark('start')
  const port = await publishedPort(name, TLS_PORT)
  mark('port')
  const attempts = await pollPing(port, () => pki.client, {
    intervalMs: 10,
    deadline
  })
  mark('ping')
  return { wallMs: marks.ping, segments: steps(marks), attempts }
}

/** Marks taken from now, and the deadline for the daemon to answer. */
function stopwatch() {
  const started = performance.now()
  const marks = {}
  return {
    marks,
    deadline: started + DEADLINE_MS,
    mark: (label) => (marks[label] = performance.now() - started)
  }
}

/** Cumulative marks → the duration of each step. */
function steps(marks) {
  const out = {}
  let previous = 0
  for (const [label, ms] of Object.entries(marks)) {
    out[label] = ms - previous
    previous = ms
  }
  return out
}
