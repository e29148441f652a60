/** Output formats for the variables of a nest (`up`, `env`). */

/** Quotes a value for POSIX sh. */
export function shellQuote(value: string): string {
  return `'${value.replace(/'/g, `'\\''`)}'`
}

/** `export NAME='value'` lines; an empty value is exported empty, which clears a stale one. */
export function exportLines(vars: Record<string, string>): string {
  return Object.entries(vars)
    .map(([name, value]) => `export ${name}=${shellQuote(value)}`)
    .join('\n')
}

/** The formats `--format` accepts. */
export const ENV_FORMATS = ['sh', 'fish', 'dotenv', 'json', 'github'] as const
export type EnvFormat = (typeof ENV_FORMATS)[number]

/** True when `value` is one of {@link ENV_FORMATS}. */
export function isEnvFormat(value: string): value is EnvFormat {
  return (ENV_FORMATS as readonly string[]).includes(value)
}

function fishQuote(value: string): string {
  return `'${value.replace(/[\\']/g, (c) => `\\${c}`)}'`
}

function dotenvValue(value: string): string {
  return /^[A-Za-z0-9_./:@+-]*$/.test(value)
    ? value
    : `"${value.replace(/[\\"$`]/g, (c) => `\\${c}`)}"`
}

/**
 * The variables in one format: sh (`eval`), fish (`| source`), dotenv
 * (docker compose `--env-file`, Jenkins), json, github (append to
 * $GITHUB_ENV). No trailing newline.
 */
export function formatEnv(
  vars: Record<string, string>,
  format: EnvFormat
): string {
  const entries = Object.entries(vars)
  for (const [name, value] of entries) {
    if (/[\n\r]/.test(value)) {
      throw new Error(
        `${name} contains a line break; it cannot be printed as ${format}`
      )
    }
  }
  switch (format) {
    case 'sh':
      return exportLines(vars)
    case 'fish':
      return entries.map(([n, v]) => `set -gx ${n} ${fishQuote(v)}`).join('\n')
    case 'dotenv':
      return entries.map(([n, v]) => `${n}=${dotenvValue(v)}`).join('\n')
    case 'json':
      return JSON.stringify(vars, null, 2)
    case 'github':
      return entries.map(([n, v]) => `${n}=${v}`).join('\n')
  }
}

/**
 * What a failed `up` or `env` prints on stdout, so `eval "$(docker-nest
 * up)"` and `docker-nest up --format fish | source` fail too: the shell
 * does not see the exit code of a command substitution, and with empty
 * output the eval succeeds and later docker commands reach the runner's own
 * daemon. sh: a subshell exits with the same code, which stops a `set -e`
 * script without ending an interactive shell (`return` would end an
 * interactive dash or zsh). fish: `false`, which `; or exit` sees.
 * Other formats get nothing: they are read by programs, not evaluated.
 */
export function failureLine(
  format: string,
  command: string,
  exitCode: number
): string | undefined {
  const comment = `# docker-nest ${command} failed (exit ${exitCode})`
  if (format === 'sh') return `(exit ${exitCode}) ${comment}`
  if (format === 'fish') return `false ${comment}`
  return undefined
}
