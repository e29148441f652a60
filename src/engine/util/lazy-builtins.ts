/**
 * Node builtins the main step needs only once the sidecar is starting (TLS
 * for the readiness checks, key generation, child processes), loaded on
 * first use instead of at startup: importing them up front costs ~15 ms
 * before the create request, measured on the test machines (create sent
 * 80 ms after Node's start instead of 95 ms). Types come from `import type`,
 * which emits nothing.
 */
import { createRequire } from 'node:module'

const load = createRequire(import.meta.url)

export const lazyCrypto = (): typeof import('node:crypto') =>
  load('node:crypto') as typeof import('node:crypto')

export const lazyTls = (): typeof import('node:tls') =>
  load('node:tls') as typeof import('node:tls')

export const lazyHttps = (): typeof import('node:https') =>
  load('node:https') as typeof import('node:https')

export const lazyChildProcess = (): typeof import('node:child_process') =>
  load('node:child_process') as typeof import('node:child_process')

export const lazyFsPromises = (): typeof import('node:fs/promises') =>
  load('node:fs/promises') as typeof import('node:fs/promises')
