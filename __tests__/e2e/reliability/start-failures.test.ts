/**
 * Cases 2-4 for what action-failures.test.ts does not already cover: the CLI
 * faces of "image not there" and "dockerd exits at once", and a sidecar
 * whose runner refuses privileges. Each must fail fast (well before
 * wait-timeout) with the log tail and a classified hint, and leave nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { existsSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { runMain } from '../harness/runner.js'
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
  errorOf,
  expectCleanPost,
  EXITED_WITH_1
} from '../helpers/steps.js'

const suite = E2E ? describe : describe.skip
const TIMEOUT = 120_000
/** The bound for "fail fast"; a real failing start takes 1-3 s. */
const FAST_MS = 15_000

/** The run id the CLI's state file recorded (to look for leftovers). */
/** The run id of the nest a CLI `up` started, from its log (a failed up removes its record). */
function cliRunId(stderr: string): string {
  const suffix = /container docker-nest-([0-9a-f]+)/.exec(stderr)?.[1]
  if (!suffix) throw new Error(`no container named in: ${stderr}`)
  return `local-${suffix}`
}

/** What is left in a CLI state dir (cert dirs, the record). */
function stateDirEntries(stateDir: string): string[] {
  return existsSync(stateDir) ? readdirSync(stateDir) : []
}

suite('reliability: start failures (real daemon)', () => {
  const work = tempDir('docker-nest-e2e-start-')
  beforeAll(() => requireDocker([IMAGES.unprivileged, IMAGES.dockerdExits]))
  afterAll(() => work.remove())

  it(
    'privileges refused: fails fast with the log tail and the not-privileged hint first',
    async () => {
      const ciRunId = newRunId()
      const main = await runMain({
        inputs: { image: IMAGES.unprivileged, 'wait-timeout': '120' },
        env: { GITHUB_RUN_ID: ciRunId },
        workDir: join(work.dir, 'unprivileged')
      })
      try {
        expect(main.exitCode).toBe(1)
        expect(main.durationMs).toBeLessThan(FAST_MS)
        const error = errorOf(main)
        expect(error).toContain('The inner Docker daemon did not start')
        expect(error).toContain('Last 50 log lines of the sidecar:')
        expect(error).toContain('operation not permitted')
        const hints = error.split('\n').filter((l) => l.startsWith('Hint: '))
        expect(hints[0]).toContain(
          'The sidecar is not allowed to act as privileged'
        )
        await expectCleanPost(main, ciRunId)
      } finally {
        cleanUp(main)
      }
    },
    TIMEOUT
  )

  it(
    'CLI: a dockerd that exits at once fails up fast with the hint and cleans up itself',
    async () => {
      const stateDir = join(work.dir, 'cli-exits')
      const up = await cli([
        'up',
        '--state-dir',
        stateDir,
        '--image',
        IMAGES.dockerdExits,
        '--wait-timeout',
        '120'
      ])
      const runId = cliRunId(up.stderr)
      try {
        expect(up.status).toBe(1)
        expect(up.durationMs).toBeLessThan(FAST_MS)
        // only the line that makes an eval of it fail
        expect(up.stdout).toBe('(exit 1) # docker-nest up failed (exit 1)\n')
        expect(up.stderr).toMatch(EXITED_WITH_1)
        expect(up.stderr).toContain(
          'Hint: The inner daemon could not set up iptables NAT'
        )
        // No post step follows a failed up: it removed what it created.
        expect(leftovers(runId)).toEqual([])
        expect(stateDirEntries(stateDir)).toEqual([])
        const down = await cli(['down', '--state-dir', stateDir])
        expect(down.status).toBe(0)
        expect(down.stderr).toContain('No nest is up')
      } finally {
        removeLeftovers(runId)
      }
    },
    TIMEOUT
  )

  it(
    'CLI: an image neither local nor pullable fails up with the hint and leaves nothing',
    async () => {
      const stateDir = join(work.dir, 'cli-no-image')
      const image = 'docker-nest-test/does-not-exist:1'
      const up = await cli(['up', '--state-dir', stateDir, '--image', image])
      const runId = cliRunId(up.stderr)
      try {
        expect(up.status).toBe(1)
        expect(up.stderr).toContain(
          `Hint: image '${image}' is not on the runner and could not be pulled.`
        )
        expect(up.stderr).not.toMatch(/warning/i)
        expect(leftovers(runId)).toEqual([])
        expect(stateDirEntries(stateDir)).toEqual([])
        const down = await cli(['down', '--state-dir', stateDir])
        expect(down.status).toBe(0)
        expect(down.stderr).toContain('No nest is up')
      } finally {
        removeLeftovers(runId)
      }
    },
    TIMEOUT
  )
})
