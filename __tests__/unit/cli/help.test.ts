import { describe, expect, it, test } from '@jest/globals'
import { readFileSync } from 'node:fs'
import { parse } from 'yaml'
import { COMMANDS, COMMON_OPTIONS } from '../../../src/cli/cli.js'
import {
  commandHelp,
  flagLabel,
  helpWidth,
  optionLines,
  overviewHelp,
  wrap,
  wrapText
} from '../../../src/cli/help.js'
import type { OptionSpec } from '../../../src/cli/commands/types.js'
import { INPUT_DESCRIPTIONS } from '../../../src/cli/input-docs.js'
import { VERSION } from '../../../src/cli/version.js'

describe('wrap', () => {
  test.each<[string, number, string, string[]]>([
    ['a b c', 80, '', ['a b c']],
    ['aaa bbb ccc', 7, '', ['aaa bbb', 'ccc']],
    ['aaa bbb ccc', 7, '  ', ['aaa bbb', '  ccc']],
    ['aaaaaaaaaa b', 4, '', ['aaaa', 'aaaa', 'aa b']],
    ['  spaced   out  ', 80, '', ['spaced out']],
    ['', 80, '', []]
  ])('[%#] %j at %d columns', (text, width, indent, lines) => {
    expect(wrap(text, width, indent)).toEqual(lines)
  })

  it('keeps the indent of example lines and hangs theirs two deeper', () => {
    expect(wrapText('Examples:\n  one two three', 12)).toEqual([
      'Examples:',
      '  one two',
      '    three'
    ])
  })
})

describe('help', () => {
  test.each<[number | undefined, string | undefined, number]>([
    [undefined, undefined, 80],
    [120, undefined, 120],
    [undefined, '100', 100],
    [20, undefined, 40]
  ])('[%#] columns %s, $COLUMNS %s: %d wide', (columns, env, width) => {
    expect(helpWidth(columns, env ? { COLUMNS: env } : {})).toBe(width)
  })

  test.each<[string, Record<string, unknown>, string]>([
    ['tls', { type: 'boolean', negatable: true }, '--[no-]tls'],
    ['quiet', { type: 'boolean' }, '--quiet'],
    ['help', { type: 'boolean', short: 'h' }, '-h, --help'],
    ['image', { type: 'string', placeholder: 'IMAGE' }, '--image IMAGE'],
    ['x', { type: 'string' }, '--x VALUE']
  ])('[%#] %s (%j) is shown as %s', (name, spec, label) => {
    expect(flagLabel(name, { help: '', ...spec } as never)).toBe(label)
  })

  it.each([40, 60, 80, 132])(
    'no help line is wider than %d columns',
    (width) => {
      const pages = [
        overviewHelp(COMMANDS, width),
        ...COMMANDS.map((c) => commandHelp(c, COMMON_OPTIONS, width))
      ]
      for (const line of pages.join('\n').split('\n')) {
        expect(line.length).toBeLessThanOrEqual(width)
      }
    }
  )

  test.each<[number, string[]]>([
    [80, ['  --image IMAGE  the image']],
    [40, ['  --image IMAGE', '        the image']]
  ])('[%#] at %d columns the description goes %j', (width, lines) => {
    const image: Record<string, OptionSpec> = {
      image: { type: 'string', placeholder: 'IMAGE', help: 'the image' }
    }
    expect(optionLines(image, width)).toEqual(lines)
  })

  it('gives a flag wider than the flag column a line of its own', () => {
    const long: Record<string, OptionSpec> = {
      'a-very-long-option-name-indeed': {
        type: 'string',
        placeholder: 'SOMETHING',
        help: 'text'
      },
      x: { type: 'boolean', help: 'short' }
    }
    expect(optionLines(long, 80)).toEqual([
      '  --a-very-long-option-name-indeed SOMETHING',
      '                                  text',
      '  --x                             short'
    ])
  })

  it("describes up's options with action.yml's text, default and variable", () => {
    const help = commandHelp(COMMANDS[0], COMMON_OPTIONS, 2000)
    expect(help).toMatch(
      /--mode MODE +How the job gets Docker: .* \(default dind; env DOCKER_NEST_MODE\)/
    )
    expect(help).toMatch(/--\[no-\]tls +Mutual TLS/)
  })
})

describe('build-time text', () => {
  it('input-docs.ts matches action.yml (else run scripts/cli-input-docs.mjs)', () => {
    const action = parse(readFileSync('action.yml', 'utf8')) as {
      inputs: Record<string, { description: string }>
    }
    const expected = Object.fromEntries(
      Object.entries(action.inputs).map(([name, input]) => [
        name,
        input.description.replace(/\s+/g, ' ').trim()
      ])
    )
    expect(INPUT_DESCRIPTIONS).toEqual(expected)
  })

  it("the version is package.json's", () => {
    const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as {
      version: string
    }
    expect(VERSION).toBe(pkg.version)
  })
})
