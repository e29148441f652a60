/**
 * The sidecar container itself: its start (retried when its host port was
 * taken) and what a failed one means, its address read back, and the server
 * certificate handed in (sidecar-access.ts says how). dind.ts sequences
 * these.
 */
import { daemonConfigEntries } from '../options/daemon-config.js'
import { breakStaleLock, isNameConflict } from '../cache/cache.js'
import { classifyLog } from './diagnose.js'
import { DockerCommandError, type DockerCli } from '../docker/cli.js'
import { runnerClient } from '../docker/runner-client.js'
import { buildDindCreateRequest, type DindPlan } from './plan.js'
import type { CreateRequest } from '../docker/create-request.js'
import { runArgsFromCreate } from '../docker/run-args.js'
import { CERTS_READY_MARKER, CERT_DIR_IN_CONTAINER } from './startup-script.js'
import { certOwnerFor } from '../options/rootless.js'
import { localProcessTable } from '../lifecycle/owner.js'
import type { TarEntry } from '../docker/tar.js'
import type { CertificateAuthority } from '../tls/tls.js'
import type { ContainerInspect, Logger } from '../types.js'

/** `docker run` attempts when the ephemeral host port was taken meanwhile. */
export const RUN_ATTEMPTS = 3
/**
 * What dockerd says when the host port it picked is not free after all: its
 * allocator raced another container, or a process outside Docker holds the
 * port (the userland proxy then cannot bind it).
 */
const PORT_TAKEN = /port is already allocated|address already in use/i

/**
 * Creates and starts the sidecar (`runDetached`: sidecar-access.ts, by
 * default `docker run`), retried when the host port is taken: such a run
 * leaves a created-but-not-started container, which is removed (same name,
 * already recorded) before the next attempt lets dockerd pick another
 * ephemeral port. The volume is kept and reused. Errors are the
 * {@link DockerCommandError} `docker run` gives, whichever way it ran.
 */
export async function runSidecar(
  docker: DockerCli,
  plan: DindPlan,
  logger: Logger,
  runDetached: (request: CreateRequest) => Promise<unknown> = (request) =>
    docker.exec(runArgsFromCreate(request))
): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await runDetached(buildDindCreateRequest(plan))
      return
    } catch (error) {
      if (
        plan.cache &&
        error instanceof DockerCommandError &&
        isNameConflict(error.stderr) &&
        attempt < RUN_ATTEMPTS
      ) {
        // Another container holds the cache: break it if its job is gone, else CacheBusyError.
        const lock = { cache: plan.cache.name, container: plan.name }
        const note = await breakStaleLock(runnerClient(docker), lock, {
          nowSeconds: Math.floor(Date.now() / 1000),
          table: localProcessTable()
        })
        if (note) logger.warning(note)
        continue
      }
      const portTaken =
        error instanceof DockerCommandError && PORT_TAKEN.test(error.stderr)
      if (!portTaken || attempt >= RUN_ATTEMPTS) throw error
      logger.info(
        `The host port Docker picked for ${plan.name} was taken meanwhile ` +
          `(attempt ${attempt} of ${RUN_ATTEMPTS}); retrying with a new container.`
      )
      if (!(await docker.tryRemoveContainer(plan.name))) throw error
    }
  }
}

/** Turns a failed `docker run` into an error that says why and what to do. */
export function explainRunFailure(plan: DindPlan, error: unknown): Error {
  if (!(error instanceof DockerCommandError)) return error as Error
  const hints = classifyLog(error.stderr).map((hint) => `Hint: ${hint.message}`)
  if (
    /Unable to find image|pull access denied|manifest unknown|not found: manifest/i.test(
      error.stderr
    )
  ) {
    hints.push(
      `Hint: image '${plan.image}' is not on the runner and could not be ` +
        'pulled. Check the name and tag, log in to its registry before this ' +
        "step, or set input 'image' to a mirror."
    )
  }
  if (
    /unable to resolve docker endpoint|Failed to initialize/i.test(error.stderr)
  ) {
    hints.push(
      "Hint: the docker CLI cannot reach the runner's daemon with this " +
        "job's client settings (DOCKER_HOST, DOCKER_TLS_VERIFY, " +
        'DOCKER_CERT_PATH, DOCKER_CONTEXT). docker-nest uses them as they ' +
        'are at this step; unset them for it, or set them only after it.'
    )
  }
  return new Error(
    [
      `Could not start the dind sidecar from image '${plan.image}'.`,
      error.message,
      ...hints
    ].join('\n')
  )
}

export function containerIp(inspect: ContainerInspect): string {
  const settings = inspect.NetworkSettings
  const fromNetworks = Object.values(settings.Networks ?? {}).find(
    (network) => network.IPAddress
  )?.IPAddress
  const ip = settings.IPAddress || fromNetworks
  if (!ip) throw new Error(`Container ${inspect.Name} has no IP address`)
  return ip
}

export function publishedPort(
  inspect: ContainerInspect,
  containerPort: number
): number {
  const bindings = inspect.NetworkSettings.Ports?.[`${containerPort}/tcp`] ?? []
  const port = Number(bindings?.[0]?.HostPort)
  if (!port) {
    throw new Error(
      `Port ${containerPort} of container ${inspect.Name} was not published; ` +
        `docker inspect shows ${JSON.stringify(inspect.NetworkSettings.Ports)}`
    )
  }
  return port
}

/**
 * Signs the server certificate for the plan's names (plus the running
 * container's IP and short id when given) and hands it in
 * (sidecar-access.ts says how); the marker goes last and releases the
 * start script.
 */
export async function deliverServerCertificate(
  copyIn: (name: string, entries: TarEntry[]) => Promise<void>,
  plan: DindPlan,
  ca: CertificateAuthority,
  running?: { ip: string; shortId: string }
): Promise<void> {
  // issueServerCertificate drops repeated names itself.
  const server = await ca.issueServerCertificate({
    dns: [...plan.serverNames.dns, ...(running ? [running.shortId] : [])],
    ip: [...plan.serverNames.ip, ...(running ? [running.ip] : [])]
  })
  const base = CERT_DIR_IN_CONTAINER.replace(/^\//, '')
  // docker cp (without -a) keeps the tar's owners: uid 1000 for rootless.
  const owner = certOwnerFor(plan.rootless)
  const entries = [
    { path: `${base}/`, mode: 0o755 },
    { path: `${base}/server/`, mode: 0o700 },
    { path: `${base}/server/ca.pem`, mode: 0o644, content: ca.certPem },
    { path: `${base}/server/cert.pem`, mode: 0o644, content: server.certPem },
    { path: `${base}/server/key.pem`, mode: 0o600, content: server.keyPem },
    // daemon.json (input daemon-config) rides along, before the marker.
    ...daemonConfigEntries(plan.daemonConfig, false),
    { path: `${base}/${CERTS_READY_MARKER}`, mode: 0o644, content: '' }
  ].map((entry) => ({ ...entry, ...owner }))
  await copyIn(plan.name, entries)
}

/** Without TLS: daemon.json and its own ready-marker, the same way. */
export async function deliverDaemonConfig(
  copyIn: (name: string, entries: TarEntry[]) => Promise<void>,
  plan: DindPlan
): Promise<void> {
  await copyIn(plan.name, daemonConfigEntries(plan.daemonConfig, true))
}
