/** The shape every command module exports. */
import type { RawInputs } from '../../core/config.js'
import type { Logger } from '../../core/types.js'

/** One option of a command, as node:util parseArgs takes it, plus its help line. */
export interface OptionSpec {
  type: 'string' | 'boolean'
  multiple?: boolean
  /** `--name VALUE  help`; the VALUE placeholder for string options. */
  placeholder?: string
  help: string
}

/** What a command gets once its command line is parsed. */
export interface CommandContext {
  values: Record<string, string | boolean | string[] | undefined>
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
  run(context: CommandContext): Promise<number>
}
