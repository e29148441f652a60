import { afterEach, beforeEach, describe, expect, test } from '@jest/globals'
import {
  mkdirSync,
  mkdtempSync,
  rmSync,
  symlinkSync,
  unlinkSync,
  writeFileSync
} from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import {
  CACHE_RECORD,
  cachedCliProblem,
  parseSha256File,
  staticArch,
  tarballUrl,
  writeCacheRecord
} from '../../../src/action/docker-cli-release.js'

const DIGEST = 'ab'.repeat(32)

describe('docker CLI releases', () => {
  test.each([
    ['x64', 'x86_64'],
    ['arm64', 'aarch64']
  ])('[%#] maps %s to %s', (arch, expected) => {
    expect(staticArch(arch)).toBe(expected)
  })

  test('refuses an architecture without static releases', () => {
    expect(() => staticArch('ia32')).toThrow(
      "There is no static docker CLI for this runner's architecture (ia32)"
    )
  })

  test('builds the release URL', () => {
    expect(
      tarballUrl(
        'https://download.docker.com/linux/static/stable',
        '29.0.0',
        'x86_64'
      )
    ).toBe(
      'https://download.docker.com/linux/static/stable/x86_64/docker-29.0.0.tgz'
    )
  })

  test.each([
    `${DIGEST}  docker-29.0.0.tgz\n`,
    `${DIGEST.toUpperCase()}\n`,
    DIGEST
  ])('[%#] reads the digest of a sha256sum-style file', (text) => {
    expect(parseSha256File(text)).toBe(DIGEST)
  })

  test('rejects a file without a digest', () => {
    expect(() => parseSha256File('<html>Not Found</html>')).toThrow(
      "The .sha256 file does not start with a sha256 digest: '<html>Not Found</html>'"
    )
  })
})

describe('the record of a cached CLI directory', () => {
  const TARBALL = 'cd'.repeat(32)
  let dir = ''

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'docker-cli-cache-'))
    writeFileSync(join(dir, 'docker'), 'cli', { mode: 0o755 })
    writeFileSync(join(dir, 'dockerd'), 'daemon', { mode: 0o755 })
    mkdirSync(join(dir, 'plugins'))
    writeFileSync(join(dir, 'plugins', 'docker-buildx'), 'buildx')
    symlinkSync('docker', join(dir, 'docker-alias'))
    await writeCacheRecord(dir, TARBALL)
  })
  afterEach(() => rmSync(dir, { recursive: true, force: true }))

  test('vouches for an unchanged directory from the pinned tarball', async () => {
    expect(await cachedCliProblem(dir, TARBALL)).toBeUndefined()
  })

  test('rejects a directory cached from another tarball', async () => {
    expect(await cachedCliProblem(dir, DIGEST)).toBe(
      `it was extracted from a tarball with sha256 ${TARBALL}`
    )
  })

  test.each<[string, () => void, string]>([
    [
      'a changed file',
      () => writeFileSync(join(dir, 'docker'), 'planted'),
      'docker changed after it was cached ('
    ],
    [
      'a changed file in a folder',
      () => writeFileSync(join(dir, 'plugins', 'docker-buildx'), 'planted'),
      'plugins/docker-buildx changed after it was cached ('
    ],
    [
      'an added file',
      () => writeFileSync(join(dir, 'runc'), 'planted'),
      'runc was added after it was cached'
    ],
    [
      'an added file named like an object key',
      () => writeFileSync(join(dir, '__proto__'), 'planted'),
      '__proto__ was added after it was cached'
    ],
    [
      'a missing file',
      () => unlinkSync(join(dir, 'dockerd')),
      'dockerd is missing'
    ],
    [
      'a symlink pointed elsewhere',
      () => {
        unlinkSync(join(dir, 'docker-alias'))
        symlinkSync('/tmp/planted', join(dir, 'docker-alias'))
      },
      'docker-alias changed after it was cached (now symlink to /tmp/planted, recorded symlink to docker)'
    ],
    [
      'no record (cached by something else)',
      () => unlinkSync(join(dir, CACHE_RECORD)),
      `it has no valid ${CACHE_RECORD} naming its tarball`
    ],
    [
      'a record that is not JSON',
      () => writeFileSync(join(dir, CACHE_RECORD), 'not json'),
      `it has no valid ${CACHE_RECORD} naming its tarball`
    ],
    [
      'a record without file digests',
      () =>
        writeFileSync(
          join(dir, CACHE_RECORD),
          JSON.stringify({ tarball: TARBALL })
        ),
      `it has no valid ${CACHE_RECORD} naming its tarball`
    ]
  ])('[%#] rejects %s', async (_title, change, problem) => {
    change()
    expect(await cachedCliProblem(dir, TARBALL)).toContain(problem)
  })
})
