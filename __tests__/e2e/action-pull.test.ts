/**
 * A sidecar image that is not on the runner: main reports the pull that
 * `docker run` makes (layers, time) instead of staying silent. The image
 * comes from the fake registry on 127.0.0.1 (insecure by default for the
 * daemon); it is busybox with a fresh layer, so nothing of it is local, and
 * the start then fails fast the usual way (no dockerd in it).
 */
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals'
import { join } from 'node:path'
import { runIdOf, runMain, runPost } from './harness/runner.js'
import {
  E2E,
  IMAGES,
  derivedImage,
  docker,
  leftovers,
  newRunId,
  removeLeftovers,
  requireDocker,
  tempDir
} from './helpers/docker.js'
import { startFakeRegistry, type FakeRegistry } from './helpers/registry.js'
import { errorOf } from './helpers/steps.js'

const suite = E2E ? describe : describe.skip
const TIMEOUT = 120_000

suite('Action pull progress (real daemon, fake registry)', () => {
  const work = tempDir('docker-nest-e2e-pull-')
  const local = `docker-nest-e2e/pull-${newRunId()}:latest`
  let registry: FakeRegistry
  let image: string

  beforeAll(async () => {
    requireDocker([IMAGES.busybox])
    // A layer of its own (random bytes), so the daemon has to pull it.
    derivedImage(
      IMAGES.busybox,
      local,
      'head -c 1000000 /dev/urandom > /pulled'
    )
    try {
      registry = await startFakeRegistry(local, '127.0.0.1')
    } finally {
      docker(['rmi', local])
    }
    image = `${registry.url.replace('http://', '')}/library/busybox:latest`
  })

  afterAll(async () => {
    docker(['rmi', image])
    await registry?.close()
    work.remove()
  })

  test(
    'reports the pull of an image that is not local, then fails fast without dockerd',
    async () => {
      const main = await runMain({
        inputs: { image, 'wait-timeout': '60' },
        workDir: join(work.dir, 'pull')
      })
      const runId = runIdOf(main)
      try {
        expect(main.stdout).toContain(
          `Image ${image} is not on the runner; pulling it`
        )
        expect(main.stdout).toMatch(
          new RegExp(
            `Pulled ${image.replace(/[.]/g, '\\.')} in \\d+ s \\(2 layers\\)`
          )
        )
        expect(registry.requests.some((r) => r.includes('/blobs/'))).toBe(true)
        expect(main.exitCode).toBe(1)
        expect(errorOf(main)).toContain(
          'docker-nest: dockerd: not found on PATH in this image'
        )
        const post = await runPost(main)
        expect(post.exitCode).toBe(0)
        expect(leftovers(runId)).toEqual([])
      } finally {
        removeLeftovers(runId)
      }
    },
    TIMEOUT
  )
})
