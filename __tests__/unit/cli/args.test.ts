import { describe, expect, it, test } from '@jest/globals'
import { parseOptions } from '../../../src/cli/args.js'
import type { OptionSpec } from '../../../src/cli/commands/types.js'
import { closest, editDistance } from '../../../src/cli/suggest.js'

const SPECS: Record<string, OptionSpec> = {
  tls: { type: 'boolean', negatable: true, help: '' },
  rootless: {
    type: 'boolean',
    negatable: true,
    extraValues: ['unprivileged'],
    help: ''
  },
  image: { type: 'string', placeholder: 'IMAGE', help: '' },
  'tls-san': { type: 'string', multiple: true, help: '' },
  format: { type: 'string', choices: ['table', 'json'], help: '' },
  help: { type: 'boolean', short: 'h', help: '' }
}
const parse = (args: string[]) => parseOptions(args, SPECS, 'up')

describe('parseOptions', () => {
  test.each<[string[], Record<string, unknown>]>([
    [['--tls'], { tls: true }],
    [['--no-tls'], { tls: false }],
    [['--tls=false'], { tls: false }],
    [['--tls=TRUE'], { tls: true }],
    [['--tls', 'false'], { tls: false }],
    [['--tls', 'True'], { tls: true }],
    [['--rootless'], { rootless: true }],
    [['--rootless', 'unprivileged'], { rootless: 'unprivileged' }],
    [['--rootless=unprivileged'], { rootless: 'unprivileged' }],
    [['--image', 'docker:28-dind'], { image: 'docker:28-dind' }],
    [['--image=docker:28-dind'], { image: 'docker:28-dind' }],
    [['--image=a', '--image', 'b'], { image: 'b' }],
    [
      ['--tls-san', 'DNS:a', '--tls-san=IP:1.2.3.4'],
      { 'tls-san': ['DNS:a', 'IP:1.2.3.4'] }
    ],
    [['--image=--odd'], { image: '--odd' }],
    [['--image', '-'], { image: '-' }],
    [['--format', 'json'], { format: 'json' }],
    [['-h'], { help: true }]
  ])('[%#] %j gives %j', (args, values) => {
    expect(parse(args)).toEqual({ values, positionals: [] })
  })

  test.each<[string[], string[]]>([
    [['bash'], ['bash']],
    [['--tls', 'bash'], ['bash']],
    [['--', '--tls'], ['--tls']]
  ])('[%#] %j leaves the free words %j', (args, positionals) => {
    expect(parse(args).positionals).toEqual(positionals)
  })

  test.each<[string[], string]>([
    [
      ['--tsl'],
      "Unknown option '--tsl' for 'docker-nest up'. Did you mean '--tls'? Run 'docker-nest up --help'."
    ],
    [
      ['--imgae', 'x'],
      "Unknown option '--imgae' for 'docker-nest up'. Did you mean '--image'? Run 'docker-nest up --help'."
    ],
    [
      ['--no-image'],
      "Unknown option '--no-image' for 'docker-nest up'. Did you mean '--image'? Run 'docker-nest up --help'."
    ],
    [
      ['--zzz'],
      "Unknown option '--zzz' for 'docker-nest up'. Run 'docker-nest up --help'."
    ],
    [
      ['-x'],
      "Unknown option '-x' for 'docker-nest up'. Run 'docker-nest up --help'."
    ],
    [
      ['--tls=maybe'],
      "Option '--tls' takes true or false, got 'maybe'. Run 'docker-nest up --help'."
    ],
    [
      ['--rootless=yes'],
      "Option '--rootless' takes true, false or unprivileged, got 'yes'. Run 'docker-nest up --help'."
    ],
    [
      ['--no-tls=true'],
      "Option '--no-tls' takes no value; write '--no-tls' or '--tls=true'. Run 'docker-nest up --help'."
    ],
    [
      ['--image'],
      "Option '--image' needs a value: --image IMAGE. Run 'docker-nest up --help'."
    ],
    [
      ['--image', '--tls'],
      "Option '--image' needs a value, got the option '--tls'; for a value that starts with '-', write --image=--tls. Run 'docker-nest up --help'."
    ],
    [
      ['--format', 'jsn'],
      "Option '--format' must be table or json, got 'jsn'. Did you mean 'json'? Run 'docker-nest up --help'."
    ]
  ])('[%#] %j is one clean line: %s', (args, message) => {
    expect(() => parse(args)).toThrow(message)
  })

  it('never words an error the way node:util parseArgs does', () => {
    for (const args of [['--tsl'], ['--image'], ['--tls=x'], ['-x']]) {
      expect(() => parse(args)).toThrow(
        /^(?![\s\S]*(positional argument|argument missing|<value>))/
      )
    }
  })
})

describe('suggestions', () => {
  test.each<[string, string, number]>([
    ['tls', 'tls', 0],
    ['tsl', 'tls', 1],
    ['imgae', 'image', 1],
    ['image', 'mage', 1],
    ['', 'abc', 3]
  ])('[%#] %s to %s is %d edits', (a, b, distance) => {
    expect(editDistance(a, b)).toBe(distance)
  })

  const commands = ['up', 'down', 'env', 'wait', 'status', 'reap', 'doctor']
  test.each<[string, string[], string | undefined]>([
    ['stauts', commands, 'status'],
    ['docter', commands, 'doctor'],
    ['dwn', commands, 'down'],
    ['launch', commands, undefined],
    ['--wait', ['--wait-timeout', '--image'], '--wait-timeout'],
    ['--tl', ['--tls', '--tls-san'], '--tls'],
    ['-x', ['-h'], undefined],
    ['--cache', ['--cache-busy', '--cache-scope'], undefined]
  ])('[%#] %s suggests %s', (word, candidates, expected) => {
    expect(closest(word, candidates)).toBe(expected)
  })
})
