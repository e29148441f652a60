/**
 * The record of everything a nest created, saved (Action state or CLI state
 * file) as soon as each thing exists, so teardown also cleans half-finished
 * starts. One JSON object under one key, checked when read back.
 */
import { basename, dirname, isAbsolute, resolve } from 'node:path'
import {
  proxySocketPath,
  type SocketProxyRecord
} from '../dood/socket-proxy.js'
import { HOST_DOCKER_ENV_KEYS, type HostDockerEnv } from '../types.js'

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
  /** The sidecar: `docker-nest-<run id suffix>`, or a cached nest's. */
  container?: string
  /** Its data root, `<container>-data`; never a cache's volume. */
  volume?: string
  /** Client certificates, directly in RUNNER_TEMP (Action) or the state dir (CLI). */
  certDir?: string
  /**
   * A cached nest: the container is stopped in an orderly way and
   * pruned to `maxBytes`; its volume is the cache and is kept (never in `volume`).
   */
  cache?: { name: string; maxBytes?: number }
}

/** Saves the record after each change; the Action and the CLI each provide one. */
export interface ResourceRecorder {
  record(resources: Resources): Promise<void> | void
}

/**
 * A run id as plan.ts makes it (`<prefix>-<random>`): it goes into label
 * filters and names, so nothing that could change their meaning.
 */
const RUN_ID = /^[A-Za-z0-9][A-Za-z0-9-]{0,99}$/
/** The basename mkdtemp gives a client cert dir (tls.ts). */
const OUR_CERT_DIR = /^docker-nest-certs-[A-Za-z0-9_-]+$/

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

/**
 * True when `path` is an entry of `fileRoot` whose name matches `name`,
 * spelled the way main and `up` spell it: absolute, with no `.` or `..` to
 * hide another directory behind (`<root>/../../etc/docker-nest-certs-x`).
 */
function isDirectChild(path: string, fileRoot: string, name: RegExp): boolean {
  return (
    isAbsolute(path) &&
    resolve(path) === path &&
    dirname(path) === resolve(fileRoot) &&
    name.test(basename(path))
  )
}

function parseProxy(
  value: unknown,
  runId: string,
  fileRoot: string
): SocketProxyRecord {
  const proxy = value as Record<string, unknown> | null
  // The only socket this run's proxy serves (socket-proxy.ts); teardown deletes it.
  const socket = optionalString(proxy?.socket, 'proxy.socket')
  if (socket !== undefined && socket !== proxySocketPath(fileRoot, runId)) {
    throw new ResourcesFormatError(
      "field 'proxy.socket' has an unexpected value"
    )
  }
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

/**
 * A cached nest's container, named after its cache (../cache/cache.ts):
 * shared by every run of that cache, so teardown checks its run label
 * (../cache/teardown.ts).
 */
const CACHE_CONTAINER = /^docker-nest-cache-[a-z0-9][a-z0-9.-]*$/

/**
 * The names plan.ts gives this run's objects: `docker-nest-<suffix>` and
 * its `-data` volume, where the run id ends in `-<suffix>`; a cached nest's
 * container is named after its cache, and its volume (the cache) is kept,
 * so never recorded.
 */
function parseNames(
  data: Record<string, unknown>,
  runId: string,
  cache: Resources['cache']
): Pick<Resources, 'container' | 'volume'> {
  const suffix = runId.slice(runId.lastIndexOf('-') + 1)
  const container = optionalString(data.container, 'container')
  if (
    container !== undefined &&
    !(cache
      ? CACHE_CONTAINER.test(container)
      : container === `docker-nest-${suffix}`)
  ) {
    throw new ResourcesFormatError("field 'container' has an unexpected value")
  }
  const volume = optionalString(data.volume, 'volume')
  if (
    volume !== undefined &&
    (cache || volume !== `docker-nest-${suffix}-data`)
  ) {
    throw new ResourcesFormatError("field 'volume' has an unexpected value")
  }
  return { container, volume }
}

/**
 * Parses and checks a saved record: names must be this run's own, and
 * files (cert dir, proxy socket) direct children of `fileRoot`, where main
 * and `up` make them (RUNNER_TEMP, or the CLI's state dir). Teardown deletes
 * and removes what the record names, so a record that names anything else
 * is refused as a whole.
 */
export function parseResources(json: string, fileRoot: string): Resources {
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
  if (!RUN_ID.test(runId)) {
    throw new ResourcesFormatError("field 'runId' has an unexpected value")
  }
  if (data.mode !== undefined && data.mode !== 'dood') {
    throw new ResourcesFormatError("field 'mode' has an unexpected value")
  }
  const certDir = optionalString(data.certDir, 'certDir')
  if (certDir && !isDirectChild(certDir, fileRoot, OUR_CERT_DIR)) {
    throw new ResourcesFormatError("field 'certDir' has an unexpected value")
  }
  const cache = parseCache(data.cache)
  return {
    version: 1,
    runId,
    hostDocker: parseHostDocker(data.hostDocker),
    ...(data.mode === 'dood' ? { mode: 'dood' as const } : {}),
    ...optionalField('socket', optionalString(data.socket, 'socket', /^\//)),
    ...(data.proxy === undefined
      ? {}
      : { proxy: parseProxy(data.proxy, runId, fileRoot) }),
    ...parseNames(data, runId, cache),
    certDir,
    ...(cache ? { cache } : {})
  }
}

/** Serialises a record. */
export function serializeResources(resources: Resources): string {
  return JSON.stringify(resources)
}
