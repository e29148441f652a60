/**
 * Starts a Docker-in-Docker sidecar and waits until its daemon answers:
 * certificates (in-process), `docker run`, the server certificate signed for
 * the container's real IP and copied in, then mTLS readiness polling while
 * `docker wait` watches for an early exit. Every resource is recorded before
 * it is created, so teardown can always remove it. launch.ts starts the
 * sidecar, readiness.ts waits for its daemon.
 */
import type { DaemonEndpoint } from '../docker/endpoint.js'
import { EngineApi } from '../docker/engine-api.js'
import { bridgeMtu, describeMtu } from './mtu.js'
import { phase } from '../lifecycle/phase.js'
import type { DindPlan } from './plan.js'
import type { Resources } from '../lifecycle/resources.js'
import { sidecarAccess } from './sidecar-access.js'
import { reportFastStart } from './fast-start-report.js'
import { launch, type DindDependencies, type RunningSidecar } from './launch.js'
import { daemonFacts, waitForDaemon } from './readiness.js'

export type { DindDependencies }

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

const DOCKERD_DEFAULT_MTU = 1500

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
    // The nest's own API: the same client code as the runner's socket.
    const nest = new EngineApi(endpoint)
    const firstAnswer = await phase(logger, 'Wait for daemon', () =>
      waitForDaemon(plan, nest, container.exited, deps)
    )
    const readyMs = Math.round(performance.now() - started)
    const [facts] = await Promise.all([
      daemonFacts(nest, access, plan.name, logger),
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
