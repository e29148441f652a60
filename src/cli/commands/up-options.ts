/**
 * The options of `up` (and `--format` of `env`): one flag per Action input,
 * derived from the inputs table in src/engine/options/config.ts, described with
 * action.yml's text (src/cli/input-docs.ts).
 */
import {
  INPUT_DEFAULTS,
  type InputName,
  type RawInputs
} from '../../engine/options/config.js'
import { INPUT_DESCRIPTIONS } from '../input-docs.js'
import { ENV_FORMATS, isEnvFormat } from '../shell.js'
import { UsageError } from '../usage.js'
import type { OptionSpec } from './types.js'

/** Inputs that are lists: their flags may repeat. */
export const LIST_INPUTS: InputName[] = [
  'dockerd-args',
  'registry-mirrors',
  'insecure-registries',
  'tls-san',
  'default-address-pools'
]
/**
 * Inputs that only make sense for the Action (or are not wired into the CLI
 * yet): post's cleanup policy, the docker CLI install through the Actions
 * tool cache, exporting DOCKER_HOST & co. to later steps (`up` prints them
 * and the shell decides), the client set-up that post undoes (docker
 * context, Testcontainers host), and the start in the Action's pre step.
 */
const ACTION_ONLY: InputName[] = [
  'cleanup',
  'docker-cli-version',
  'docker-cli-url',
  'docker-cli-sha256',
  'set-host',
  'context',
  'testcontainers-host-override',
  'early-start'
]
/** The Action inputs `up` takes as flags. */
export const UP_INPUTS = (Object.keys(INPUT_DEFAULTS) as InputName[]).filter(
  (name) => !ACTION_ONLY.includes(name)
)

/** Env var name for an input: DOCKER_NEST_WAIT_TIMEOUT for wait-timeout. */
export function envNameFor(name: InputName): string {
  return `DOCKER_NEST_${name.toUpperCase().replace(/-/g, '_')}`
}

/** What the value of a string input looks like in `--name VALUE`; VALUE for the rest. */
const PLACEHOLDERS: Partial<Record<InputName, string>> = {
  mode: 'MODE',
  image: 'IMAGE',
  'wait-timeout': 'SECONDS',
  'dockerd-args': 'FLAG',
  'registry-mirrors': 'URL',
  'insecure-registries': 'HOST',
  mtu: 'auto|N',
  'tls-san': 'SAN',
  socket: 'PATH',
  'daemon-config': 'JSON',
  'default-address-pools': 'POOL',
  runtime: 'NAME',
  cache: 'NAME',
  'cache-busy': 'fallback|fail',
  'cache-max-size': 'SIZE'
}
/** Values completion offers and the parser checks (config.ts checks the rest). */
const CHOICES: Partial<Record<InputName, readonly string[]>> = {
  mode: ['dind', 'dood', 'auto'],
  'cache-busy': ['fallback', 'fail']
}
/** Words a boolean input takes besides true and false. */
const EXTRA_VALUES: Partial<Record<InputName, readonly string[]>> = {
  rootless: ['unprivileged']
}

/** A boolean input: its default is true or false. */
function isBooleanInput(name: InputName): boolean {
  const value: string = INPUT_DEFAULTS[name]
  return value === 'true' || value === 'false'
}

/** The help of one input's flag: action.yml's text, the default and the env var. */
function inputHelp(name: InputName): string {
  const fallback = INPUT_DEFAULTS[name]
  const notes = [
    ...(fallback ? [`default ${fallback}`] : []),
    ...(LIST_INPUTS.includes(name) ? ['repeatable'] : []),
    `env ${envNameFor(name)}`
  ]
  const text = INPUT_DESCRIPTIONS[name] ?? ''
  return `${text}${text ? ' ' : ''}(${notes.join('; ')})`
}

/** `up`'s flags, one per input in {@link UP_INPUTS}. */
export const INPUT_OPTIONS: Record<string, OptionSpec> = Object.fromEntries(
  UP_INPUTS.map((name): [string, OptionSpec] => [
    name,
    isBooleanInput(name)
      ? {
          type: 'boolean',
          negatable: true,
          extraValues: EXTRA_VALUES[name],
          help: inputHelp(name)
        }
      : {
          type: 'string',
          multiple: LIST_INPUTS.includes(name),
          placeholder: PLACEHOLDERS[name] ?? 'VALUE',
          choices: CHOICES[name],
          complete: name === 'socket' ? 'file' : undefined,
          help: inputHelp(name)
        }
  ])
)

/** The inputs from the flags, else from DOCKER_NEST_* variables. */
export function inputsFrom(
  values: Record<string, string | boolean | string[] | undefined>,
  env: NodeJS.ProcessEnv
): RawInputs {
  const inputs: RawInputs = {}
  for (const name of UP_INPUTS) {
    const value = values[name]
    const fromEnv = env[envNameFor(name)]
    if (value !== undefined)
      inputs[name] = Array.isArray(value) ? value.join('\n') : String(value)
    else if (fromEnv !== undefined) inputs[name] = fromEnv
  }
  return inputs
}

/** `--format`, shared with `env`. */
export const FORMAT_OPTION: Record<string, OptionSpec> = {
  format: {
    type: 'string',
    placeholder: 'FORMAT',
    choices: ENV_FORMATS,
    help: `output format: ${ENV_FORMATS.join(', ')} (default sh)`
  }
}

/** The --format value, checked. */
export function envFormatOf(value: unknown, command: string) {
  const format = (value as string | undefined) ?? 'sh'
  if (!isEnvFormat(format)) {
    throw new UsageError(
      `Option '--format' must be one of ${ENV_FORMATS.join(', ')}, got '${format}'. Run 'docker-nest ${command} --help'.`
    )
  }
  return format
}
