/**
 * Parses one command's options the way docker, gh and kubectl do:
 * `--name VALUE`, `--name=VALUE`, booleans as `--tls`, `--no-tls` or
 * `--tls=false`, and `-h`. Every mistake is one line that names the option
 * and the fix, with a guess for a mistyped name.
 */
import type { OptionSpec } from './commands/types.js'
import { didYouMean } from './suggest.js'
import { UsageError, seeHelp } from './usage.js'

/** Parsed option values by option name (without the dashes). */
export type OptionValues = Record<
  string,
  string | boolean | string[] | undefined
>

const TRUE = ['true', 'True', 'TRUE']
const FALSE = ['false', 'False', 'FALSE']

/** What a boolean option's word means, or undefined when it is none of its values. */
function booleanWord(
  spec: OptionSpec,
  word: string
): boolean | string | undefined {
  if (TRUE.includes(word)) return true
  if (FALSE.includes(word)) return false
  return spec.extraValues?.includes(word) ? word : undefined
}

/** "true or false", "true, false or unprivileged". */
export function listOf(words: readonly string[]): string {
  return words.length < 2
    ? words.join('')
    : `${words.slice(0, -1).join(', ')} or ${words[words.length - 1]}`
}

/** The spellings help shows, for "did you mean". */
export function flagNames(specs: Record<string, OptionSpec>): string[] {
  return Object.entries(specs).flatMap(([name, spec]) => [
    `--${name}`,
    ...(spec.negatable ? [`--no-${name}`] : []),
    ...(spec.short ? [`-${spec.short}`] : [])
  ])
}

/**
 * Splits `args` into option values and free words. `-h`/`--help` set
 * `help`. Throws {@link UsageError} for an unknown option, a missing or
 * invalid value, or `--no-` on a non-boolean.
 */
export function parseOptions(
  args: string[],
  specs: Record<string, OptionSpec>,
  command: string
): { values: OptionValues; positionals: string[] } {
  const values: OptionValues = {}
  const positionals: string[] = []
  function fail(message: string): never {
    throw new UsageError(`${message} ${seeHelp(command)}`)
  }
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]
    if (arg === '--') {
      positionals.push(...args.slice(i + 1))
      break
    }
    const short = Object.keys(specs).find((n) => arg === `-${specs[n].short}`)
    if (short) {
      values[short] = true
      continue
    }
    if (!arg.startsWith('-') || arg === '-') {
      positionals.push(arg)
      continue
    }
    const eq = arg.indexOf('=')
    const flag = eq < 0 ? arg : arg.slice(0, eq)
    const inline = eq < 0 ? undefined : arg.slice(eq + 1)
    let name = flag.replace(/^--?/, '')
    let spec = flag.startsWith('--') ? specs[name] : undefined
    let negated = false
    if (!spec && name.startsWith('no-')) {
      const base = specs[name.slice(3)]
      if (flag.startsWith('--') && base?.type === 'boolean') {
        name = name.slice(3)
        spec = base
        negated = true
      }
    }
    if (!spec) {
      fail(
        `Unknown option '${flag}' for 'docker-nest ${command}'.${didYouMean(flag, flagNames(specs))}`
      )
    }
    if (spec.type === 'boolean') {
      const words = ['true', 'false', ...(spec.extraValues ?? [])]
      if (negated) {
        if (inline !== undefined)
          fail(
            `Option '${flag}' takes no value; write '${flag}' or '--${name}=${inline}'.`
          )
        values[name] = false
        continue
      }
      if (inline !== undefined) {
        const value = booleanWord(spec, inline)
        if (value === undefined)
          fail(`Option '--${name}' takes ${listOf(words)}, got '${inline}'.`)
        values[name] = value
        continue
      }
      // `--tls false`, as releases that took booleans as strings read it.
      // No command takes a free word that could be true or false, so the
      // word can only be this option's value.
      const next =
        args[i + 1] === undefined ? undefined : booleanWord(spec, args[i + 1])
      values[name] = next ?? true
      if (next !== undefined) i++
      continue
    }
    let value = inline
    if (value === undefined) {
      const next = args[i + 1]
      const placeholder = spec.placeholder ?? 'VALUE'
      if (next === undefined) {
        fail(`Option '--${name}' needs a value: --${name} ${placeholder}.`)
      }
      if (next.startsWith('-') && next !== '-') {
        fail(
          `Option '--${name}' needs a value, got the option '${next}'; for a value that starts with '-', write --${name}=${next}.`
        )
      }
      value = next
      i++
    }
    if (spec.choices && !spec.choices.includes(value)) {
      fail(
        `Option '--${name}' must be ${listOf(spec.choices)}, got '${value}'.${didYouMean(value, spec.choices)}`
      )
    }
    values[name] = spec.multiple
      ? [...((values[name] as string[] | undefined) ?? []), value]
      : value
  }
  return { values, positionals }
}
