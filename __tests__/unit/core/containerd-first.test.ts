import { afterAll, beforeAll, describe, expect, test } from '@jest/globals'
import { spawnSync } from 'node:child_process'
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createServer } from 'node:net'
import {
  CONTAINERD_FIRST_FUNCTIONS,
  DOCKERD_SHIM,
  FAST_START_LOG_PREFIX
} from '../../../src/core/containerd-first.js'

let bin: string

/** A PATH with only the named fake commands (`id` always prints 0). */
function pathWith(...names: string[]): string {
  const dir = mkdtempSync(join(bin, 'path-'))
  for (const name of ['id', ...names]) {
    const file = join(dir, name)
    writeFileSync(file, '#!/bin/sh\necho 0\n')
    chmodSync(file, 0o755)
  }
  return dir
}

/** Runs `nest_ctr_eligible` with the dockerd flags; returns its verdict and log. */
function eligible(path: string, args: string[], fastStart?: string) {
  const result = spawnSync(
    '/bin/sh',
    [
      '-c',
      `${CONTAINERD_FIRST_FUNCTIONS}
if nest_ctr_eligible "$@"; then echo "yes $nest_ctr_level"; else echo no; fi`,
      'test',
      ...args
    ],
    {
      env: {
        PATH: path,
        ...(fastStart === undefined
          ? {}
          : { DOCKER_NEST_FAST_START: fastStart })
      },
      encoding: 'utf8'
    }
  )
  return { verdict: result.stdout.trim(), log: result.stderr.trim() }
}

beforeAll(() => {
  bin = mkdtempSync(join(tmpdir(), 'containerd-first-'))
})
afterAll(() => rmSync(bin, { recursive: true, force: true }))

describe('nest_ctr_eligible (the fast-start decision of the start script)', () => {
  test.each<[string, string[], string[], string | undefined, string]>([
    ['plain image', ['containerd', 'docker-init'], [], undefined, 'yes'],
    [
      'official image',
      ['containerd', 'dockerd-entrypoint.sh'],
      [],
      'true',
      'yes'
    ],
    [
      'debug flag',
      ['containerd', 'docker-init'],
      ['--debug'],
      undefined,
      'yes debug'
    ],
    [
      'log level',
      ['containerd', 'docker-init'],
      ['--log-level', 'warn'],
      undefined,
      'yes warn'
    ],
    ['input false', ['containerd', 'docker-init'], [], 'false', 'no'],
    ['no containerd', ['docker-init'], [], undefined, 'no'],
    ['no docker-init', ['containerd'], [], undefined, 'no'],
    [
      'own --containerd',
      ['containerd', 'docker-init'],
      ['--containerd=/x.sock'],
      undefined,
      'no'
    ],
    [
      '--exec-root',
      ['containerd', 'docker-init'],
      ['--exec-root', '/x'],
      undefined,
      'no'
    ]
  ])('[%#] %s', (_title, commands, args, fastStart, expected) => {
    const { verdict, log } = eligible(pathWith(...commands), args, fastStart)
    expect(verdict).toBe(expected)
    if (expected === 'no') {
      expect(log).toMatch(new RegExp(`^${FAST_START_LOG_PREFIX} off: .+`))
    } else {
      expect(log).toBe('')
    }
  })

  test('says why when the image has no containerd', () => {
    expect(eligible(pathWith('docker-init'), []).log).toBe(
      'docker-nest: fast start off: the image has no containerd binary; ' +
        'dockerd starts its own containerd'
    )
  })
})

describe('the dockerd shim (waits for our containerd, then runs the real dockerd)', () => {
  /** Runs the shim with a fake dockerd that prints its arguments. */
  function runShim(pid: number, sock: string) {
    const path = mkdtempSync(join(bin, 'shim-'))
    writeFileSync(join(path, 'dockerd'), '#!/bin/sh\necho "dockerd $*"\n')
    chmodSync(join(path, 'dockerd'), 0o755)
    const script = `PATH='${path}:/usr/bin:/bin'\npid=${pid} sock=${sock} t0=0\n${DOCKERD_SHIM}\n`
    const result = spawnSync(
      '/bin/sh',
      ['-c', script, 'dockerd', '--tlsverify'],
      {
        encoding: 'utf8',
        timeout: 20_000
      }
    )
    return { out: result.stdout.trim(), log: result.stderr.trim() }
  }

  test('hands the socket over once containerd listens', async () => {
    const sock = join(bin, 'ctr.sock')
    const server = createServer().listen(sock)
    await new Promise((resolve) => server.once('listening', resolve))
    try {
      const { out, log } = runShim(process.pid, sock)
      expect(out).toBe(`dockerd --tlsverify --containerd=${sock}`)
      expect(log).toMatch(
        new RegExp(
          `^${FAST_START_LOG_PREFIX}: containerd \\(pid ${process.pid}\\) listens on ${sock} after \\d+ ms$`
        )
      )
    } finally {
      server.close()
    }
  })

  test('lets dockerd start its own containerd when ours is gone', () => {
    const gone = spawnSync('/bin/sh', ['-c', 'echo $$'])
      .stdout.toString()
      .trim()
    const { out, log } = runShim(Number(gone), join(bin, 'never.sock'))
    expect(out).toBe('dockerd --tlsverify')
    expect(log).toBe(
      `${FAST_START_LOG_PREFIX} off: containerd exited before it listened (its log is above); dockerd starts its own containerd`
    )
  })
})
