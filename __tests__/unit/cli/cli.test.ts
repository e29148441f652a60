import { describe, expect, it, test } from '@jest/globals'
import { execFileSync } from 'node:child_process'
import { envNameFor, parseCommandLine } from '../../../src/cli/cli.js'
import { exportLines, shellQuote } from '../../../src/cli/shell.js'

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
    expect(parsed).toEqual({
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
