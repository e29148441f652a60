import { describe, expect, test } from '@jest/globals'
import {
  parseSha256File,
  staticArch,
  tarballUrl
} from '../../../src/core/docker-cli-release.js'

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
