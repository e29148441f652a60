/**
 * Random values for names and file-command delimiters, read from the
 * kernel's generator (/proc/sys/kernel/random/uuid) so the main step does
 * not load node:crypto before its create request (~6 ms of its start);
 * node:crypto where /proc cannot answer.
 */
import { readFileSync } from 'node:fs'
import { lazyCrypto } from './lazy-builtins.js'

const UUID_V4 =
  /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/

/** A random (version 4) UUID. */
export function randomUuid(
  readKernelUuid: () => string = () =>
    readFileSync('/proc/sys/kernel/random/uuid', 'utf8')
): string {
  try {
    const uuid = readKernelUuid().trim()
    if (UUID_V4.test(uuid)) return uuid
  } catch {
    // no /proc (or not Linux): below
  }
  return lazyCrypto().randomUUID()
}

/** Four random bytes as 8 hex digits (the first group of a UUID is all random). */
export function randomHex8(): string {
  return randomUuid().slice(0, 8)
}
