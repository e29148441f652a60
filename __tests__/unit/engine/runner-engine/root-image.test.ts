import { describe, expect, it } from '@jest/globals'
import { execFileSync } from 'node:child_process'
import {
  lstatSync,
  mkdtempSync,
  readFileSync,
  readlinkSync,
  rmSync
} from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import {
  labelChange,
  rootImage,
  rootImageEntries
} from '../../../../src/engine/runner-engine/root-image.js'

const MERGED = [
  { path: '/bin', target: 'usr/bin' },
  { path: '/lib', target: 'usr/lib' },
  { path: '/lib64', target: 'usr/lib64' },
  { path: '/sbin', target: 'usr/sbin' }
]

describe('rootImage', () => {
  it('is the same bytes and tag every time for the same layout, whatever the order of the links', () => {
    const a = rootImage(MERGED)
    const b = rootImage([...MERGED].reverse())
    expect(b.tar.equals(a.tar)).toBe(true)
    expect(b.reference).toBe(a.reference)
    expect(a.tag).toMatch(/^[0-9a-f]{12}$/)
    expect(a.digest.startsWith(a.tag)).toBe(true)
    expect(a.reference).toBe(`docker-nest/runner-root:${a.tag}`)
  })

  it('keeps the tag of the merged-/usr layout (a change makes every runner import a new image)', () => {
    expect(rootImage(MERGED).tag).toBe('92451ee90f86')
  })

  it('gets another tag for another layout', () => {
    expect(rootImage([]).tag).not.toBe(rootImage(MERGED).tag)
  })

  it('is labelled as docker-nest’s, with its digest, and no run or expiry label', () => {
    const image = rootImage(MERGED)
    expect(image.labels).toEqual({
      'docker-nest': 'true',
      'docker-nest.runner-root': image.digest
    })
    expect(labelChange(image)).toBe(
      `LABEL docker-nest=true docker-nest.runner-root=${image.digest}`
    )
  })

  it('extracts with GNU tar into directories, passwd and group, and the links', () => {
    const image = rootImage([
      ...MERGED,
      { path: '/etc/ssl/certs', target: '../pki/tls/certs' }
    ])
    expect(image.tar.length).toBeLessThan(16 * 1024)
    const dir = mkdtempSync(join(tmpdir(), 'runner-root-'))
    try {
      execFileSync('tar', ['-x', '-C', dir], { input: image.tar })
      const listing = execFileSync('tar', ['-t'], { input: image.tar })
        .toString()
        .trim()
        .split('\n')
      expect(listing).toEqual([
        'bin',
        'certs/',
        'dev/',
        'etc/',
        'etc/group',
        'etc/passwd',
        'etc/ssl/',
        'etc/ssl/certs',
        'lib',
        'lib64',
        'proc/',
        'root/',
        'run/',
        'sbin',
        'sys/',
        'tmp/',
        'var/',
        'var/lib/',
        'var/lib/docker/',
        'var/run'
      ])
      expect(readlinkSync(join(dir, 'bin'))).toBe('usr/bin')
      expect(readlinkSync(join(dir, 'var/run'))).toBe('../run')
      expect(readlinkSync(join(dir, 'etc/ssl/certs'))).toBe('../pki/tls/certs')
      expect(lstatSync(join(dir, 'tmp')).mode & 0o7777).toBe(0o1777)
      expect(lstatSync(join(dir, 'root')).mode & 0o7777).toBe(0o700)
      expect(readFileSync(join(dir, 'etc/passwd'), 'utf8')).toBe(
        'root:x:0:0:root:/root:/bin/sh\n'
      )
      expect(readFileSync(join(dir, 'etc/group'), 'utf8')).toBe('root:x:0:\n')
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })

  it.each([
    [{ path: 'bin', target: 'usr/bin' }],
    [{ path: '/', target: 'usr' }],
    [{ path: '/bin', target: '' }]
  ])('[%#] refuses a malformed link %o', (link) => {
    expect(() => rootImageEntries([link])).toThrow(
      /a link needs an absolute path below \/ and a target/
    )
  })
})
