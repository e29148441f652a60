/**
 * Helpers for the runner-engine e2e test: the nest's `docker run`
 * arguments from a discovery result, a readiness wait, and the discovery
 * modules compiled to plain JavaScript so a Node binary can run them inside
 * another container (a "runner" image).
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import ts from 'typescript'
import { readOnlyBinds } from '../../../src/engine/runner-engine/discovery.js'
import type { RootImage } from '../../../src/engine/runner-engine/root-image.js'
import type { RunnerEngine } from '../../../src/engine/runner-engine/types.js'

const SOURCE_DIR = 'src/engine/runner-engine'

/** The socket the nest's dockerd listens on, inside the nest. */
export const NEST_SOCKET = 'unix:///run/nest.sock'

/**
 * Writes the modules of src/engine/runner-engine that import nothing from
 * outside it (discovery and what it uses) as ES modules into `dir`, with
 * `discover.js`, which prints discoverRunnerEngine() as JSON.
 */
export function compileDiscovery(dir: string): void {
  mkdirSync(dir, { recursive: true })
  for (const file of readdirSync(SOURCE_DIR)) {
    if (!file.endsWith('.ts')) continue
    const source = readFileSync(join(SOURCE_DIR, file), 'utf8')
    if (/from '\.\.\//.test(source)) continue
    const { outputText } = ts.transpileModule(source, {
      compilerOptions: {
        module: ts.ModuleKind.ES2022,
        target: ts.ScriptTarget.ES2022
      }
    })
    writeFileSync(join(dir, file.replace(/\.ts$/, '.js')), outputText)
  }
  writeFileSync(join(dir, 'package.json'), '{"type":"module"}\n')
  writeFileSync(
    join(dir, 'discover.js'),
    "import { discoverRunnerEngine } from './discovery.js'\n" +
      'console.log(JSON.stringify(discoverRunnerEngine()))\n'
  )
}

/** Options of {@link nestRunArgs}. */
export interface NestRunOptions {
  name: string
  /** The named volume for /var/lib/docker. */
  volume: string
  /** Put on the container and its volume as `docker-nest.run`. */
  runId: string
}

/**
 * `docker run` arguments of a runner-engine nest: privileged, the root
 * image, the discovered binds read-only, a volume on the data root, and the
 * host's dockerd under docker-init with one unix socket inside.
 */
export function nestRunArgs(
  engine: RunnerEngine,
  image: RootImage,
  options: NestRunOptions
): string[] {
  const label = `docker-nest.run=${options.runId}`
  const init =
    engine.paths.init?.endsWith('/docker-init') === true
      ? [engine.paths.init, '--']
      : []
  return [
    'run',
    '--detach',
    '--privileged',
    '--name',
    options.name,
    '--label',
    label,
    '--mount',
    `type=volume,src=${options.volume},dst=/var/lib/docker,volume-label=${label}`,
    ...readOnlyBinds(engine).flatMap((bind) => ['--volume', bind]),
    '--env',
    `PATH=${engine.searchPath}`,
    image.reference,
    ...init,
    'dockerd',
    `--host=${NEST_SOCKET}`
  ]
}

/**
 * Calls `probe` until it returns true; resolves with the milliseconds
 * waited, or rejects with `describe()` after `timeoutMs`.
 */
export async function waitUntil(
  probe: () => boolean,
  timeoutMs: number,
  describe: () => string
): Promise<number> {
  const started = performance.now()
  while (!probe()) {
    if (performance.now() - started > timeoutMs) {
      throw new Error(`Not ready after ${timeoutMs / 1000} s: ${describe()}`)
    }
    await new Promise((resolve) => setTimeout(resolve, 20))
  }
  return performance.now() - started
}

/**
 * Milliseconds from the container's start to dockerd's "API listen on"
 * line, from the container's log (RFC 3339 times with nanoseconds).
 */
export function listenDelayMs(
  log: string,
  startedAt: string
): number | undefined {
  const line = log.split('\n').find((l) => l.includes('API listen on'))
  const time = /time="([^"]+)"/.exec(line ?? '')?.[1]
  if (!time) return undefined
  return toMs(time) - toMs(startedAt)
}

/** Epoch milliseconds (with fractions) of an RFC 3339 time with up to nanoseconds. */
function toMs(time: string): number {
  const match = /^(.*T\d\d:\d\d:\d\d)(\.\d+)?(.*)$/.exec(time)
  if (!match) return NaN
  const fraction = Number(`0${match[2] ?? ''}`)
  return Date.parse(`${match[1]}${match[3]}`) + fraction * 1000
}
