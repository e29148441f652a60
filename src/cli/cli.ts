/**
 * The docker-nest command: the engine for GitLab jobs, Jenkins, self-hosted
 * runners and laptops. One module per command under commands/; this file
 * finds the command, parses its options (args.ts), prints help and maps
 * errors to exit codes: 0 done, 1 failed, 2 bad usage or input.
 */
import type { RawInputs } from '../engine/options/config.js'
import { listOf, parseOptions } from './args.js'
import { doctor } from './commands/doctor.js'
import { down } from './commands/down.js'
import { env } from './commands/env.js'
import { reap } from './commands/reap.js'
import { socketProxy } from './commands/socket-proxy.js'
import { status } from './commands/status.js'
import type { Command, OptionSpec } from './commands/types.js'
import { up } from './commands/up.js'
import { inputsFrom } from './commands/up-options.js'
import { wait } from './commands/wait.js'
import { SHELLS, completionScript, type Shell } from './completion.js'
import { evalGuard, exitCodeOf, failureMessage } from './failure.js'
import { commandHelp, helpWidth, overviewHelp } from './help.js'
import { createCliLogger } from './logger.js'
import { didYouMean } from './suggest.js'
import { EXIT, UsageError, seeHelp } from './usage.js'
import { VERSION } from './version.js'

export { EXIT } from './usage.js'
export { nestEnvironment } from './commands/up.js'
export { envNameFor } from './commands/up-options.js'

/** Options every command takes. */
export const COMMON_OPTIONS: Record<string, OptionSpec> = {
  debug: { type: 'boolean', help: 'more detail on stderr' },
  help: { type: 'boolean', short: 'h', help: 'show help for the command' }
}

/** `docker-nest completion bash|zsh|fish`. */
const completion: Command = {
  name: 'completion',
  summary: 'print a shell completion script for bash, zsh or fish',
  options: {},
  argument: { placeholder: 'bash|zsh|fish', choices: SHELLS },
  notes: [
    'Load it in the current shell:',
    '  source <(docker-nest completion bash)',
    '  source <(docker-nest completion zsh)      # after compinit',
    '  docker-nest completion fish | source',
    'or add that line to ~/.bashrc, ~/.zshrc or ~/.config/fish/config.fish.'
  ].join('\n'),
  async run({ positionals }) {
    process.stdout.write(
      completionScript(positionals[0] as Shell, COMMANDS, COMMON_OPTIONS)
    )
    return EXIT.ok
  }
}

/** Every command, in help order. */
export const COMMANDS: Command[] = [
  up,
  down,
  env,
  wait,
  status,
  reap,
  doctor,
  completion
]
/** Commands docker-nest runs itself; not listed in the help. */
const INTERNAL_COMMANDS: Command[] = [socketProxy]

/** A parsed command line. */
export interface Parsed {
  /** A command's name, or help or version. */
  command: string
  /** For `help <command>` / `<command> --help`: the command to explain. */
  topic?: string
  values: Record<string, string | boolean | string[] | undefined>
  positionals: string[]
  inputs: RawInputs
  stateDir: string | undefined
  debug: boolean
}

function findCommand(name: string): Command {
  const command = [...COMMANDS, ...INTERNAL_COMMANDS].find(
    (c) => c.name === name
  )
  if (!command) {
    const names = [...COMMANDS.map((c) => c.name), 'help']
    throw new UsageError(
      `Unknown command '${name}'.${didYouMean(name, names)} ${seeHelp()}`
    )
  }
  return command
}

/** The free word of a command that takes one, checked. */
function checkPositionals(command: Command, positionals: string[]): void {
  const { argument } = command
  const extra = positionals[argument ? 1 : 0]
  if (extra !== undefined) {
    throw new UsageError(
      `Unexpected argument '${extra}'. ${seeHelp(command.name)}`
    )
  }
  if (!argument) return
  const word = positionals[0]
  if (word === undefined || !argument.choices.includes(word)) {
    const got = word === undefined ? '' : `, got '${word}'`
    const guess = word === undefined ? '' : didYouMean(word, argument.choices)
    throw new UsageError(
      `'docker-nest ${command.name}' needs ${listOf(argument.choices)}${got}.${guess} ${seeHelp(command.name)}`
    )
  }
}

/** Parses argv (without node and script); flags win over env vars. */
export function parseCommandLine(argv: string[], env = process.env): Parsed {
  const [first, ...rest] = argv
  const none = {
    values: {},
    positionals: [],
    inputs: {},
    stateDir: undefined,
    debug: false
  }
  if (first === undefined || first === '--help' || first === '-h') {
    return { command: 'help', ...none }
  }
  if (first === '--version' || first === '-v') {
    return { command: 'version', ...none }
  }
  if (first === 'help') {
    if (rest.length > 1)
      throw new UsageError(`Unexpected argument '${rest[1]}'. ${seeHelp()}`)
    const topic = rest[0] === 'help' ? undefined : rest[0]
    if (topic !== undefined) findCommand(topic)
    return { command: 'help', topic, ...none }
  }
  if (first.startsWith('-')) {
    throw new UsageError(
      `The command comes first (docker-nest <command> [options]), got '${first}'. ${seeHelp()}`
    )
  }
  const command = findCommand(first)
  // -h anywhere shows the help, even next to a mistake.
  if (rest.includes('-h') || rest.includes('--help')) {
    return { command: 'help', topic: command.name, ...none }
  }
  const { values, positionals } = parseOptions(
    rest,
    { ...command.options, ...COMMON_OPTIONS },
    command.name
  )
  checkPositionals(command, positionals)
  return {
    command: command.name,
    values,
    positionals,
    inputs: command === up ? inputsFrom(values, env) : {},
    stateDir: values['state-dir'] as string | undefined,
    debug: Boolean(values.debug)
  }
}

/** Runs one command line; returns the exit code. */
export async function main(argv: string[]): Promise<number> {
  let debug = argv.includes('--debug')
  let code: number
  try {
    const parsed = parseCommandLine(argv)
    debug = parsed.debug
    if (parsed.command === 'help') {
      const width = helpWidth()
      process.stdout.write(
        parsed.topic
          ? commandHelp(findCommand(parsed.topic), COMMON_OPTIONS, width)
          : overviewHelp(COMMANDS, width)
      )
      return EXIT.ok
    }
    if (parsed.command === 'version') {
      process.stdout.write(`docker-nest ${VERSION}\n`)
      return EXIT.ok
    }
    const logger = createCliLogger(parsed.debug)
    code = await findCommand(parsed.command).run({
      ...parsed,
      logger,
      env: process.env
    })
  } catch (error) {
    process.stderr.write(`docker-nest: ${failureMessage(error, debug)}\n`)
    code = exitCodeOf(error)
  }
  const guard = evalGuard(argv, code)
  if (guard) process.stdout.write(`${guard}\n`)
  return code
}
