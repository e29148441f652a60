/**
 * Cases 8 and 9, in one file because both depend on Docker's host port
 * allocator, which is shared: the collision case must not run while the
 * eight nests allocate ports (jest runs one file's tests in order).
 *
 * Case 8: eight nests started at once on one host, as parallel jobs of a
 * self-hosted runner would: all ready, each with its own name, port and
 * cert dir, each answering only with its own certificates, all cleaned.
 *
 * Case 9: the host port Docker picks is taken. Docker's own allocator
 * already skips up to 10 busy ephemeral ports; when all of them are busy
 * (or two allocations race), `docker run` fails with "address already in
 * use" / "port is already allocated" and leaves a created container behind.
 * The engine removes it and runs again (runSidecar, unit-tested in
 * run-sidecar.test.ts). Here we provoke it for real: learn the port the
 * allocator handed out last, then hold the next ports so the first attempt
 * must fail; they are released as soon as main reports the retry.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { createServer, type Server } from 'node:net'
import { join } from 'node:path'
import {
  runMain,
  runPost,
  startMain,
  type StepResult
} from '../harness/runner.js'
import {
  E2E,
  IMAGES,
  docker,
  dockerOk,
  nestEnv,
  newRunId,
  requireDocker,
  tempDir
} from '../helpers/docker.js'
import {
  cleanUp,
  errorOf,
  leftFrom,
  recordOf,
  warningsOf,
  expectCleanPost
} from '../helpers/steps.js'

const suite = E2E ? describe : describe.skip
const NESTS = 8
/** More than Docker's 10 tries, so its own retry cannot absorb the collision. */
const HELD = 14
/** Tries at provoking the collision while other files allocate ports too. */
const COLLISION_ROUNDS = 4

/** The host port Docker's allocator handed out most recently. */
function lastAllocatedPort(): number {
  const id = dockerOk([
    'run',
    '--detach',
    '--publish',
    '127.0.0.1::80',
    IMAGES.busybox,
    'sleep',
    '30'
  ]).trim()
  try {
    return Number(dockerOk(['port', id, '80']).trim().split(':').pop())
  } finally {
    dockerOk(['rm', '--force', '--volumes', id])
  }
}

/** Listens on whichever of the ports are free; returns the servers. */
async function hold(ports: number[]): Promise<Server[]> {
  const servers = await Promise.all(
    ports.map(
      (port) =>
        new Promise<Server | undefined>((resolve) => {
          const server = createServer()
          server.once('error', () => resolve(undefined))
          server.listen(port, '127.0.0.1', () => resolve(server))
        })
    )
  )
  return servers.filter((s): s is Server => s !== undefined)
}

suite('reliability: concurrent nests and host ports (real daemon)', () => {
  const work = tempDir('docker-nest-e2e-many-')
  beforeAll(() => requireDocker([IMAGES.official, IMAGES.busybox]))
  afterAll(() => work.remove())

  it(`${NESTS} concurrent runs are all ready, distinct, and all cleaned`, async () => {
    const runIds = Array.from({ length: NESTS }, () => newRunId())
    const mains: StepResult[] = await Promise.all(
      runIds.map((ciRunId) =>
        runMain({
          inputs: { image: IMAGES.official, 'wait-timeout': '180' },
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

  it('a taken host port is retried with a new container; nothing is left', async () => {
    // Other test files start nests in parallel and move the shared allocator
    // between our look-up and the sidecar's start; then no collision happens
    // and the try says nothing. Try again (each try is cleaned up in full);
    // the test still fails if no try ever provokes the retry.
    let collided = false
    for (let round = 1; round <= COLLISION_ROUNDS && !collided; round++) {
      const ciRunId = newRunId()
      const last = lastAllocatedPort()
      const servers = await hold(
        Array.from({ length: HELD }, (_, i) => last + 1 + i)
      )
      const release = () => servers.splice(0).forEach((s) => s.close())
      const step = startMain({
        inputs: { image: IMAGES.official },
        env: { GITHUB_RUN_ID: ciRunId },
        workDir: join(work.dir, `race-${round}`)
      })
      // Hold the ports no longer than needed: other nests share the allocator.
      step.child.stdout?.on('data', (chunk: string) => {
        if (chunk.includes('taken meanwhile')) release()
      })
      const main = await step.result.finally(release)
      try {
        // The error first: a failed main says why.
        expect(errorOf(main)).toBe('')
        expect(main.exitCode).toBe(0)
        collided = main.stdout.includes('was taken meanwhile (attempt 1 of 3)')
        if (collided) expect(Number(main.outputs.port)).not.toBe(last + 1)
        await expectCleanPost(main, ciRunId)
      } finally {
        cleanUp(main)
      }
    }
    expect(collided).toBe(true)
  }, 300_000)
})
