/** Shell output for `eval "$(docker-nest up)"`. */

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
