/**
 * Case 10: the client certificates cannot be written — RUNNER_TEMP is
 * read-only, or its disk is full. Main fails with a message that names the
 * directory and the cause; the sidecar `docker run` already started in
 * parallel is removed by post, and no half-written cert dir stays behind.
 */
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals'
import { spawnSync } from 'node:child_process'
import { chmodSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { runMain, runPost } from '../harness/runner.js'
import {
  E2E,
  IMAGES,
  newRunId,
  requireDocker,
  tempDir
} from '../helpers/docker.js'
import { cleanUp, errorOf, leftFrom, warningsOf } from '../helpers/steps.js'

const suite = E2E ? describe : describe.skip
const isRoot = process.getuid?.() === 0

/** A tmpfs at `dir` (root only); false when mounting is not possible here. */
function mountTmpfs(dir: string, options: string): boolean {
  return (
    spawnSync('mount', ['-t', 'tmpfs', '-o', options, 'tmpfs', dir]).status ===
    0
  )
}

/**
 * Makes `dir` unwritable: a read-only tmpfs for root (who ignores modes),
 * mode 0555 for anyone else. Returns the expected error code.
 */
function makeReadOnly(dir: string): string {
  if (isRoot && mountTmpfs(dir, 'ro,size=64k')) return 'EROFS'
  chmodSync(dir, 0o555)
  return 'EACCES'
}

/** Fills a tiny tmpfs at `dir`; undefined when that cannot be simulated here. */
function makeFull(dir: string): string | undefined {
  if (!isRoot || !mountTmpfs(dir, 'size=16k')) return undefined
  try {
    writeFileSync(join(dir, 'filler'), Buffer.alloc(64 * 1024))
  } catch {
    // ENOSPC: the disk is full now, as intended.
  }
  return 'ENOSPC'
}

suite('reliability: certificates cannot be written (real daemon)', () => {
  const work = tempDir('docker-nest-e2e-temp-')
  const mounts: string[] = []
  beforeAll(() => requireDocker([IMAGES.official]))
  afterAll(() => {
    for (const dir of mounts) spawnSync('umount', [dir])
    work.remove()
  })

  test.each<['read-only' | 'full', (dir: string) => string | undefined]>([
    ['read-only', makeReadOnly],
    ['full', makeFull]
  ])(
    'RUNNER_TEMP %s: clear error naming the directory, nothing left',
    async (kind, breakIt) => {
      const ciRunId = newRunId()
      const temp = join(work.dir, `temp-${kind}`)
      mkdirSync(temp)
      const code = breakIt(temp)
      if (code === undefined) {
        console.warn(`skipped: cannot simulate a ${kind} disk without root`)
        return
      }
      mounts.push(temp)
      const main = await runMain({
        inputs: { image: IMAGES.official },
        env: { GITHUB_RUN_ID: ciRunId, RUNNER_TEMP: temp },
        workDir: join(work.dir, ciRunId)
      })
      try {
        expect(main.exitCode).toBe(1)
        const error = errorOf(main)
        expect(error).toContain(
          `Could not write the client certificates under ${temp}: ${code}`
        )
        expect(error).toContain('must be writable with a few KB free')
        const post = await runPost(main)
        expect(post.exitCode).toBe(0)
        expect(warningsOf(post)).toEqual([])
        expect(leftFrom(ciRunId, main)).toEqual([])
        expect(
          readdirSync(temp).filter((n) => n.startsWith('docker-nest'))
        ).toEqual([])
      } finally {
        cleanUp(main)
      }
    },
    120_000
  )
})
