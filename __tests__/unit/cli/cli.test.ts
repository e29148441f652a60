import { describe, expect, it, test } from '@jest/globals'
import { execFileSync } from 'node:child_process'
import {
  COMMANDS,
  COMMON_OPTIONS,
  envNameFor,
  parseCommandLine
} from '../../../src/cli/cli.js'
import { commandHelp, overviewHelp } from '../../../src/cli/help.js'
import { exportLines, formatEnv, shellQuote } from '../../../src/cli/shell.js'

describe('parseCommandLine', () => {
  it('maps flags named like the Action inputs; list flags repeat', () => {
    const parsed = parseCommandLine(
      [
        'up',
        '--image',
        'docker:26-dind',
        '--tls-san',
        'DNS:a',
        '--tls-san',
        'IP:10.0.0.1',
        '--debug'
      ],
      {}
    )
    expect(parsed).toMatchObject({
      command: 'up',
      inputs: { image: 'docker:26-dind', 'tls-san': 'DNS:a\nIP:10.0.0.1' },
      stateDir: undefined,
      debug: true
    })
  })

  it('reads DOCKER_NEST_* variables, and flags win over them', () => {
    const env = { DOCKER_NEST_IMAGE: 'from-env', DOCKER_NEST_WAIT_TIMEOUT: '5' }
    expect(
      parseCommandLine(['up', '--image', 'from-flag'], env).inputs
    ).toEqual({
      image: 'from-flag',
      'wait-timeout': '5'
    })
  })

  test.each<[string[], string]>([
    [[], 'help'],
    [['--help'], 'help'],
    [['down', '--state-dir', '/x'], 'down']
  ])('[%#] %j is command %s', (argv, command) => {
    expect(parseCommandLine(argv, {}).command).toBe(command)
  })

  test.each<[string[], Record<string, string>]>([
    [['up', '--tls'], { tls: 'true' }],
    [['up', '--no-tls'], { tls: 'false' }],
    [['up', '--tls=false'], { tls: 'false' }],
    [['up', '--tls', 'false'], { tls: 'false' }],
    [
      ['up', '--tls', 'FALSE', '--fast-start=True'],
      { tls: 'false', 'fast-start': 'true' }
    ],
    [['up', '--rootless', 'unprivileged'], { rootless: 'unprivileged' }],
    [['up', '--rootless=unprivileged'], { rootless: 'unprivileged' }],
    [['up', '--rootless'], { rootless: 'true' }],
    [['up', '--image=docker:28-dind'], { image: 'docker:28-dind' }],
    [['up', '--dockerd-args=--debug'], { 'dockerd-args': '--debug' }]
  ])('[%#] %j gives the inputs %j', (argv, inputs) => {
    expect(parseCommandLine(argv, {}).inputs).toEqual(inputs)
  })

  it('does not offer the Action-only cleanup input', () => {
    expect(() => parseCommandLine(['up', '--cleanup', 'false'], {})).toThrow(
      /Unknown option '--cleanup'/
    )
  })
})

describe('envNameFor', () => {
  it('upper-cases and replaces hyphens', () => {
    expect(envNameFor('wait-timeout')).toBe('DOCKER_NEST_WAIT_TIMEOUT')
  })
})

describe('shell exports', () => {
  test.each(['plain', "it's", 'a b $HOME `x` "q"', '', 'multi\nline'])(
    '[%#] a real shell reads %j back unchanged',
    (value) => {
      const out = execFileSync('sh', [
        '-c',
        `eval "$1"; printf %s "$V"`,
        'sh',
        exportLines({ V: value })
      ])
      expect(out.toString()).toBe(value)
    }
  )

  it('quotes with single quotes', () => {
    expect(shellQuote("it's")).toBe(`'it'\\''s'`)
  })
})

describe('commands and help', () => {
  test.each<[string[], Partial<Record<string, unknown>>]>([
    [['help', 'wait'], { command: 'help', topic: 'wait' }],
    [['help', 'help'], { command: 'help', topic: undefined }],
    [['up', '--imag', 'x', '-h'], { command: 'help', topic: 'up' }],
    [['--version'], { command: 'version' }],
    [['-v'], { command: 'version' }],
    [['completion', 'zsh'], { command: 'completion', positionals: ['zsh'] }],
    [['reap', '--help'], { command: 'help', topic: 'reap' }],
    [
      ['env', '--format', 'fish'],
      { command: 'env', values: { format: 'fish' } }
    ],
    [
      ['reap', '--all', '--run', 'ci-1'],
      { command: 'reap', values: { all: true, run: 'ci-1' } }
    ]
  ])('[%#] %j parses', (argv, expected) => {
    expect(parseCommandLine(argv, {})).toMatchObject(expected)
  })

  test.each<[string[], RegExp]>([
    [['--debug', 'up'], /The command comes first/],
    [['help', 'launch'], /Unknown command 'launch'/],
    [['status', '--all'], /Unknown option '--all'.*docker-nest status --help/],
    [
      ['up', '--tsl'],
      /^Unknown option '--tsl' for 'docker-nest up'\. Did you mean '--tls'\? Run 'docker-nest up --help'\.$/
    ],
    [['stauts'], /^Unknown command 'stauts'\. Did you mean 'status'\?/],
    [['completion'], /needs bash, zsh or fish\./],
    [['completion', 'bsh'], /got 'bsh'\. Did you mean 'bash'\?/],
    [['completion', 'bash', 'zsh'], /Unexpected argument 'zsh'/],
    [['wait', 'extra'], /Unexpected argument 'extra'/]
  ])('[%#] %j is a usage error', (argv, message) => {
    expect(() => parseCommandLine(argv, {})).toThrow(message)
  })

  it('every command has its own help with its options and the exit codes', () => {
    for (const command of COMMANDS) {
      const help = commandHelp(command, COMMON_OPTIONS, 200)
      expect(help).toContain(`Usage: docker-nest ${command.name} [options]`)
      for (const [name, spec] of Object.entries(command.options)) {
        expect(help).toContain(spec.negatable ? `--[no-]${name}` : `--${name}`)
      }
      expect(help).toContain('Exit codes: 0 done, 1 failed')
    }
    expect(overviewHelp(COMMANDS, 80)).toContain('doctor')
  })
})

describe('formatEnv', () => {
  const vars = {
    DOCKER_HOST: 'tcp://127.0.0.1:32768',
    DOCKER_TLS_VERIFY: '1',
    DOCKER_CERT_PATH: "/tmp/it's dir"
  }

  it('prints every format', () => {
    expect(formatEnv(vars, 'dotenv')).toBe(
      `DOCKER_HOST=tcp://127.0.0.1:32768\nDOCKER_TLS_VERIFY=1\nDOCKER_CERT_PATH="/tmp/it's dir"`
    )
    expect(formatEnv(vars, 'github')).toBe(
      `DOCKER_HOST=tcp://127.0.0.1:32768\nDOCKER_TLS_VERIFY=1\nDOCKER_CERT_PATH=/tmp/it's dir`
    )
    expect(JSON.parse(formatEnv(vars, 'json'))).toEqual(vars)
    expect(formatEnv(vars, 'fish')).toContain(
      `set -gx DOCKER_CERT_PATH '/tmp/it\\'s dir'`
    )
  })

  it('refuses values with line breaks', () => {
    expect(() => formatEnv({ A: 'x\ny' }, 'github')).toThrow(
      /A contains a line break/
    )
  })
})
