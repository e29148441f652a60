import { describe, expect, test } from '@jest/globals'
import { spawnSync } from 'node:child_process'
import {
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  writeFileSync
} from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import {
  CONTAINERD_DIED_LINE,
  CONTAINERD_FIRST_FUNCTIONS,
  CONTAINERD_SOCKET,
  CONTAINERD_STATE_DIR,
  DOCKERD_SHIM,
  FAST_START_ENV,
  FAST_START_LOG_PREFIX
} from '../../../../src/engine/dind/containerd-first.js'
import { CGROUP_LINE_PREFIX } from '../../../../src/engine/dind/sidecar-log.js'
import {
  CERTS_READY_MARKER,
  PLAIN_TCP_ENV,
  STARTUP_SCRIPT
} from '../../../../src/engine/dind/startup-script.js'
import {
  NON_ROOT_MESSAGE,
  STDIN_DELIVERY_ENV
} from '../../../../src/engine/dind/stdin-delivery.js'

const SCRIPTS = 'src/engine/dind/scripts'

/** Runs the generator; returns its exit code and output. */
function embed(...args: string[]) {
  const result = spawnSync(
    process.execPath,
    ['scripts/embed-shell.mjs', ...args],
    { encoding: 'utf8' }
  )
  return { status: result.status, output: result.stdout + result.stderr }
}

describe('the sidecar shell in src/engine/dind/scripts', () => {
  test('each x.generated.ts matches its x.sh (else run scripts/embed-shell.mjs)', () => {
    const { status, output } = embed('--check')
    expect(output).toContain('match their .sh files')
    expect(status).toBe(0)
  })

  const shell = readdirSync(SCRIPTS)
    .filter((file) => file.endsWith('.sh'))
    .map((file) => readFileSync(join(SCRIPTS, file), 'utf8'))
    .join('\n')

  // A value TypeScript shares with the shell is written once, in
  // TypeScript; the shell has its placeholder, so the two cannot drift.
  test.each([
    ['CERTS_READY_MARKER', CERTS_READY_MARKER],
    ['CGROUP_LINE_PREFIX', CGROUP_LINE_PREFIX],
    ['CONTAINERD_DIED_LINE', CONTAINERD_DIED_LINE],
    ['CONTAINERD_SOCKET', CONTAINERD_SOCKET],
    ['CONTAINERD_STATE_DIR', CONTAINERD_STATE_DIR],
    ['FAST_START_ENV', FAST_START_ENV],
    ['FAST_START_LOG_PREFIX', FAST_START_LOG_PREFIX],
    ['NON_ROOT_MESSAGE', NON_ROOT_MESSAGE],
    ['PLAIN_TCP_ENV', PLAIN_TCP_ENV],
    ['STDIN_DELIVERY_ENV', STDIN_DELIVERY_ENV]
  ])(
    '[%#] the shell writes __%s__, never its value, and the start script carries the value',
    (name, value) => {
      expect(shell).toContain(`__${name}__`)
      expect(shell).not.toContain(value)
      expect(STARTUP_SCRIPT).toContain(value)
    }
  )

  test('the dockerd shim has no single quote: the start script writes it inside quotes', () => {
    expect(DOCKERD_SHIM).not.toContain("'")
    expect(CONTAINERD_FIRST_FUNCTIONS).toContain(
      `printf '%s\\n' '${DOCKERD_SHIM}'`
    )
  })

  test('the embedded scripts carry no headers, directives, includes or placeholders', () => {
    expect(STARTUP_SCRIPT.startsWith('set -eu\n')).toBe(true)
    expect(STARTUP_SCRIPT).not.toMatch(/# shellcheck |^\. \.\/|__[A-Z]/m)
  })
})

describe('scripts/embed-shell.mjs', () => {
  function fixture(files: Record<string, string>) {
    const dir = mkdtempSync(join(tmpdir(), 'embed-shell-'))
    for (const [name, text] of Object.entries(files)) {
      writeFileSync(join(dir, name), text)
    }
    return dir
  }

  const thing = {
    'start-thing.sh':
      '# shellcheck shell=sh\n# What it does.\n\nset -eu\n. ./piece.sh\necho "__MARKER__ ${HOME}"\n',
    'piece.sh':
      '# A piece.\n\n# shellcheck disable=SC2034 # unused here\nunset __ENV_NAME__\n'
  }

  test('writes one module per script: includes become imports and calls, placeholders parameters, headers and directives go', () => {
    const dir = fixture(thing)
    try {
      const { status, output } = embed('--dir', dir)
      expect(output).toContain('wrote 2 of 2')
      expect(status).toBe(0)
      const start = readFileSync(join(dir, 'start-thing.generated.ts'), 'utf8')
      const piece = readFileSync(join(dir, 'piece.generated.ts'), 'utf8')
      expect(start).toMatch(
        /^\/\/ Generated from start-thing\.sh .*do not edit/
      )
      expect(start).toMatch(
        /^import \{ pieceScript \} from ['"]\.\/piece\.generated\.js['"]/m
      )
      expect(start).toContain('export function startThingScript(values: {')
      expect(start).toContain(
        'return `set -eu\n${pieceScript(values)}echo "${values.MARKER} \\${HOME}"\n`'
      )
      expect(piece).toContain('export function pieceScript(values: {')
      expect(piece).toContain('return `unset ${values.ENV_NAME}\n`')
      expect(start + piece).not.toMatch(/What it does|A piece|SC2034/)
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })

  test.each([
    [
      'stale',
      (dir: string) =>
        writeFileSync(join(dir, 'piece.sh'), 'unset __OTHER_NAME__\n'),
      /piece\.generated\.ts does not match its \.sh/
    ],
    [
      'missing',
      (dir: string) => rmSync(join(dir, 'piece.generated.ts')),
      /piece\.generated\.ts is missing/
    ],
    [
      'left without its .sh',
      (dir: string) =>
        writeFileSync(
          join(dir, 'gone.generated.ts'),
          readFileSync(join(dir, 'piece.generated.ts'))
        ),
      /gone\.generated\.ts has no \.sh any more/
    ]
  ])(
    '[%#] --check fails when a module is %s, and a write repairs it',
    (_, change, message) => {
      const dir = fixture(thing)
      try {
        expect(embed('--dir', dir).status).toBe(0)
        expect(embed('--dir', dir, '--check').status).toBe(0)
        change(dir)
        const { status, output } = embed('--dir', dir, '--check')
        expect(output).toMatch(message)
        expect(output).toContain('run node scripts/embed-shell.mjs')
        expect(status).toBe(1)
        expect(embed('--dir', dir).status).toBe(0)
        expect(embed('--dir', dir, '--check').status).toBe(0)
        expect(readdirSync(dir).sort()).toEqual([
          'piece.generated.ts',
          'piece.sh',
          'start-thing.generated.ts',
          'start-thing.sh'
        ])
      } finally {
        rmSync(dir, { recursive: true, force: true })
      }
    }
  )

  test.each([
    [
      'a missing include',
      { 'a.sh': '. ./gone.sh\n' },
      /a\.sh includes \.\/gone\.sh, but .*gone\.sh does not exist/
    ],
    [
      'an include cycle',
      { 'a.sh': '. ./b.sh\n', 'b.sh': '. ./a.sh\n' },
      /a\.sh includes b\.sh includes a\.sh: a script cannot include itself/
    ],
    [
      'a file name that is no function name',
      { 'Start_Thing.sh': 'echo hi\n' },
      /Start_Thing\.sh: name scripts in lower-case kebab-case/
    ],
    [
      'a header without a blank line after it',
      { 'a.sh': '# header\necho hi\n' },
      /a\.sh: the header comment must end with a blank line/
    ],
    [
      'a hand-written module named like a generated one',
      { 'a.sh': 'echo hi\n', 'b.generated.ts': 'export {}\n' },
      /b\.generated\.ts has no \.sh beside it and was not generated/
    ]
  ])('[%#] fails on %s, saying what is wrong', (_, files, message) => {
    const dir = fixture(files)
    try {
      const { status, output } = embed('--dir', dir)
      expect(output).toMatch(message)
      expect(status).toBe(1)
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })
})
