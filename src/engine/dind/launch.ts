/**
 * The sidecar's start: create and start it (sidecar.ts, through
 * sidecar-access.ts) while the client certificates are made, read back its
 * id, IP and port, and hand in the server certificate signed for them.
 */
import {
  DaemonStartError,
  describeState,
  diagnoseContainer
} from './diagnose.js'
import { runnerClient } from '../docker/runner-client.js'
import type { DockerCli } from '../docker/cli.js'
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
import type { SidecarAccess } from './sidecar-access.js'
import {
  CertificateAuthority,
  writeClientCertificates,
  type IssuedCertificate
} from '../tls/tls.js'
import type { Logger } from '../types.js'

/** What startDind (dind.ts) needs from its caller. */
export interface DindDependencies {
  docker: DockerCli
  logger: Logger
  recorder: ResourceRecorder
  /** Parent of the fresh client cert dir (RUNNER_TEMP for the Action). */
  certParentDir: string
  /** How to inspect, feed and watch the sidecar; default: sidecarAccess (sidecar-access.ts). */
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

/** The CA (its key in memory only) and the client certificate, with the directory of its files. */
export interface ClientMaterial {
  ca: CertificateAuthority
  certDir: string
  client: IssuedCertificate
}

/** The started sidecar, as the rest of the start needs it. */
export interface RunningSidecar {
  id: string
  ip: string
  port: number
  /** Settles with a reason when the container exits. */
  exited: Promise<string>
  stopWatching(): void
}

/**
 * The sidecar's create and start and, meanwhile, the client certificates
 * (neither needs the other until the copy); then read back id, IP and
 * port, and deliver the server certificate signed for them.
 */
export async function launch(
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
  const running = runSidecar(docker, plan, logger, (request) =>
    access.runDetached(request, {
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
        await diagnoseContainer(runnerClient(docker), plan.name)
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
