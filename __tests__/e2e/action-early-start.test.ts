/**
 * The Action's pre step (early start), run as the runner runs it: pre starts
 * the nest in the background, main takes it over, post removes it — also
 * when main never runs, when main's inputs differ from pre's, and when the
 * background start dies. Real nested daemons, nothing left afterwards.
 */
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals'
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { runMain, runPost, runPre, type StepResult } from './harness/runner.js'
import {
  E2E,
  IMAGES,
  dockerOk,
  nestEnv,
  newRunId,
  requireDocker,
  tempDir
} from './helpers/docker.js'
import { leftFrom, poll, warningsOf } from './helpers/steps.js'

const suite = E2E ? describe : describe.skip
const TIMEOUT = 180_000

interface Early {
  dir: string
  pid: number
}

/** What pre saved about its background start. */
function earlyOf(pre: StepResult): Early {
  const saved = pre.state.early
  if (!saved) {
    throw new Error(
      `pre saved no early start (exit ${pre.exitCode}).\nstdout: ${pre.stdout}\nstderr: ${pre.stderr}`
    )
  }
  return JSON.parse(saved) as Early
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch {
    return false
  }
}

suite('Action early start (pre, main, post)', () => {
  const work = tempDir('docker-nest-e2e-early-')
  beforeAll(() => requireDocker([IMAGES.official]))
  afterAll(() => work.remove())

  function job(name: string, inputs: Record<string, string> = {}) {
    const ciRunId = newRunId()
    return {
      ciRunId,
      options: {
        inputs: { image: IMAGES.official, ...inputs },
        env: { GITHUB_RUN_ID: ciRunId },
        workDir: join(work.dir, name)
      }
    }
  }

  test(
    'pre starts the nest in the background; main takes it over; post removes it',
    async () => {
      const { ciRunId, options } = job('adopt')
      const pre = await runPre(options)
      expect(pre.exitCode).toBe(0)
      expect(pre.stdout).toContain('starting the nest in the background')
      // Pre returns while the nest still starts: the job's next steps run.
      expect(pre.durationMs).toBeLessThan(1500)
      const early = earlyOf(pre)
      await new Promise((resolve) => setTimeout(resolve, 2000)) // a checkout step
      const main = await runMain(undefined, pre)
      try {
        expect(main.stderr).toBe('')
        expect(main.exitCode).toBe(0)
        expect(main.stdout).toMatch(
          /the nest started in pre is ready \(main waited \d+ ms for it\)/
        )
        expect(main.outputs['docker-host']).toMatch(
          /^tcp:\/\/127\.0\.0\.1:\d+$/
        )
        const env = nestEnv(main.env)
        expect(
          dockerOk(['version', '--format', '{{.Server.Version}}'], env)
        ).toMatch(/^28\./)
        // Its work done, the background process has exited.
        await poll(() => (alive(early.pid) ? undefined : true), 5000, 50)
      } finally {
        const post = await runPost(main)
        expect(post.exitCode).toBe(0)
        expect(warningsOf(post)).toEqual([])
      }
      expect(leftFrom(ciRunId, main)).toEqual([])
      expect(existsSync(early.dir)).toBe(false)
    },
    TIMEOUT
  )

  test(
    'main never runs (skipped by if:, or the job cancelled): post still removes the nest',
    async () => {
      const { ciRunId, options } = job('skipped')
      const pre = await runPre(options)
      const early = earlyOf(pre)
      // Wait until the background start has created its sidecar.
      await poll(
        () => (leftFrom(ciRunId).length > 0 ? true : undefined),
        60_000,
        100
      )
      const post = await runPost(pre)
      expect(post.exitCode).toBe(0)
      expect(warningsOf(post)).toEqual([])
      expect(post.stdout).toContain(
        'Main did not take over the nest started in pre: removing it.'
      )
      expect(leftFrom(ciRunId)).toEqual([])
      expect(alive(early.pid)).toBe(false)
      expect(existsSync(early.dir)).toBe(false)
    },
    TIMEOUT
  )

  test(
    'the job is cancelled while the background start is still under way: post stops it and removes what it made',
    async () => {
      for (const delayMs of [0, 300, 700]) {
        const { ciRunId, options } = job(`cancelled-${delayMs}`)
        const pre = await runPre(options)
        const early = earlyOf(pre)
        await new Promise((resolve) => setTimeout(resolve, delayMs))
        const post = await runPost(pre)
        expect(post.exitCode).toBe(0)
        expect(warningsOf(post)).toEqual([])
        expect(alive(early.pid)).toBe(false)
        expect(leftFrom(ciRunId)).toEqual([])
        expect(existsSync(early.dir)).toBe(false)
      }
    },
    TIMEOUT
  )

  test(
    "main's inputs differ from pre's: main removes the early nest and starts afresh",
    async () => {
      const { ciRunId, options } = job('differ')
      const pre = await runPre(options)
      // An input computed from the steps context is empty in pre.
      const main = await runMain(
        {
          ...options,
          inputs: { ...options.inputs, 'tls-san': 'DNS:nest.local' }
        },
        pre
      )
      try {
        expect(main.exitCode).toBe(0)
        expect(main.stdout).toContain(
          "not using the early start: the inputs or the runner's Docker settings differ from pre's"
        )
        // Only main's own nest is left while the job runs.
        expect(
          leftFrom(ciRunId).filter((row) => row.includes(' '))
        ).toHaveLength(
          2 // its container and its volume
        )
      } finally {
        await runPost(main)
      }
      expect(leftFrom(ciRunId, main)).toEqual([])
    },
    TIMEOUT
  )

  test(
    'the background start dies: main says why and starts the nest itself',
    async () => {
      const { ciRunId, options } = job('killed')
      const pre = await runPre(options)
      const early = earlyOf(pre)
      process.kill(early.pid, 'SIGKILL')
      const main = await runMain(undefined, pre)
      try {
        expect(main.exitCode).toBe(0)
        expect(main.stdout).toContain(
          'not using the early start: it failed: its process exited before it finished'
        )
        const env = nestEnv(main.env)
        expect(
          dockerOk(['info', '--format', '{{.ServerVersion}}'], env)
        ).toMatch(/^28\./)
      } finally {
        await runPost(main)
      }
      expect(leftFrom(ciRunId, main)).toEqual([])
    },
    TIMEOUT
  )

  test('early-start: false and bad inputs: pre starts nothing and never fails', async () => {
    for (const inputs of [
      { 'early-start': 'false' },
      { 'wait-timeout': 'soon' }
    ] as Record<string, string>[]) {
      const { ciRunId, options } = job('off', inputs)
      const pre = await runPre(options)
      expect(pre.exitCode).toBe(0)
      expect(pre.stdout).toMatch(
        /no early start \((early-start: false|the inputs have a problem, which main reports)\)/
      )
      expect(pre.state.early).toBeUndefined()
      expect(leftFrom(ciRunId)).toEqual([])
    }
  })
})
