/**
 * Case 8: eight nests started at once on one host, as parallel jobs of a
 * self-hosted runner would: all ready, each with its own name, port and
 * cert dir, each answering only with its own certificates, all cleaned.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { join } from 'node:path'
import { runMain, runPost, type StepResult } from '../harness/runner.js'
import {
  E2E,
  IMAGES,
  docker,
  nestEnv,
  newRunId,
  requireDocker,
  tempDir
} from '../helpers/docker.js'
import { cleanUp, leftFrom, recordOf, warningsOf } from '../helpers/steps.js'

const suite = E2E ? describe : describe.skip
const NESTS = 8

suite('reliability: concurrent nests (real daemon)', () => {
  const work = tempDir('docker-nest-e2e-many-')
  beforeAll(() => requireDocker([IMAGES.official20]))
  afterAll(() => work.remove())

  it(`${NESTS} concurrent runs are all ready, distinct, and all cleaned`, async () => {
    const runIds = Array.from({ length: NESTS }, () => newRunId())
    const mains: StepResult[] = await Promise.all(
      runIds.map((ciRunId) =>
        runMain({
          inputs: { image: IMAGES.official20, 'wait-timeout': '180' },
          env: { GITHUB_RUN_ID: ciRunId },
          workDir: join(work.dir, ciRunId)
        })
      )
    )
    try {
      for (const main of mains) expect(main.exitCode).toBe(0)
      const distinct = (pick: (m: StepResult) => string | undefined) =>
        new Set(mains.map(pick)).size
      expect(distinct((m) => m.outputs.port)).toBe(NESTS)
      expect(distinct((m) => m.outputs['container-id'])).toBe(NESTS)
      expect(distinct((m) => recordOf(m)?.container)).toBe(NESTS)
      expect(distinct((m) => m.outputs['cert-path'])).toBe(NESTS)
      // Each nest answers its own client, and refuses its neighbour's certificates.
      for (const [i, main] of mains.entries()) {
        const own = nestEnv(main.env)
        const ok = docker(['version', '--format', '{{.Server.Version}}'], own)
        expect(ok.status).toBe(0)
        const neighbour = mains[(i + 1) % NESTS]
        const crossed = docker(['version'], {
          ...own,
          DOCKER_CERT_PATH: neighbour.outputs['cert-path']
        })
        expect(crossed.status).not.toBe(0)
      }
      const posts = await Promise.all(mains.map((main) => runPost(main)))
      for (const post of posts) {
        expect(post.exitCode).toBe(0)
        expect(warningsOf(post)).toEqual([])
      }
      for (const [i, main] of mains.entries()) {
        expect(leftFrom(runIds[i], main)).toEqual([])
      }
    } finally {
      mains.forEach(cleanUp)
    }
  }, 300_000)
})
