/**
 * Help text: the overview, one page per command, and the option lists,
 * wrapped to the terminal so no line is wider than it.
 */
import type { Command, OptionSpec } from './commands/types.js'

/** Columns to wrap help to: the terminal's, else $COLUMNS, else 80; never below 40. */
export function helpWidth(
  columns = process.stdout.columns,
  env = process.env
): number {
  return Math.max(40, columns || Number(env.COLUMNS) || 80)
}

/**
 * Wraps one paragraph to `width` columns. Continuation lines start with
 * `indent`; a word longer than a line is cut, so no line is wider.
 */
export function wrap(text: string, width: number, indent = ''): string[] {
  const lines: string[] = []
  let line = ''
  let prefix = ''
  for (let word of text.split(/\s+/).filter(Boolean)) {
    const room = width - (line === '' ? prefix.length : line.length + 1)
    if (word.length <= room) {
      line = line === '' ? prefix + word : `${line} ${word}`
      continue
    }
    if (line !== '') lines.push(line)
    prefix = indent
    while (prefix.length + word.length > width) {
      const cut = Math.max(1, width - prefix.length)
      lines.push(prefix + word.slice(0, cut))
      word = word.slice(cut)
    }
    line = prefix + word
  }
  if (line !== '') lines.push(line)
  return lines
}

/**
 * Wraps text of several lines: each keeps its own leading spaces, and the
 * continuation lines of an indented one (an example) are indented two more.
 */
export function wrapText(text: string, width: number): string[] {
  return text.split('\n').flatMap((line) => {
    if (line.trim() === '') return ['']
    const lead = /^ */.exec(line)![0]
    const hang = lead === '' ? '' : '  '
    return wrap(line.trim(), width - lead.length, hang).map((l) => lead + l)
  })
}

/** `-h, --help`, `--[no-]tls`, `--image IMAGE` for one option. */
export function flagLabel(name: string, spec: OptionSpec): string {
  const short = spec.short ? `-${spec.short}, ` : ''
  if (spec.type === 'boolean')
    return `${short}--${spec.negatable ? '[no-]' : ''}${name}`
  return `${short}--${name} ${spec.placeholder ?? 'VALUE'}`
}

/** Flag column: as wide as the widest flag up to this, longer flags stand alone. */
const MAX_FLAG_COLUMN = 30
/** Below this many columns for the text, descriptions go under their flag. */
const MIN_TEXT_COLUMN = 32

/** The option list: flag, then its description wrapped beside or under it. */
export function optionLines(
  options: Record<string, OptionSpec>,
  width: number
): string[] {
  const labels = Object.entries(options).map(
    ([name, spec]) => [flagLabel(name, spec), spec.help] as const
  )
  const flagColumn = Math.min(
    MAX_FLAG_COLUMN,
    Math.max(...labels.map(([label]) => label.length))
  )
  const textStart = 2 + flagColumn + 2
  const beside = width - textStart >= MIN_TEXT_COLUMN
  const hang = beside ? ' '.repeat(textStart) : ' '.repeat(8)
  return labels.flatMap(([label, help]) => {
    const text = wrap(help, width - hang.length).map((l) => hang + l)
    const flag = `  ${label}`
    if (beside && label.length <= flagColumn && text.length > 0) {
      return [flag.padEnd(textStart) + text[0].trimStart(), ...text.slice(1)]
    }
    return [...wrap(label, width - 2).map((l) => `  ${l}`), ...text]
  })
}

const EXIT_CODES =
  'Exit codes: 0 done, 1 failed (the message says why), 2 bad usage or input.'

/** The overview `docker-nest help` prints. */
export function overviewHelp(commands: Command[], width: number): string {
  const rows = [
    ...commands.map((c) => [c.name, c.summary] as const),
    [
      'help',
      "show this help; 'docker-nest <command> --help' for one command"
    ] as const
  ]
  const column = Math.max(...rows.map(([name]) => name.length))
  const lines = rows.flatMap(([name, summary]) => {
    const [first, ...rest] = wrap(summary, width - column - 4)
    return [
      `  ${name.padEnd(column)}  ${first}`,
      ...rest.map((l) => ' '.repeat(column + 4) + l)
    ]
  })
  return [
    'Usage: docker-nest <command> [options]',
    '',
    'Commands:',
    ...lines,
    '',
    'Options:',
    ...optionLines(
      {
        help: { type: 'boolean', short: 'h', help: 'show this help' },
        version: {
          type: 'boolean',
          short: 'v',
          help: "print docker-nest's version"
        }
      },
      width
    ),
    '',
    ...wrapText(
      'Messages go to stderr; stdout carries only what a command prints for ' +
        'use (variables, tables). In a script, run set -e and then ' +
        'eval "$(docker-nest up)": when up fails, the eval fails too and the ' +
        'script stops.',
      width
    ),
    '',
    ...wrapText(EXIT_CODES, width),
    ''
  ].join('\n')
}

/** Help for one command: usage line, summary, options, notes, exit codes. */
export function commandHelp(
  command: Command,
  commonOptions: Record<string, OptionSpec>,
  width: number
): string {
  const argument = command.argument ? ` ${command.argument.placeholder}` : ''
  const summary = `${command.summary[0].toUpperCase()}${command.summary.slice(1)}.`
  return [
    ...wrap(
      `Usage: docker-nest ${command.name} [options]${argument}`,
      width,
      '  '
    ),
    '',
    ...wrapText(summary, width),
    '',
    'Options:',
    ...optionLines({ ...command.options, ...commonOptions }, width),
    ...(command.notes ? ['', ...wrapText(command.notes, width)] : []),
    '',
    ...wrapText(EXIT_CODES, width),
    ''
  ].join('\n')
}
