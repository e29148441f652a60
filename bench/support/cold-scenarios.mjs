/**
 * The cold-runner bench's measuring side, run inside the runner container
 * (see runner-container.mjs): starts the registry, pushes the dind image to
 * it, then measures each scenario round by round with the image removed
 * from the runner's engine first, and prints the report.
 *
 * Scenarios (each timed from the user's side, the pull included):
 * - stock: the official image's documented pattern (support/methods.mjs);
 * - pinned: the Action's main step with `image: <registry>/docker:28-dind`;
 * - runner: the Action's main step with `image: runner`;
 * - pre: the Action's pre step, a pause, then main, with the default image
 *   (`auto`: the runner's own engine here);
 * - floor: the startup bench's floor with the image already present.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { cpus } from 'node:os'
import { join } from 'node:path'
import { parse as parseYaml } from 'yaml'
import { ActionStepError, runActionJob } from './action-job.mjs'
import { formatColdReport, summarizeCold } from './cold-report.mjs'
import { docker, tryDocker } from './docker.mjs'
import { measureFloor, measureStock } from './methods.mjs'
import { makeFloorPki } from './pki.mjs'
import { StepError, runProcess, sleep, stopAll } from './proc.mjs'
import { startRegistry } from './registry.mjs'

/** Scenario keys, in the order of the first round. */
export const SCENARIOS = ['stock', 'pinned', 'runner', 'pre', 'floor']
/** Pause before each measurement (as in the startup bench). */
const SETTLE_MS = 300
/** Stands for the job's steps between the Action's pre and main steps. */
export const PRE_GAP_MS = 2000
/** The root images the runner-engine nest imports (docker-nest/runner-root:<digest>). */
const ROOT_IMAGES = 'docker-nest/runner-root'
/** The `image` input of the runner-engine nest. */
const RUNNER_IMAGE_INPUT = 'runner'
/**
 * What main prints when it takes `image: runner` for an image name (a
 * build without the runner-engine nest): it tries to pull `runner:latest`.
 */
const RUNNER_UNKNOWN =
  /Image runner is not on the runner|image 'runner'|runner:latest/

/**
 * @typedef {object} InsideConfig
 * @property {string} benchId
 * @property {string} tmpRoot Shared with the host at the same path.
 * @property {string} repoRoot
 * @property {string} nodeBin Node for the bundles.
 * @property {string} sourceImage The dind image, already in the runner.
 * @property {string} registryBinary
 * @property {string} runnerVersion
 * @property {number} runs
 * @property {number} warmup
 * @property {string} resultsFile Where the raw numbers go.
 */

/** The Action's inputs with their action.yml defaults and its bundles. */
function actionSetup(repoRoot) {
  const action = parseYaml(readFileSync(join(repoRoot, 'action.yml'), 'utf8'))
  const inputs = {}
  for (const [name, spec] of Object.entries(action.inputs ?? {})) {
    inputs[name] = spec?.default === undefined ? '' : String(spec.default)
  }
  Object.assign(inputs, { mode: 'dind', tls: 'true', cleanup: 'true' })
  const pre = join(repoRoot, action.runs.pre ?? 'dist/pre/index.js')
  return {
    inputs,
    mainPath: join(repoRoot, action.runs.main),
    postPath: join(repoRoot, action.runs.post),
    prePath: action.runs.pre && existsSync(pre) ? pre : undefined,
    preMissing: action.runs.pre
      ? `${action.runs.pre} is missing (npm run build)`
      : 'action.yml declares no pre step'
  }
}

/**
 * Runs every round and prints the report; the registry is stopped on the
 * way out, also on SIGINT/SIGTERM.
 *
 * @param {InsideConfig} config
 */
export async function runInside(config) {
  process.chdir(config.repoRoot)
  const setup = actionSetup(config.repoRoot)
  const nodeVersion = (
    await runProcess(config.nodeBin, ['--version'])
  ).stdout.trim()
  const registryDir = join(config.tmpRoot, 'registry')
  mkdirSync(registryDir)
  const registry = await startRegistry({
    binary: config.registryBinary,
    dir: registryDir
  })
  let stopping = false
  const onSignal = (signal, code) => {
    if (stopping) return
    stopping = true
    process.stderr.write(`\n${signal}: stopping the bench inside the runner…\n`)
    void Promise.all([stopAll(), registry.stop()]).then(() =>
      process.exit(code)
    )
  }
  process.on('SIGINT', () => onSignal('SIGINT', 130))
  process.on('SIGTERM', () => onSignal('SIGTERM', 143))
  try {
    const image = await publish(config.sourceImage, registry)
    process.stderr.write(
      `Pushed ${config.sourceImage} as ${image.name}; ` +
        `bundles on Node ${nodeVersion}\n`
    )
    const ctx = benchContext(config, setup)
    const pki = await makeFloorPki(join(config.tmpRoot, 'pki'))
    const unavailable = {}
    if (!setup.prePath) unavailable.pre = setup.preMissing
    const results = {
      version: 1,
      date: new Date().toISOString(),
      host: {
        cpus: cpus().length,
        runnerDocker: config.runnerVersion,
        bundleNode: nodeVersion,
        image: image.name,
        source: config.sourceImage
      },
      options: { runs: config.runs, warmup: config.warmup },
      settleMs: SETTLE_MS,
      preGapMs: PRE_GAP_MS,
      unavailable,
      warmup: [],
      runs: []
    }
    const measure = scenarioMeasures(ctx, setup, image, pki, unavailable)
    const finished = await runRounds(config, measure, results, () => stopping)
    if (!finished) return
    results.summary = summarizeCold(results.runs, unavailable)
    writeFileSync(config.resultsFile, `${JSON.stringify(results, null, 2)}\n`)
    process.stdout.write(
      `\n${formatColdReport({ results, summary: results.summary })}\n`
    )
  } finally {
    await registry.stop()
  }
}

/** What the startup bench's methods need to know (its BenchContext). */
function benchContext(config, setup) {
  let seq = 0
  return {
    benchId: config.benchId,
    tmpRoot: config.tmpRoot,
    nodeBin: config.nodeBin,
    repoRoot: config.repoRoot,
    mainPath: setup.mainPath,
    postPath: setup.postPath,
    inputs: setup.inputs,
    nextSeq: () => ++seq
  }
}

/**
 * The warm-up and measured rounds, each scenario once per round in a
 * rotated order, into `results.warmup` and `results.runs`.
 *
 * @returns {Promise<boolean>} false when stopped by a signal.
 */
async function runRounds(config, measure, results, isStopping) {
  const { unavailable } = results
  for (let round = 0; round < config.warmup + config.runs; round++) {
    const warm = round < config.warmup
    const tag = warm
      ? `warm-up ${round + 1}/${config.warmup}`
      : `run ${round - config.warmup + 1}/${config.runs}`
    const entry = { round, order: rotate(SCENARIOS, round) }
    for (const scenario of entry.order) {
      if (unavailable[scenario]) continue
      if (isStopping()) return false
      const result = await measure[scenario]()
      if (result) entry[scenario] = result
      process.stderr.write(`${tag} ${progress(scenario, entry, unavailable)}\n`)
    }
    results[warm ? 'warmup' : 'runs'].push(entry)
  }
  return true
}

/**
 * Tags the source image for the registry, pushes it, and leaves only the
 * registry's name on the runner (the fixture's own name would keep the
 * layers after a removal by name).
 */
async function publish(source, registry) {
  const name = `${registry.host}/docker:28-dind`
  await docker(['tag', source, name])
  await docker(['push', '--quiet', name]).catch((error) => {
    throw new StepError(
      `${error.message}\nregistry log:\n${registry.logTail() || '(empty)'}`
    )
  })
  const id = await docker(['image', 'inspect', '--format', '{{.Id}}', name])
  await docker(['image', 'rm', source])
  return { name, id }
}

/**
 * `early-start` set to `value` where action.yml declares the input: main
 * alone in (b) and (c) does the whole start, with pre in (d) it adopts
 * what pre started.
 */
function earlyStart(inputs, value) {
  return 'early-start' in inputs ? { 'early-start': value } : {}
}

/** The measure function of each scenario; undefined when it was skipped. */
function scenarioMeasures(ctx, setup, image, pki, unavailable) {
  const engine = { key: '28', label: '28', image: image.name }
  const alone = earlyStart(setup.inputs, 'false')
  const pinned = { ...setup.inputs, image: image.name, ...alone }
  return {
    stock: async () => {
      await makeCold(image)
      return measureStock(ctx, engine)
    },
    pinned: async () => {
      await makeCold(image)
      const job = await runActionJob(ctx, { inputs: pinned })
      return { wallMs: job.mainMs, postMs: job.postMs, notes: job.notes }
    },
    runner: async () => {
      await makeCold(image)
      try {
        const job = await runActionJob(ctx, {
          inputs: { ...setup.inputs, image: RUNNER_IMAGE_INPUT, ...alone }
        })
        return { wallMs: job.mainMs, postMs: job.postMs }
      } catch (error) {
        if (
          error instanceof ActionStepError &&
          error.stage === 'main' &&
          RUNNER_UNKNOWN.test(error.output)
        ) {
          unavailable.runner =
            "main takes 'runner' for an image name (it tried to pull it)"
          return undefined
        }
        throw error
      }
    },
    pre: async () => {
      await makeCold(image)
      const job = await runActionJob(ctx, {
        inputs: { ...setup.inputs, ...earlyStart(setup.inputs, 'true') },
        prePath: setup.prePath,
        gapMs: PRE_GAP_MS
      })
      return {
        wallMs: job.mainMs,
        preMs: job.preMs,
        totalMs: job.preMs + PRE_GAP_MS + job.mainMs,
        postMs: job.postMs,
        notes: job.notes
      }
    },
    floor: async () => {
      await makeWarm(image)
      return measureFloor(ctx, engine, pki)
    }
  }
}

/**
 * Removes the image (every name of its ID) from the runner's engine and
 * checks that it is gone, then lets the daemon settle. Untimed.
 */
async function makeCold(image) {
  await tryDocker(['image', 'rm', '--force', image.id])
  // A fresh runner has no root image of the runner-engine nest either.
  const roots = await tryDocker(['image', 'ls', '--quiet', ROOT_IMAGES])
  for (const id of new Set(roots.ok ? roots.stdout.split(/\s+/) : [])) {
    if (id) await tryDocker(['image', 'rm', '--force', id])
  }
  const still = await tryDocker(['image', 'inspect', image.id])
  if (still.ok) {
    throw new StepError(
      `Could not remove ${image.name} (${image.id}) from the runner's ` +
        'engine, so the next start would not pull it. A container of an ' +
        "earlier scenario may still use it: see 'docker ps -a' in the runner."
    )
  }
  await sleep(SETTLE_MS)
}

/** Pulls the image when the runner lacks it, then settles. Untimed. */
async function makeWarm(image) {
  const present = await tryDocker(['image', 'inspect', image.name])
  if (!present.ok) await docker(['pull', '--quiet', image.name])
  await sleep(SETTLE_MS)
}

/** Returns `list` rotated left by `by`, so each item takes each position. */
function rotate(list, by) {
  const shift = by % list.length
  return [...list.slice(shift), ...list.slice(0, shift)]
}

/** One progress line for a finished (or skipped) measurement. */
function progress(scenario, entry, unavailable) {
  const result = entry[scenario]
  if (!result)
    return `${scenario}: not available yet (${unavailable[scenario]})`
  const ms = (value) => `${Math.round(value)} ms`
  const notes = (result.notes ?? []).map((text) => `\n  ${text}`).join('')
  if (scenario === 'pre') {
    return (
      `pre: pre ${ms(result.preMs)} + ${PRE_GAP_MS} ms + main ` +
      `${ms(result.wallMs)} = ${ms(result.totalMs)}${notes}`
    )
  }
  const post = result.postMs === undefined ? '' : `, post ${ms(result.postMs)}`
  return `${scenario} ${ms(result.wallMs)}${post}${notes}`
}
