import { afterAll, beforeAll, describe, expect, test } from '@jest/globals'
import { spawnSync } from 'node:child_process'
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import {
  CONTAINERD_FIRST_FUNCTIONS,
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
