/**
 * The stdin format is written by Node and read by the start script's shell
 * function: both halves run here, the reader under the machine's /bin/sh
 * (dash on Debian; the official image's busybox ash reads it the same way).
 */
import { describe, expect, it } from '@jest/globals'
import { spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import {
  STDIN_READ_FUNCTION,
  encodeForStdin
} from '../../../../src/engine/dind/stdin-delivery.js'
import type { TarEntry } from '../../../../src/engine/docker/tar.js'

const PEM =
  '-----BEGIN CERTIFICATE-----\nMIIB  x\\y\n-----END CERTIFICATE-----\n'
const JSON_TEXT = '{\n  "mtu": 1400,\n  "x": "a b\\\\c"\n}'

/** Runs nest_read_stdin in a scratch root; entries' paths are made relative to it. */
function readBack(input: Buffer) {
  const root = mkdtempSync(join(tmpdir(), 'stdin-delivery-'))
  const script = `${STDIN_READ_FUNCTION}nest_read_stdin\necho read-ok`
  const result = spawnSync('sh', ['-eu', '-c', script], {
    input: Buffer.from(input.toString('utf8').replaceAll(' /', ` ${root}/`)),
    encoding: 'utf8'
  })
  return { root, ...result, cleanup: () => rmSync(root, { recursive: true }) }
}

const entries: TarEntry[] = [
  { path: 'certs/', mode: 0o755 },
  { path: 'certs/server/', mode: 0o700 },
  { path: 'certs/server/cert.pem', mode: 0o644, content: PEM },
  { path: 'certs/server/key.pem', mode: 0o600, content: PEM },
  { path: 'etc/docker/daemon.json', mode: 0o644, content: JSON_TEXT },
  { path: 'certs/.docker-nest-ready', mode: 0o644, content: '' }
]

describe('stdin delivery', () => {
  it('Encodes directories, files with line counts, and an end line', () => {
    expect(
      encodeForStdin([
        { path: 'a/', mode: 0o755 },
        { path: 'a/b', mode: 0o600, content: 'x\ny\n' },
        { path: '/a/c', mode: 0o644, content: '' }
      ]).toString()
    ).toBe('dir /a 022\nfile /a/b 177 2\nx\ny\nfile /a/c 133 0\nend\n')
  })

  it('Refuses paths with blanks and files not owned by root', () => {
    expect(() =>
      encodeForStdin([{ path: 'a b', mode: 0o644, content: '' }])
    ).toThrow(/unusable path 'a b'/)
    expect(() =>
      encodeForStdin([{ path: 'a', mode: 0o644, content: '', uid: 1000 }])
    ).toThrow(/owned by root/)
    expect(() =>
      encodeForStdin([{ path: 'a', mode: 0o755, content: 'x' }])
    ).toThrow(/cannot be executable/)
  })

  it('Replaces a file that is there, with the new mode, and restores the umask', () => {
    const script = (root: string) =>
      `mkdir -p ${root}/k && echo old > ${root}/k/key.pem && chmod 644 ${root}/k/key.pem\n` +
      `umask 027\n${STDIN_READ_FUNCTION}nest_read_stdin\numask`
    const root = mkdtempSync(join(tmpdir(), 'stdin-delivery-'))
    try {
      const input = encodeForStdin([
        { path: 'k/key.pem', mode: 0o600, content: 'new\n' }
      ])
      const result = spawnSync('sh', ['-eu', '-c', script(root)], {
        input: Buffer.from(input.toString().replace(' /', ` ${root}/`)),
        encoding: 'utf8'
      })
      expect(result.stderr).toBe('')
      expect(result.stdout.trim()).toBe('0027')
      expect(readFileSync(join(root, 'k/key.pem'), 'utf8')).toBe('new\n')
      expect(statSync(join(root, 'k/key.pem')).mode & 0o777).toBe(0o600)
    } finally {
      rmSync(root, { recursive: true })
    }
  })

  it('Is read back by the shell byte for byte, with the modes', () => {
    const run = readBack(
      Buffer.concat([encodeForStdin(entries), Buffer.from('not read\n')])
    )
    try {
      expect(run.stderr).toBe('')
      expect(run.stdout).toBe('read-ok\n')
      const at = (path: string) => join(run.root, path)
      expect(readFileSync(at('certs/server/cert.pem'), 'utf8')).toBe(PEM)
      expect(readFileSync(at('certs/server/key.pem'), 'utf8')).toBe(PEM)
      // Written back line by line: the file gains its final newline.
      expect(readFileSync(at('etc/docker/daemon.json'), 'utf8')).toBe(
        `${JSON_TEXT}\n`
      )
      expect(readFileSync(at('certs/.docker-nest-ready'), 'utf8')).toBe('')
      const mode = (path: string) => statSync(at(path)).mode & 0o777
      expect(mode('certs/server')).toBe(0o700)
      expect(mode('certs/server/key.pem')).toBe(0o600)
      expect(mode('certs/server/cert.pem')).toBe(0o644)
    } finally {
      run.cleanup()
    }
  })

  it.each([
    [
      'the stream ends before "end"',
      (full: string) => full.replace('end\n', '')
    ],
    [
      'a file is cut short',
      (full: string) => full.slice(0, full.indexOf('-----END'))
    ],
    ['nothing arrives', () => '']
  ])('Fails with exit 90 when %s', (_case, cut) => {
    const full = encodeForStdin(entries).toString()
    const run = readBack(Buffer.from(cut(full)))
    try {
      expect(run.status).toBe(90)
      expect(run.stdout).toBe('')
      expect(run.stderr).toContain('did not arrive on stdin')
    } finally {
      run.cleanup()
    }
  })
})
