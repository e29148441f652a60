/**
 * One-call helpers on a daemon's Engine API (a nest over mutual TLS, or a
 * unix socket for dood), for callers that hold an endpoint rather than an
 * {@link EngineApi}: a `/_ping` costs a handshake instead of a docker CLI
 * process, which is what makes readiness polling cheap. Each goes through
 * the same request code as every other Engine API call (endpoint.ts).
 */
import { EngineApi } from './engine-api.js'
import type { DaemonEndpoint } from './endpoint.js'
import type { DaemonInfo, DaemonVersion } from '../types.js'

export type { DaemonEndpoint } from './endpoint.js'
export { readBody } from './endpoint.js'

/** An HTTP answer of the daemon, whatever its status. */
export interface DaemonAnswer {
  status: number
  body: string
}

/** Performs one request (GET unless told) and returns the body; rejects on non-2xx or timeout. */
export function getJsonOrText(
  endpoint: DaemonEndpoint,
  path: string,
  timeoutMs: number,
  method = 'GET'
): Promise<string> {
  return new EngineApi(endpoint).text(path, timeoutMs, method)
}

/** Performs one request and resolves with any HTTP answer; rejects only when none comes (refused, reset, timeout). */
export function requestAnswer(
  endpoint: DaemonEndpoint,
  path: string,
  timeoutMs: number,
  method = 'GET'
): Promise<DaemonAnswer> {
  return new EngineApi(endpoint).answer(path, timeoutMs, method)
}

/** Resolves when the daemon answers `GET /_ping` with OK. */
export function ping(endpoint: DaemonEndpoint, timeoutMs = 1000) {
  return new EngineApi(endpoint).ping(timeoutMs)
}

/** `GET /version`. */
export function daemonVersion(
  endpoint: DaemonEndpoint
): Promise<DaemonVersion> {
  return new EngineApi(endpoint).version()
}

/** `GET /info`. */
export function daemonInfo(endpoint: DaemonEndpoint): Promise<DaemonInfo> {
  return new EngineApi(endpoint).info()
}
