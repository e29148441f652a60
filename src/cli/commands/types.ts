/** The shape every command module exports. */
import type { RawInputs } from '../../engine/options/config.js'
import type { Logger } from '../../engine/types.js'

/** One option of a command, its help line and what shell completion offers. */
export interface OptionSpec {
  /**
   * string: `--name VALUE` or `--name=VALUE`. boolean: `--name`,
   * `--no-name`, `--name=false`, and `--name true|false` as older releases
   * took it.
   */
  type: 'string' | 'boolean'
  /** The option may repeat; its values are kept in order. */
  multiple?: boolean
  /** `--name VALUE  help`; the VALUE placeholder for string options. */
  placeholder?: string
  help: string
  /** The values a string option takes: checked, and offered by completion. */
  choices?: readonly string[]
  /** Words a boolean option takes besides true and false (`--rootless=unprivileged`). */
  extraValues?: readonly string[]
  /** Boolean options: help shows `--[no-]name` (the parser takes `--no-` for every boolean). */
  negatable?: boolean
  /** One-letter alias, e.g. `h` for `-h, --help`. */
  short?: string
  /** Completion offers file or directory names for the value. */
  complete?: 'file' | 'dir'
}

/** The one free word a command takes, e.g. the shell of `completion`. */
export interface ArgumentSpec {
  placeholder: string
  choices: readonly string[]
}

/** What a command gets once its command line is parsed. */
export interface CommandContext {
  values: Record<string, string | boolean | string[] | undefined>
  /** The free words, for a command with an {@link ArgumentSpec}. */
  positionals: string[]
  /** Action inputs given as flags or DOCKER_NEST_* variables (up only). */
  inputs: RawInputs
  stateDir: string | undefined
  debug: boolean
  logger: Logger
  env: NodeJS.ProcessEnv
}

/** A docker-nest command. */
export interface Command {
  name: string
  summary: string
  /** Extra usage text after the option list (examples, notes). */
  notes?: string
  options: Record<string, OptionSpec>
  /** The free word the command takes; commands without one take none. */
  argument?: ArgumentSpec
  run(context: CommandContext): Promise<number>
}
