import { describe, expect, it } from '@jest/globals'
import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createTar } from '../../../../src/engine/docker/tar.js'

describe('createTar', () => {
  it('writes an archive GNU tar extracts with paths, contents and modes intact', () => {
    const archive = createTar([
      { path: 'certs/', mode: 0o755 },
      { path: 'certs/server/', mode: 0o700 },
      {
        path: 'certs/server/key.pem',
        mode: 0o600,
        content: 'secret\n'.repeat(100)
      },
      { path: 'certs/server/ca.pem', mode: 0o644, content: 'x' },
      { path: 'certs/.ready', mode: 0o644, content: '' }
    ])
    expect(archive.length % 512).toBe(0)
    const dir = mkdtempSync(join(tmpdir(), 'tar-test-'))
    execFileSync('tar', ['-x', '-C', dir], { input: archive })
    expect(readFileSync(join(dir, 'certs/server/key.pem'), 'utf8')).toBe(
      'secret\n'.repeat(100)
    )
    expect(readFileSync(join(dir, 'certs/server/ca.pem'), 'utf8')).toBe('x')
    expect(readFileSync(join(dir, 'certs/.ready'), 'utf8')).toBe('')
    expect(statSync(join(dir, 'certs/server/key.pem')).mode & 0o777).toBe(0o600)
    expect(statSync(join(dir, 'certs/server')).mode & 0o777).toBe(0o700)
  })

  it('keeps the entry order, so a marker written last arrives last', () => {
    const archive = createTar([
      { path: 'a', mode: 0o644, content: '1' },
      { path: 'b', mode: 0o644, content: '2' },
      { path: 'z-marker', mode: 0o644, content: '' }
    ])
    const listing = execFileSync('tar', ['-t'], { input: archive }).toString()
    expect(listing.trim().split('\n')).toEqual(['a', 'b', 'z-marker'])
  })

  it('refuses a path too long for a ustar header instead of truncating it', () => {
    expect(() =>
      createTar([{ path: 'x'.repeat(101), mode: 0o644, content: '' }])
    ).toThrow(/path too long/)
  })
})
