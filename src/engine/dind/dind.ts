/**
 * Starts a Docker-in-Docker sidecar and waits until its daemon answers:
 * certificates (in-process), `docker run`, the server certificate signed for
 * the container's real IP and copied in, then mTLS readiness polling while
 * `docker wait` watches for an early exit. Every resource is recorded before
 * it is created, so teardown can always remove it.
 */
import {
  daemonInfo,
  requestAnswer,
  type DaemonAnswer,
  type DaemonEndpoint
} from '../docker/daemon-client.js'
import {
  DaemonStartError,
  describeState,
  diagnoseContainer,
  type Diagnosis
} from './diagnose.js'
import type { DockerCli } from '../docker/cli.js'
import { BRIDGE_NETWORK_PATH, bridgeMtu, describeMtu } from './mtu.js'
import { phase } from '../lifecycle/phase.js'
import { pullReporter } from '../docker/pull-progress.js'
import { describeIsolation, explainUnknownRuntime } from '../options/runtime.js'
import type { DindPlan } from './plan.js'
import type { ResourceRecorder, Resources } from '../lifecycle/resources.js'
import {
  containerIp,
  deliverDaemonConfig,
  deliverServerCertificate,
  explainRunFailure,
  publishedPort,
  runSidecar
} from './sidecar.js'
import { signal } from '../lifecycle/signal.js'
import { sidecarAccess, type SidecarAccess } from './sidecar-access.js'
import { reportFastStart } from './fast-start-report.js'
import { daemonFactsFromLog, type DaemonFacts } from './sidecar-log.js'
import {
  CertificateAuthority,
  writeClientCertificates,
  type IssuedCertificate
} from '../tls/tls.js'
import type { Logger } from '../types.js'
import { waitFor } from '../docker/wait.js'

/**
 * Readiness polling interval. dockerd opens its TCP listener as it starts
 * ("Starting up", measured on 20.10 and 26) but serves only ~0.2-0.3 s
 * later, once initialised: an attempt made in between waits in the
 * listener's backlog and is answered the moment dockerd serves. So the
 * interval decides only how soon an attempt is under way after the
 * listener opens, not how soon the daemon is noticed; each failed attempt
 * costs a TLS socket here and a docker-proxy connection on the runner, CPU
 * the starting daemons would rather have (10 ms polling: ~12 attempts).
 */
const READY_POLL_INTERVAL_MS = 30
/** One attempt may take this long (a TLS handshake on a loaded runner), but never past the deadline. */
const ATTEMPT_TIMEOUT_MS = 1000
const MIN_ATTEMPT_TIMEOUT_MS = 20

/** What the rest of the job needs to use the nest. */
export interface NestInfo {
  mode: 'dind'
  image: string
  /** `tcp://127.0.0.1:<port>`; in a container job `tcp://docker:2376`. */
  dockerHost: string
  /** Client cert dir (ca.pem, cert.pem, key.pem); undefined with tls: false. */
  certPath: string | undefined
  tlsVerify: boolean
  containerId: string
  containerName: string
  containerIp: string
  port: number
  serverVersion: string
  storageDriver: string
  /** '1' or '2'; '' when unknown. */
  cgroupVersion: string
  /** MTU of the inner networks: the one passed to dockerd, else dockerd's default. */
  mtu: number
  /** From the start of the certificates to the first successful ping. */
  readyMs: number
}

/** What {@link startDind} needs from its caller. */
export interface DindDependencies {
  docker: DockerCli
  logger: Logger
  recorder: ResourceRecorder
  /** Parent of the fresh client cert dir (RUNNER_TEMP for the Action). */
  certParentDir: string
  /** How to inspect, feed and watch the sidecar; default: {@link sidecarAccess}. */
  access?: SidecarAccess
  /**
   * Called once the sidecar's start is on its way (see SidecarAccess): the
   * daemon is busy for a few hundred ms, so background work (the reaper)
   * begins here without delaying the create request. Not later, once the
   * start has returned: the reaper that lists soonest after a crash is the
   * one that removes the crashed job's nest and can say so.
   */
  onStarting?: () => void
}

const DOCKERD_DEFAULT_MTU = 1500

interface ClientMaterial {
  ca: CertificateAuthority
  certDir: string
  client: IssuedCertificate
}

/** Starts the sidecar described by `plan`; throws with a diagnosis if it never answers. */
export async function startDind(
  plan: DindPlan,
  resources: Resources,
  deps: DindDependencies
): Promise<NestInfo> {
  const { logger } = deps
  const started = performance.now()
  const access = deps.access ?? sidecarAccess(deps.docker, logger.debug)
  logger.debug(`dind.startDind: sidecar calls via ${access.via}`)
  resources.container = plan.name
  // A cache volume is kept: teardown stops the nest but never removes it.
  if (plan.cache) resources.cache = plan.cache
  else resources.volume = plan.volume
  await deps.recorder.record(resources)
  const { container, material } = await phase(logger, 'Start dind', () =>
    launch(plan, resources, deps, access)
  )
  try {
    const address = daemonAddress(plan, container)
    const endpoint: DaemonEndpoint = {
      host: address.host,
      port: address.port,
      tls: material && {
        ca: material.ca.certPem,
        cert: material.client.certPem,
        key: material.client.keyPem
      }
    }
    const firstAnswer = await phase(logger, 'Wait for daemon', () =>
      waitForDaemon(plan, endpoint, container.exited, deps)
    )
    const readyMs = Math.round(performance.now() - started)
    const [facts] = await Promise.all([
      daemonFacts(endpoint, access, plan.name, logger),
      reportFastStart(access, plan, logger)
    ])
    const innerMtu = bridgeMtu(firstAnswer)
    logger.info(
      `Docker ${facts.serverVersion} is ready after ${readyMs} ms ` +
        `(storage driver ${facts.storageDriver}, cgroup v${facts.cgroupVersion || '?'})`
    )
    const mtu = innerMtu ?? plan.mtu ?? DOCKERD_DEFAULT_MTU
    logger.info(describeMtu(plan.mtuSetting, mtu, facts.serverVersion))
    return {
      mode: 'dind',
      image: plan.image,
      dockerHost: `tcp://${address.name}:${address.port}`,
      certPath: material?.certDir,
      tlsVerify: plan.tls,
      containerId: container.id,
      containerName: plan.name,
      containerIp: container.ip,
      port: address.port,
      ...facts,
      mtu,
      readyMs
    }
  } finally {
    container.stopWatching()
    access.detach?.(plan.name)
  }
}

/**
 * How long the daemon's "Docker daemon" line may trail its first answer:
 * dockerd logs it ~30-40 ms before its API listens, but the line reaches
 * main through the runner's daemon.
 */
const DAEMON_LINE_WAIT_MS = 100

/**
 * Version, storage driver and cgroup version of the nested daemon: from its
 * log where main has it already (sidecar-log.ts), else `GET /info`.
 */
async function daemonFacts(
  endpoint: DaemonEndpoint,
  access: SidecarAccess,
  name: string,
  logger: Logger
): Promise<DaemonFacts> {
  const log = access.liveLog?.(name)
  const wholeLog = access.cheapLog
  const fromLog =
    log &&
    wholeLog &&
    (await daemonFactsFromLog(log, DAEMON_LINE_WAIT_MS, () => wholeLog(name)))
  if (fromLog) {
    logger.debug("dind.facts: from the daemon's log (no GET /info)")
    return fromLog
  }
  const info = await daemonInfo(endpoint)
  return {
    serverVersion: info.ServerVersion,
    storageDriver: info.Driver,
    cgroupVersion: info.CgroupVersion ?? ''
  }
}

/**
 * Where the job reaches the daemon: the published loopback port, or in a
 * container job the container's own port on the shared network, by the alias
 * `docker` (or the IP on the default bridge, where aliases do not resolve).
 */
function daemonAddress(
  plan: DindPlan,
  container: RunningSidecar
): { host: string; name: string; port: number } {
  if (!plan.jobNetwork) {
    return { host: '127.0.0.1', name: '127.0.0.1', port: container.port }
  }
  return {
    host: container.ip,
    name: plan.jobNetwork.alias ? 'docker' : container.ip,
    port: plan.containerPort
  }
}

interface RunningSidecar {
  id: string
  ip: string
  port: number
  /** Settles with a reason when the container exits. */
  exited: Promise<string>
  stopWatching(): void
}

/**
 * `docker run` and, meanwhile, the client certificates (neither needs the
 * other until the copy); then read back id, IP and port, and deliver the
 * server certificate signed for them.
 */
async function launch(
  plan: DindPlan,
  resources: Resources,
  deps: DindDependencies,
  access: SidecarAccess
): Promise<{ container: RunningSidecar; material?: ClientMaterial }> {
  const { docker, logger } = deps
  logger.info(`Image ${plan.image}, container ${plan.name}`)
  logger.info(
    `Sidecar: ${describeIsolation(plan.runtime, plan.rootlessUnprivileged)}${plan.rootless ? ', rootless (uid 1000)' : ''}`
  )
  logger.debug(
    `dind.launch: dockerd flags: ${plan.daemonArgs.join(' ') || '(none)'}`
  )
  // Certificates are CPU work in this process, needed only once the sidecar
  // runs. The CA and the client's are made while the daemon creates the
  // container (sidecar-access.ts says when), the server's once the start is
  // on its way. On a 2-CPU runner either daemon call slows down by about
  // the CPU taken here meanwhile; split this way main ended ~25-30 ms
  // sooner (median of 20 interleaved rounds) than with all of it during
  // the start, which is the longer and busier call.
  const creating = signal()
  const starting = signal()
  const kick = (): void => {
    creating.fire()
    starting.fire()
    deps.onStarting?.()
  }
  // Files to hand in (sidecar.ts) go on the sidecar's stdin where the API
  // allows it; uid 1000 (rootless) could not write them as root's.
  const filesByStdin =
    (plan.tls || plan.daemonConfig !== undefined) && !plan.rootless
  // Only `docker run` pulls (a missing image): its output says so, at no
  // cost when the image is here already.
  const pull = pullReporter(plan.image, logger)
  const running = runSidecar(docker, plan, logger, (args) =>
    access.runDetached(args, {
      onCreating: creating.fire,
      onStarting: kick,
      filesByStdin,
      onRunOutput: pull.write
    })
  ).finally(() => {
    pull.stop()
    kick()
  })
  const clientMaterial = creating.fired.then(() =>
    plan.tls ? makeClientMaterial(resources, deps) : undefined
  )
  // Where clients reach the daemon on 127.0.0.1 (no job network), the
  // server certificate needs no name that only the running container has,
  // so it goes onto the attached stdin while the daemon is still starting
  // the container: dockerd's entrypoint finds it at once, as with
  // certificates copied in before the start. On a job network clients may
  // use the container's IP, which is known only after the start.
  const early = !plan.jobNetwork
  let deliveredEarly = false
  const [ran, made] = await Promise.allSettled([
    running,
    Promise.all([clientMaterial, starting.fired]).then(async ([material]) => {
      if (early && access.stdinPending?.(plan.name)) {
        await deliverFiles(access, plan, material)
        deliveredEarly = true
      }
      return material
    })
  ])
  if (ran.status === 'rejected') {
    throw (
      (await explainUnknownRuntime(docker, plan.runtime, ran.reason)) ??
      explainRunFailure(plan, ran.reason)
    )
  }
  if (made.status === 'rejected') throw made.reason
  const material = made.value
  const watcher = access.watchExit(plan.name)
  try {
    const inspect = await access.inspect(plan.name)
    if (!inspect.State.Running) {
      // Stopped already (killed, or its command failed at once): it has no
      // IP or port to report, so say why it stopped instead.
      throw new DaemonStartError(
        'The inner Docker daemon did not start: the sidecar stopped right ' +
          `after docker run (${describeState(inspect.State)}).`,
        await diagnoseContainer(docker, plan.name)
      )
    }
    const ip = containerIp(inspect)
    const port = publishedPort(inspect, plan.containerPort)
    logger.info(
      `Container ${inspect.Id.slice(0, 12)} at ${ip}, daemon port 127.0.0.1:${port}`
    )
    // Not yet delivered, or delivered to an attempt that lost its port
    // (runSidecar made a new container, whose stdin still waits).
    if (!deliveredEarly || access.stdinPending?.(plan.name)) {
      await deliverFiles(access, plan, material, {
        ip,
        shortId: inspect.Id.slice(0, 12)
      })
    }
    return { container: { id: inspect.Id, ip, port, ...watcher }, material }
  } catch (error) {
    watcher.stopWatching()
    throw error
  }
}

/**
 * The server certificate (names of the plan, plus the container's IP and
 * short id when given) with daemon.json, or daemon.json alone without TLS.
 */
async function deliverFiles(
  access: SidecarAccess,
  plan: DindPlan,
  material: ClientMaterial | undefined,
  running?: { ip: string; shortId: string }
): Promise<void> {
  if (material) {
    await deliverServerCertificate(access.copyIn, plan, material.ca, running)
  } else if (plan.daemonConfig) {
    await deliverDaemonConfig(access.copyIn, plan)
  }
}

/** The CA (in memory only) and the client files, recorded as soon as they exist. */
async function makeClientMaterial(
  resources: Resources,
  deps: DindDependencies
): Promise<ClientMaterial> {
  const ca = await CertificateAuthority.create()
  const client = await ca.issueClientCertificate()
  let certDir: string
  try {
    certDir = await writeClientCertificates(
      deps.certParentDir,
      ca.certPem,
      client,
      async (dir) => {
        resources.certDir = dir
        await deps.recorder.record(resources)
      }
    )
  } catch (error) {
    throw new Error(
      `Could not write the client certificates under ${deps.certParentDir}: ` +
        `${(error as Error).message}. That directory (RUNNER_TEMP for the ` +
        'Action, --state-dir for the CLI) must be writable with a few KB free.',
      { cause: error }
    )
  }
  deps.logger.info(`Client certificates in ${certDir} (ECDSA P-256)`)
  return { ca, certDir, client }
}

/**
 * Polls until the daemon answers; on exit or timeout, throws with a
 * diagnosis. The request is `GET /networks/bridge`, not `/_ping`: main
 * needs the default bridge's MTU next (mtu.ts), and the first answer
 * carries it instead of a request of its own after it (~3-8 ms on 20.10,
 * where dockerd still builds its unix socket's router then). Any HTTP
 * answer means dockerd serves: nothing else listens behind the port, with
 * TLS only it holds the server key, and one without a default bridge
 * (daemon-config `"bridge": "none"`) answers 404.
 */
async function waitForDaemon(
  plan: DindPlan,
  endpoint: DaemonEndpoint,
  exited: Promise<string>,
  deps: DindDependencies
): Promise<DaemonAnswer> {
  const result = await waitFor(
    (remainingMs) =>
      requestAnswer(
        endpoint,
        BRIDGE_NETWORK_PATH,
        Math.max(
          MIN_ATTEMPT_TIMEOUT_MS,
          Math.min(ATTEMPT_TIMEOUT_MS, remainingMs)
        )
      ),
    {
      timeoutMs: plan.waitTimeoutMs,
      intervalMs: READY_POLL_INTERVAL_MS,
      stop: exited
    }
  )
  if (result.status === 'ready') {
    deps.logger.info(
      `Daemon answered GET ${BRIDGE_NETWORK_PATH} after ${result.attempts} attempts`
    )
    return result.value
  }
  const summary =
    result.status === 'stopped'
      ? `The inner Docker daemon did not start: ${result.reason} after ${result.elapsedMs} ms.`
      : `The inner Docker daemon did not answer within ${plan.waitTimeoutMs / 1000} s ` +
        `(wait-timeout); last error: ${String((result.lastError as Error)?.message ?? result.lastError)}.`
  const diagnosis: Diagnosis = await diagnoseContainer(deps.docker, plan.name)
  throw new DaemonStartError(summary, diagnosis)
}
