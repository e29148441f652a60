/**
 * Docker-outside-of-Docker: the job uses the runner's own daemon through its
 * unix socket. Nothing is created; the socket is found, checked with `/_ping`
 * from Node, and described. Post changes nothing unless `cleanup: containers`
 * asks to remove the objects that carry the run's label.
 */
import type { JobContainerInspect } from '../dind/container-job.js'
import {
  daemonInfo,
  daemonVersion,
  getJsonOrText,
  ping,
  type DaemonEndpoint
} from '../docker/daemon-client.js'
import {
  errorText,
  retryWhileBusy,
  type DockerClient,
  type ObjectKind,
  type Outcome
} from '../docker/client.js'
import { LABELS } from '../dind/plan.js'
import {
  assertSocket,
  permissionFacts,
  permissionMessage,
  resolveSocket,
  type SocketEnv
} from './socket.js'
import { launchSocketProxy, type SocketProxyRecord } from './socket-proxy.js'
import type { DindOptions, Logger } from '../types.js'

/** What the rest of the job needs to use the runner's daemon. */
export interface DoodInfo {
  mode: 'dood'
  socket: string
  /** `unix://<socket>` */
  dockerHost: string
  serverVersion: string
  storageDriver: string
  /** `docker-nest.run=<runId>`: put it on objects `cleanup: containers` should remove. */
  label: string
  /** From the start of the socket lookup to the first answer. */
  readyMs: number
}

/** What {@link startDood} needs from its caller. */
export interface DoodDependencies {
  logger: Logger
  socketEnv?: SocketEnv
}

const PING_TIMEOUT_MS = 5000

/** The `key=value` label of one run, as exported in DOCKER_NEST_LABEL. */
export function runLabel(runId: string): string {
  return `${LABELS.run}=${runId}`
}

/** This user may not open the socket (`socket-proxy: true` can serve one it may). */
export class SocketPermissionError extends Error {
  constructor(
    readonly socket: string,
    message: string
  ) {
    super(message)
    this.name = 'SocketPermissionError'
  }
}

/** Finds and checks the socket; throws with the cause and the fix. */
export async function startDood(
  socketInput: string,
  runId: string,
  deps: DoodDependencies
): Promise<DoodInfo> {
  const started = performance.now()
  const choice = resolveSocket(socketInput, deps.socketEnv)
  deps.logger.info(`Docker socket ${choice.path} (from ${choice.source})`)
  assertSocket(choice)
  const endpoint: DaemonEndpoint = {
    host: 'localhost',
    port: 0,
    socketPath: choice.path
  }
  try {
    await ping(endpoint, PING_TIMEOUT_MS)
  } catch (error) {
    throw explainPingFailure(choice.path, error as NodeJS.ErrnoException)
  }
  const readyMs = Math.round(performance.now() - started)
  const [version, info] = await Promise.all([
    daemonVersion(endpoint),
    daemonInfo(endpoint)
  ])
  deps.logger.info(
    `Docker ${version.Version} answers on ${choice.path} ` +
      `(storage driver ${info.Driver})`
  )
  return {
    mode: 'dood',
    socket: choice.path,
    dockerHost: `unix://${choice.path}`,
    serverVersion: version.Version,
    storageDriver: info.Driver,
    label: runLabel(runId),
    readyMs
  }
}

function explainPingFailure(path: string, error: NodeJS.ErrnoException): Error {
  if (error.code === 'EACCES' || error.code === 'EPERM') {
    return new SocketPermissionError(
      path,
      permissionMessage(permissionFacts(path))
    )
  }
  if (error.code === 'ECONNREFUSED') {
    return new Error(
      `Nothing listens on the Docker socket ${path} (connection refused): ` +
        'the daemon is not running. Start it (sudo systemctl start docker) ' +
        "or point input 'socket' at a running daemon's socket."
    )
  }
  return new Error(
    `The Docker daemon on ${path} did not answer /_ping: ${error.message}. ` +
      'Check that dockerd is running and healthy (systemctl status docker).'
  )
}

/** `GET /containers/{id}/json` over the socket (dood needs no docker CLI); undefined when unknown. */
export async function inspectOverSocket(
  socket: string,
  id: string
): Promise<JobContainerInspect | undefined> {
  try {
    const endpoint = { host: 'localhost', port: 0, socketPath: socket }
    return JSON.parse(
      await getJsonOrText(endpoint, `/containers/${id}/json`, PING_TIMEOUT_MS)
    ) as JobContainerInspect
  } catch {
    return undefined
  }
}

/**
 * The bind-mount trap, said once: paths in `-v` resolve on the runner's host,
 * so in a container job the workspace's host path is what to mount.
 */
export function bindMountNote(workspaceHostPath?: string): string {
  const base =
    'dood: containers you start run on the runner’s daemon, next to this ' +
    'job, so bind-mount paths (-v ./dir:/x) resolve on the host, not in ' +
    'this step’s filesystem.'
  return workspaceHostPath
    ? `${base} This step runs in a container; the workspace is at ` +
        `${workspaceHostPath} on the host: mount that path.`
    : base
}

/** What {@link removeLabelled} removed and what it could not. */
export interface LabelledCleanupReport {
  removed: string[]
  warnings: string[]
}

/**
 * Removes the containers, then networks and volumes, carrying the run's
 * label — never anything else, never a prune — through the client for the
 * dood socket. Each kind is listed when its turn comes: removing a
 * container also removes its anonymous volumes.
 */
export async function removeLabelled(
  runId: string,
  docker: DockerClient,
  logger: Logger
): Promise<LabelledCleanupReport> {
  const report: LabelledCleanupReport = { removed: [], warnings: [] }
  const label = runLabel(runId)
  const kinds: [ObjectKind, (id: string) => Promise<Outcome>][] = [
    ['container', (id) => docker.removeContainer(id)],
    ['network', (id) => removeNetwork(id, docker, logger)],
    ['volume', (name) => docker.removeVolume(name, { force: true })]
  ]
  for (const [kind, remove] of kinds) {
    let ids: string[]
    try {
      ids = await docker.labelledIds(kind, label)
    } catch (error) {
      report.warnings.push(
        `Could not list ${kind}s labelled ${label}: ${errorText(error)}`
      )
      continue
    }
    for (const id of ids) {
      const removed = await remove(id)
      if (removed.ok) report.removed.push(`${kind} ${id}`)
      else
        report.warnings.push(`Could not remove ${kind} ${id}: ${removed.error}`)
    }
  }
  for (const line of report.removed) logger.info(`Removed ${line}`)
  if (report.removed.length === 0) {
    logger.info(`No objects labelled ${label} to remove.`)
  }
  return report
}

/** The daemon's refusal to remove a network something is still attached to. */
const ACTIVE_ENDPOINTS = /has active endpoints/
/** How long a network with endpoints gets to free them: rare, so brief. */
const ENDPOINTS_WAIT = { timeoutMs: 2000, intervalMs: 200 }

/**
 * `network rm`, freeing what still holds an endpoint first when the daemon
 * refuses, and again while a container's removal is still releasing one.
 */
function removeNetwork(
  network: string,
  docker: DockerClient,
  logger: Logger
): Promise<Outcome> {
  return retryWhileBusy(
    () => docker.removeNetwork(network),
    ACTIVE_ENDPOINTS,
    ENDPOINTS_WAIT,
    () => disconnectEndpoints(network, docker, logger)
  )
}

/**
 * Detaches whatever still holds an endpoint on one of the run's networks, so
 * the network can go. After its labelled containers are removed that is
 * either a container the job left unlabelled on the run's network (it keeps
 * running, detached from it) or a stale endpoint of a container the daemon
 * already removed (moby/moby#23302, #33156; seen on 20.10 right after
 * `docker rm -f`). Both go with `network disconnect --force` given the
 * endpoint's name: a stale endpoint has no container id to give. A network
 * that cannot be read has nothing to detach here; its removal says why.
 */
async function disconnectEndpoints(
  network: string,
  docker: DockerClient,
  logger: Logger
): Promise<void> {
  const names = await docker.networkEndpoints(network).catch(() => [])
  for (const name of names) {
    const result = await docker.disconnectNetwork(network, name)
    if (result.ok) {
      logger.info(
        `Disconnected ${name} from network ${network}: it still held an ` +
          'endpoint there, and the network is the run’s to remove.'
      )
    }
  }
}

/** What {@link connectDood} needs to start a socket proxy. */
export interface DoodProxyDependencies extends DoodDependencies {
  /** Where the proxy's socket and log go (RUNNER_TEMP, or the CLI state dir). */
  proxyDir: string
  /** The committed CLI bundle, which runs the proxy (`docker-nest socket-proxy`). */
  cliPath: string
  /** Records the proxy before it is used, so teardown can stop it. */
  recordProxy(proxy: SocketProxyRecord): Promise<void> | void
}

/**
 * dood, with `socket-proxy: true` honoured: when the socket refuses this
 * user, serve one they may use (through sudo) and use that instead.
 */
export async function connectDood(
  options: Pick<DindOptions, 'socket' | 'socketProxy'>,
  runId: string,
  deps: DoodProxyDependencies
): Promise<DoodInfo> {
  try {
    return await startDood(options.socket, runId, deps)
  } catch (error) {
    if (!(error instanceof SocketPermissionError) || !options.socketProxy) {
      throw error
    }
    deps.logger.info(
      `socket-proxy: ${error.socket} refuses this user; serving a socket ` +
        'of its own that forwards to it (the host socket is not changed).'
    )
    const proxy = await launchSocketProxy({
      target: error.socket,
      dir: deps.proxyDir,
      runId,
      node: process.execPath,
      cliPath: deps.cliPath,
      uid: process.getuid?.() ?? 0,
      gid: process.getgid?.() ?? 0
    })
    await deps.recordProxy(proxy)
    return startDood(proxy.socket, runId, deps)
  }
}
