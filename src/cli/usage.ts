/** Exit codes and usage errors shared by every command. */

/** Exit codes, documented in --help and the README. */
export const EXIT = { ok: 0, failed: 1, usage: 2 } as const

/** Bad command line: reported with exit code 2. */
export class UsageError extends Error {}

/** The line every usage error ends with. */
export function seeHelp(command?: string): string {
  return `Run 'docker-nest ${command ? `${command} --help` : 'help'}'.`
}
