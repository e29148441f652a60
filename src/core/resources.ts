/**
 * The record of everything a nest created, saved (Action state or CLI state
 * file) as soon as each thing exists, so teardown also cleans half-finished
 * starts. One JSON object under one key, checked when read back.
 */
import type { SocketProxyRecord } from './socket-proxy.js'
import { HOST_DOCKER_ENV_KEYS, type HostDockerEnv } from './types.js'

/** Everything teardown needs. Absent fields were never created. */
export interface Resources {
  version: 1
  runId: string
  /** How to reach the runner's daemon (post's env points at the nest). */
  hostDocker: HostDockerEnv
  /** 'dood' when the job used the runner's daemon (nothing was created); absent for dind. */
  mode?: 'dood'
  /** dood: the socket main used, so post talks to the same daemon. */
  socket?: string
  /** dood with socket-proxy: the forwarder to stop (see socket-proxy.ts). */
  proxy?: SocketProxyRecord
  container?: string
  volume?: string
  certDir?: string
  /**
   * A cached nest (issue 6): the container is stopped in an orderly way and
   * pruned to `maxBytes`; its volume is the cache and is kept (never in `volume`).
   */
  cache?: { name: string; maxBytes?: number }
}

/** Saves the record after each change; the Action and the CLI each provide one. */
export interface ResourceRecorder {
  record(resources: Resources): Promise<void> | void
}

/** Our names: teardown refuses to touch anything else, even if state was tampered with. */
const OUR_NAME = /^docker-nest-[a-z0-9-]+$/
const OUR_CERT_DIR = /(^|\/)docker-nest-certs-[A-Za-z0-9_-]+$/

/** Thrown when a saved record cannot be trusted. */
export class ResourcesFormatError extends Error {
  constructor(message: string) {
    super(`docker-nest state is malformed: ${message}`)
    this.name = 'ResourcesFormatError'
  }
}

function optionalString(
  value: unknown,
  field: string,
  pattern?: RegExp
): string | undefined {
  if (value === undefined || value === null) return undefined
  if (typeof value !== 'string' || (pattern && !pattern.test(value))) {
    throw new ResourcesFormatError(`field '${field}' has an unexpected value`)
  }
  return value
}

function parseHostDocker(value: unknown): HostDockerEnv {
  if (typeof value !== 'object' || value === null) {
    throw new ResourcesFormatError("field 'hostDocker' is missing")
  }
  const host = {} as HostDockerEnv
  for (const key of HOST_DOCKER_ENV_KEYS) {
    host[key] =
      optionalString((value as Record<string, unknown>)[key], key) ?? null
  }
  return host
}

function optionalField<K extends string>(
  key: K,
  value: string | undefined
): Partial<Record<K, string>> {
  return value === undefined ? {} : ({ [key]: value } as Record<K, string>)
}

/** Our proxy sockets only: teardown deletes this path. */
const OUR_PROXY_SOCKET = /\/docker-nest-[A-Za-z0-9-]+\.sock$/

function parseProxy(value: unknown): SocketProxyRecord {
  const proxy = value as Record<string, unknown> | null
  const socket = optionalString(proxy?.socket, 'proxy.socket', OUR_PROXY_SOCKET)
  if (!socket || !Number.isInteger(proxy?.pid) || (proxy?.pid as number) <= 0) {
    throw new ResourcesFormatError("field 'proxy' has an unexpected value")
  }
  const startTime = optionalString(
    proxy?.startTime,
    'proxy.startTime',
    /^[0-9]{1,20}$/
  )
  return {
    socket,
    pid: proxy?.pid as number,
    ...(startTime ? { startTime } : {})
  }
}

function parseCache(value: unknown): Resources['cache'] {
  if (value === undefined) return undefined
  const cache = value as Record<string, unknown> | null
  const name = optionalString(cache?.name, 'cache.name', /^[a-z0-9-]{1,40}$/)
  const maxBytes = cache?.maxBytes
  if (
    !name ||
    (maxBytes !== undefined &&
      !(Number.isSafeInteger(maxBytes) && (maxBytes as number) > 0))
  ) {
    throw new ResourcesFormatError("field 'cache' has an unexpected value")
  }
  return maxBytes === undefined
    ? { name }
    : { name, maxBytes: maxBytes as number }
}

/** Parses and checks a saved record. */
export function parseResources(json: string): Resources {
  let data: Record<string, unknown>
  try {
    data = JSON.parse(json) as Record<string, unknown>
  } catch {
    throw new ResourcesFormatError('not JSON')
  }
  if (typeof data !== 'object' || data === null || data.version !== 1) {
    throw new ResourcesFormatError('unknown version')
  }
  const runId = optionalString(data.runId, 'runId')
  if (!runId) throw new ResourcesFormatError("field 'runId' is missing")
  if (data.mode !== undefined && data.mode !== 'dood') {
    throw new ResourcesFormatError("field 'mode' has an unexpected value")
  }
  return {
    version: 1,
    runId,
    hostDocker: parseHostDocker(data.hostDocker),
    ...(data.mode === 'dood' ? { mode: 'dood' as const } : {}),
    ...optionalField('socket', optionalString(data.socket, 'socket', /^\//)),
    ...(data.proxy === undefined ? {} : { proxy: parseProxy(data.proxy) }),
    container: optionalString(data.container, 'container', OUR_NAME),
    volume: optionalString(data.volume, 'volume', OUR_NAME),
    certDir: optionalString(data.certDir, 'certDir', OUR_CERT_DIR),
    ...(data.cache === undefined ? {} : { cache: parseCache(data.cache) })
  }
}

/** Serialises a record. */
export function serializeResources(resources: Resources): string {
  return JSON.stringify(resources)
}
