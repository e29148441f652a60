/**
 * Case 9: the host port Docker picks is taken. Docker's own allocator
 * already skips up to 10 busy ephemeral ports; when all of them are busy
 * (or two allocations race), `docker run` fails with "address already in
 * use" / "port is already allocated" and leaves a created container behind.
 * The engine removes it and runs again (runSidecar, unit-tested in
 * run-sidecar.test.ts). Here we provoke it for real: learn the port the
 * allocator handed out last, then hold the next ports so the first attempt
 * must fail.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { createServer, type Server } from 'node:net'
import { join } from 'node:path'
import { runMain, runPost } from '../harness/runner.js'
import {
  E2E,
  IMAGES,
  dockerOk,
  newRunId,
  requireDocker,
  tempDir
} from '../helpers/docker.js'
import { cleanUp, leftFrom, warningsOf } from '../helpers/steps.js'

const suite = E2E ? describe : describe.skip
/** More than Docker's 10 tries, so its own retry cannot absorb the collision. */
const HELD = 14

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
    dockerOk(['rm', '--force', id])
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

suite('reliability: host port collision (real daemon)', () => {
  const work = tempDir('docker-nest-e2e-port-')
  beforeAll(() => requireDocker([IMAGES.official20, IMAGES.busybox]))
  afterAll(() => work.remove())

  it('a taken host port is retried with a new container; nothing is left', async () => {
    const ciRunId = newRunId()
    const last = lastAllocatedPort()
    const servers = await hold(
      Array.from({ length: HELD }, (_, i) => last + 1 + i)
    )
    let main
    try {
      main = await runMain({
        inputs: { image: IMAGES.official20 },
        env: { GITHUB_RUN_ID: ciRunId },
        workDir: join(work.dir, 'race')
      })
    } finally {
      for (const server of servers) server.close()
    }
    try {
      expect(main.exitCode).toBe(0)
      expect(main.stdout).toContain('was taken meanwhile (attempt 1 of 3)')
      const port = Number(main.outputs.port)
      expect(port).toBeGreaterThan(last + 10)
      const post = await runPost(main)
      expect(post.exitCode).toBe(0)
      expect(warningsOf(post)).toEqual([])
      expect(leftFrom(ciRunId, main)).toEqual([])
    } finally {
      cleanUp(main)
    }
  }, 120_000)
})
