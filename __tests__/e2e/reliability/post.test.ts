/**
 * Case 7 beyond action-failures.test.ts (empty state, post twice after a
 * hand-removed container): everything removed by hand, post after a record
 * with only a run id, and `docker-nest down` twice / after hand removal.
 * Always exit 0 and at most one warning.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { readFileSync, readdirSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { runMain, runPost } from '../harness/runner.js'
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
  leftFrom,
  recordOf,
  warningsOf
} from '../helpers/steps.js'

const suite = E2E ? describe : describe.skip
const TIMEOUT = 120_000

suite('reliability: post and down are idempotent (real daemon)', () => {
  const work = tempDir('docker-nest-e2e-post-')
  beforeAll(() => requireDocker([IMAGES.official]))
  afterAll(() => work.remove())

  it(
    'post after container, volume and cert dir were all removed by hand, then again: exit 0, no warnings',
    async () => {
      const ciRunId = newRunId()
      const main = await runMain({
        inputs: { image: IMAGES.official },
        env: { GITHUB_RUN_ID: ciRunId },
        workDir: join(work.dir, 'by-hand')
      })
      try {
        expect(main.exitCode).toBe(0)
        const record = recordOf(main)!
        docker(['rm', '--force', '--volumes', record.container!])
        docker(['volume', 'rm', record.volume!])
        rmSync(record.certDir!, { recursive: true })
        expect(leftFrom(ciRunId, main)).toEqual([])
        for (let i = 0; i < 2; i++) {
          const post = await runPost(main)
          expect(post.exitCode).toBe(0)
          expect(warningsOf(post)).toEqual([])
        }
      } finally {
        cleanUp(main)
      }
    },
    TIMEOUT
  )

  it('post with a record that names nothing yet (main stopped before docker run) exits 0 quietly', async () => {
    const main = await runMain({
      inputs: { mode: 'x' },
      workDir: join(work.dir, 'run-id-only')
    })
    main.state.resources = JSON.stringify({
      version: 1,
      runId: '1-1-abcd',
      hostDocker: {}
    })
    const post = await runPost(main)
    expect(post.exitCode).toBe(0)
    expect(warningsOf(post)).toEqual([])
  })

  it(
    'CLI: down after the nest was removed by hand, and down again: exit 0',
    async () => {
      const stateDir = join(work.dir, 'cli')
      const up = await cli([
        'up',
        '--state-dir',
        stateDir,
        '--image',
        IMAGES.official
      ])
      const { runId, container, volume } = JSON.parse(
        readFileSync(join(stateDir, 'nest.json'), 'utf8')
      )
      try {
        expect(up.status).toBe(0)
        docker(['rm', '--force', container])
        docker(['volume', 'rm', volume])
        const first = await cli(['down', '--state-dir', stateDir])
        expect(first.status).toBe(0)
        expect(first.stderr).not.toMatch(/warning|could not/i)
        const second = await cli(['down', '--state-dir', stateDir])
        expect(second.status).toBe(0)
        expect(second.stderr).toContain('nothing to remove')
        expect(leftovers(runId)).toEqual([])
        expect(readdirSync(stateDir)).toEqual([])
      } finally {
        removeLeftovers(runId)
      }
    },
    TIMEOUT
  )
})
