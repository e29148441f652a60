/**
 * How long a start waits for the daemon (`wait-timeout`) and what teardown
 * removes (`cleanup`).
 */
import { parseBoolean, quote } from './primitives.js'

const MAX_WAIT_SECONDS = 3600

/** Input `wait-timeout`: seconds in (0, 3600], returned in milliseconds. */
export function parseWaitTimeout(value: string, problems: string[]): number {
  const seconds = /^[0-9]+(\.[0-9]+)?$/.test(value) ? Number(value) : NaN
  if (!(seconds > 0 && seconds <= MAX_WAIT_SECONDS)) {
    problems.push(
      `Input 'wait-timeout' must be a number of seconds between 0 and ` +
        `${MAX_WAIT_SECONDS} (e.g. 60), got ${quote(value)}.`
    )
    return 0
  }
  return Math.round(seconds * 1000)
}

/** `cleanup`: a strict boolean, or 'containers' (also remove run-labelled objects). */
export function parseCleanup(
  value: string,
  problems: string[]
): { cleanup: boolean; cleanupContainers: boolean } {
  if (value === 'containers') return { cleanup: true, cleanupContainers: true }
  const parsed = ['true', 'True', 'TRUE', 'false', 'False', 'FALSE'].includes(
    value
  )
  if (!parsed) {
    problems.push(
      `Input 'cleanup' must be 'true', 'false' or 'containers', got ${quote(value)}.`
    )
  }
  return {
    cleanup: parseBoolean('cleanup', parsed ? value : 'true', problems),
    cleanupContainers: false
  }
}
