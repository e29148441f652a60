/**
 * Case 5: the inner daemon is killed (a runner OOM, a stray `docker kill`)
 * while main waits for it — main must fail fast — or in the middle of the
 * job, after main — post must still clean up and exit 0.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { readFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { runMain, runPost, startMain } from '../harness/runner.js'
import {
  E2E,
  IMAGES,
  docker,
  leftovers,
  newRunId,
  removeLeftovers,
  requireDocker,
  tempDir
} from '../helpers/docker.js'
import {
  cleanUp,
  cli,
  containersOf,
  errorOf,
  leftFrom,
  recordOf,
  warningsOf,
  watchEvents,
  expectCleanPost
} from '../helpers/steps.js'

const suite = E2E ? describe : describe.skip
const TIMEOUT = 120_000

suite('reliability: daemon killed (real daemon)', () => {
  const work = tempDir('docker-nest-e2e-killed-')
  beforeAll(() => requireDocker([IMAGES.official]))
  afterAll(() => work.remove())

  it(
    'killed while main waits: main fails fast (not at wait-timeout) and post cleans',
    async () => {
      const ciRunId = newRunId()
      const events = watchEvents()
      const started = events.next('start', ciRunId)
      const step = startMain({
        inputs: { image: IMAGES.official, 'wait-timeout': '60' },
        env: { GITHUB_RUN_ID: ciRunId },
        workDir: join(work.dir, 'while-waiting')
      })
      await started
      const killedAt = performance.now()
      const container = containersOf(ciRunId)[0]?.id
      expect(container).toBeDefined()
      docker(['kill', container as string])
      events.stop()
      const main = await step.result
      try {
        expect(main.exitCode).toBe(1)
        // Noticed through `docker wait`, in seconds, not at the 60 s wait-timeout.
        expect(performance.now() - killedAt).toBeLessThan(15_000)
        expect(errorOf(main)).toContain('Container state: exited')
        expect(errorOf(main)).toMatch(
          /the sidecar exited with code \d+|the sidecar stopped right after docker run/
        )
        await expectCleanPost(main, ciRunId)
      } finally {
        cleanUp(main)
      }
    },
    TIMEOUT
  )

  it(
    'killed mid-job (after main): post still removes everything and exits 0',
    async () => {
      const ciRunId = newRunId()
      const main = await runMain({
        inputs: { image: IMAGES.official },
        env: { GITHUB_RUN_ID: ciRunId },
        workDir: join(work.dir, 'mid-job')
      })
      try {
        expect(main.exitCode).toBe(0)
        docker(['kill', main.outputs['container-id']])
        const post = await runPost(main)
        expect(post.exitCode).toBe(0)
        expect(warningsOf(post).length).toBeLessThanOrEqual(1)
        expect(leftFrom(ciRunId, main)).toEqual([])
        expect(recordOf(main)?.certDir).toBeDefined()
      } finally {
        cleanUp(main)
      }
    },
    TIMEOUT
  )

  it(
    'CLI: killed after up, down still removes everything and exits 0',
    async () => {
      const stateDir = join(work.dir, 'cli')
      const up = await cli([
        'up',
        '--state-dir',
        stateDir,
        '--image',
        IMAGES.official
      ])
      const { runId, container } = JSON.parse(
        readFileSync(join(stateDir, 'nest.json'), 'utf8')
      )
      try {
        expect(up.status).toBe(0)
        docker(['kill', container])
        const down = await cli(['down', '--state-dir', stateDir])
        expect(down.status).toBe(0)
        expect(leftovers(runId)).toEqual([])
        expect(readdirSync(stateDir)).toEqual([])
      } finally {
        removeLeftovers(runId)
      }
    },
    TIMEOUT
  )
})
