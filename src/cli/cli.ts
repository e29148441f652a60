/**
 * The docker-nest command: the engine for GitLab jobs, Jenkins, self-hosted
 * runners and laptops. One module per command under commands/; this file
 * parses the command line, prints help and maps errors to exit codes:
 * 0 done, 1 failed, 2 bad usage or input.
 */
import { parseArgs } from 'node:util'
import { InputError, type RawInputs } from '../core/config.js'
import { errorMessage } from '../core/errors.js'
import { doctor } from './commands/doctor.js'
import { down } from './commands/down.js'
import { env } from './commands/env.js'
import { reap } from './commands/reap.js'
import { socketProxy } from './commands/socket-proxy.js'
import { status } from './commands/status.js'
import type { Command, OptionSpec } from './commands/types.js'
import { UP_INPUTS, envNameFor, up } from './commands/up.js'
import { wait } from './commands/wait.js'
import { createCliLogger } from './logger.js'
import { EXIT, UsageError, seeHelp } from './usage.js'

export { EXIT } from './usage.js'
export { envNameFor, nestEnvironment } from './commands/up.js'

/** Every command, in help order. */
export const COMMANDS: Command[] = [up, down, env, wait, status, reap, doctor]
/** Commands docker-nest runs itself; not listed in the help. */
const INTERNAL_COMMANDS: Command[] = [socketProxy]

const COMMON_OPTIONS: Record<string, OptionSpec> = {
  debug: { type: 'boolean', help: 'more detail on stderr' },
  help: { type: 'boolean', help: 'show help for the command' }
}

const EXIT_CODES =
  'Exit codes: 0 done, 1 failed (the message says why), 2 bad usage or input.'

/** The overview `docker-nest help` prints. */
export const HELP = `Usage: docker-nest <command> [options]

Commands:
${COMMANDS.map((c) => `  ${c.name.padEnd(7)} ${c.summary}`).join('\n')}
  help    show this help; 'docker-nest <command> --help' for one command

Messages go to stderr; stdout carries only what a command prints for use
(variables, tables), so eval "$(docker-nest up)" is safe.

${EXIT_CODES}
`

/** Help for one command: usage line, options, notes, exit codes. */
export function commandHelp(command: Command): string {
  const options = { ...command.options, ...COMMON_OPTIONS }
  const lines = Object.entries(options).map(([name, spec]) => {
    const flag = `--${name}${spec.placeholder ? ` ${spec.placeholder}` : ''}`
    return `  ${flag.padEnd(26)} ${spec.help}`
  })
  return [
    `Usage: docker-nest ${command.name} [options]`,
    '',
    `${command.summary[0].toUpperCase()}${command.summary.slice(1)}.`,
    '',
    'Options:',
    ...lines,
    ...(command.notes ? ['', command.notes] : []),
    '',
    EXIT_CODES,
    ''
  ].join('\n')
}

/** A parsed command line. */
export interface Parsed {
  command: string
  /** For `help <command>` / `<command> --help`: the command to explain. */
  topic?: string
  values: Record<string, string | boolean | string[] | undefined>
  inputs: RawInputs
  stateDir: string | undefined
  debug: boolean
}

function findCommand(name: string): Command {
  const command = [...COMMANDS, ...INTERNAL_COMMANDS].find(
    (c) => c.name === name
  )
  if (!command) throw new UsageError(`Unknown command '${name}'. ${seeHelp()}`)
  return command
}

/** Parses argv (without node and script); flags win over env vars. */
export function parseCommandLine(argv: string[], env = process.env): Parsed {
  const [first, ...rest] = argv
  const none = { values: {}, inputs: {}, stateDir: undefined, debug: false }
  if (first === undefined || first === '--help' || first === '-h') {
    return { command: 'help', ...none }
  }
  if (first === 'help') {
    if (rest.length > 1)
      throw new UsageError(`Unexpected argument '${rest[1]}'. ${seeHelp()}`)
    if (rest[0] !== undefined) findCommand(rest[0])
    return { command: 'help', topic: rest[0], ...none }
  }
  if (first.startsWith('-')) {
    throw new UsageError(
      `The command comes first (docker-nest <command> [options]), got '${first}'. ${seeHelp()}`
    )
  }
  const command = findCommand(first)
  const specs = { ...command.options, ...COMMON_OPTIONS }
  let parsed
  try {
    parsed = parseArgs({
      args: rest,
      options: Object.fromEntries(
        Object.entries(specs).map(([name, s]) => [
          name,
          { type: s.type, multiple: Boolean(s.multiple) }
        ])
      ),
      allowPositionals: true,
      strict: true
    })
  } catch (error) {
    throw new UsageError(
      `${(error as Error).message}. ${seeHelp(command.name)}`
    )
  }
  const { values, positionals } = parsed
  if (values.help) return { command: 'help', topic: command.name, ...none }
  if (positionals.length > 0) {
    throw new UsageError(
      `Unexpected argument '${positionals[0]}'. ${seeHelp(command.name)}`
    )
  }
  const inputs: RawInputs = {}
  if (command === up) {
    for (const name of UP_INPUTS) {
      const value = values[name] as string | string[] | undefined
      const fromEnv = env[envNameFor(name)]
      if (value !== undefined)
        inputs[name] = Array.isArray(value) ? value.join('\n') : value
      else if (fromEnv !== undefined) inputs[name] = fromEnv
    }
  }
  return {
    command: command.name,
    values: values as Parsed['values'],
    inputs,
    stateDir: values['state-dir'] as string | undefined,
    debug: Boolean(values.debug)
  }
}

/** Runs one command line; returns the exit code. */
export async function main(argv: string[]): Promise<number> {
  try {
    const parsed = parseCommandLine(argv)
    if (parsed.command === 'help') {
      process.stdout.write(
        parsed.topic ? commandHelp(findCommand(parsed.topic)) : HELP
      )
      return EXIT.ok
    }
    const logger = createCliLogger(parsed.debug)
    return await findCommand(parsed.command).run({
      ...parsed,
      logger,
      env: process.env
    })
  } catch (error) {
    process.stderr.write(`docker-nest: ${errorMessage(error)}\n`)
    return error instanceof UsageError || error instanceof InputError
      ? EXIT.usage
      : EXIT.failed
  }
}
