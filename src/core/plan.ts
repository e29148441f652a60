/**
 * Turns validated options into a concrete plan (names, labels, ports,
 * daemon flags) and the plan into `docker run` arguments. Pure: every choice
 * is here, so it can be tested in tables without Docker.
 */
import { randomBytes } from 'node:crypto'
import { FAST_START_ENV } from './containerd-first.js'
import { CERT_DIR_IN_CONTAINER, STARTUP_SCRIPT } from './startup-script.js'
import type { DindOptions, SubjectAltNames } from './types.js'

/** Label keys every docker-nest resource carries, so post and reap find them. */
export const LABELS = {
  /** Marks any object docker-nest created. */
  managed: 'docker-nest',
  /** The nest's unique id: `<ci run id>-<attempt>-<random>` or `local-<random>`. */
  run: 'docker-nest.run',
  /** Unix time (seconds) after which a reaper may remove the object. */
  expires: 'docker-nest.expires'
} as const

/** How long an abandoned nest is protected from reaping: the 6 h job limit of hosted runners. */
export const DEFAULT_TTL_SECONDS = 6 * 60 * 60

/** TLS and plain TCP ports of dockerd inside the sidecar. */
export const DAEMON_PORT = { tls: 2376, plain: 2375 } as const

/** Everything `docker run` and the rest of the start needs, decided up front. */
export interface DindPlan {
  runId: string
  /** Container name; also a certificate SAN. */
  name: string
  /** Named volume on /var/lib/docker, so the inner daemon uses overlay2, not vfs. */
  volume: string
  image: string
  tls: boolean
  /** Port dockerd listens on inside the container. */
  containerPort: number
  labels: Record<string, string>
  /** dockerd flags given to the image (the entrypoint adds listeners and TLS). */
  daemonArgs: string[]
  /** The MTU passed to dockerd, if any. */
  mtu: number | undefined
  /** Server certificate names known before start; the container IP and id are added later. */
  serverNames: SubjectAltNames
  waitTimeoutMs: number
  /** Input `fast-start`: containerd first in the sidecar (containerd-first.ts). */
  fastStart: boolean
  /**
   * Container jobs: the job container's network, which the sidecar joins
   * (with the alias `docker` on a user-defined network) so the job reaches it.
   */
  jobNetwork?: { name: string; alias: boolean }
}

/** Inputs to {@link makePlan} that come from the environment rather than the user. */
export interface PlanContext {
  /** CI run identity, e.g. `GITHUB_RUN_ID-GITHUB_RUN_ATTEMPT`; `local` for the CLI. */
  runPrefix: string
  /** MTU of the runner's uplink when `mtu: auto`; undefined when unknown. */
  detectedMtu: number | undefined
  now: Date
  /** Random suffix; injectable for tests. */
  random?: string
}

/** A short random suffix that keeps names unique among concurrent nests. */
export function randomSuffix(): string {
  return randomBytes(4).toString('hex')
}

function unique(values: string[]): string[] {
  return [...new Set(values)]
}

/** Chooses the MTU: an explicit number wins; `auto` follows the uplink when it is below 1500. */
export function chooseMtu(
  mtu: DindOptions['mtu'],
  detected: number | undefined
): number | undefined {
  if (mtu !== 'auto') return mtu
  return detected !== undefined && detected < 1500 ? detected : undefined
}

/** dockerd flags derived from the options, in a stable order. */
export function buildDaemonArgs(
  options: DindOptions,
  mtu: number | undefined
): string[] {
  const args: string[] = []
  // Without --tls=false a plain TCP listener costs a deliberate 15 s start delay (moby #41285).
  if (!options.tls) args.push('--tls=false')
  if (mtu !== undefined) args.push(`--mtu=${mtu}`)
  for (const mirror of options.registryMirrors) {
    args.push(`--registry-mirror=${mirror}`)
  }
  for (const registry of options.insecureRegistries) {
    args.push(`--insecure-registry=${registry}`)
  }
  return [...args, ...options.dockerdArgs]
}

/** Decides names, labels and flags for one nest. */
export function makePlan(options: DindOptions, context: PlanContext): DindPlan {
  const suffix = context.random ?? randomSuffix()
  const runId = `${context.runPrefix}-${suffix}`
  const name = `docker-nest-${suffix}`
  const expires = Math.floor(context.now.getTime() / 1000) + DEFAULT_TTL_SECONDS
  const mtu = chooseMtu(options.mtu, context.detectedMtu)
  return {
    runId,
    name,
    volume: `${name}-data`,
    image: options.image,
    tls: options.tls,
    containerPort: options.tls ? DAEMON_PORT.tls : DAEMON_PORT.plain,
    labels: {
      [LABELS.managed]: 'true',
      [LABELS.run]: runId,
      [LABELS.expires]: String(expires)
    },
    daemonArgs: buildDaemonArgs(options, mtu),
    mtu,
    serverNames: {
      dns: unique(['docker', 'localhost', name, ...options.tlsSans.dns]),
      ip: unique(['127.0.0.1', '::1', ...options.tlsSans.ip])
    },
    waitTimeoutMs: options.waitTimeoutMs,
    fastStart: options.fastStart
  }
}

/** `docker run` arguments for the sidecar. */
export function buildDindRunArgs(plan: DindPlan): string[] {
  const labelArgs = Object.entries(plan.labels).flatMap(([key, value]) => [
    '--label',
    `${key}=${value}`
  ])
  const volumeLabels = Object.entries(plan.labels)
    .map(([key, value]) => `,volume-label=${key}=${value}`)
    .join('')
  return [
    'run',
    '--detach',
    '--name',
    plan.name,
    ...labelArgs,
    '--privileged',
    // Loopback only: the daemon is for this job, never for the network.
    '--publish',
    `127.0.0.1::${plan.containerPort}`,
    ...networkArgs(plan.jobNetwork),
    // --mount (not -v) so the volume is created with our labels in the same call.
    '--mount',
    `type=volume,src=${plan.volume},dst=/var/lib/docker${volumeLabels}`,
    '--env',
    `DOCKER_TLS_CERTDIR=${plan.tls ? CERT_DIR_IN_CONTAINER : ''}`,
    ...(plan.fastStart ? [] : ['--env', `${FAST_START_ENV}=false`]),
    '--entrypoint',
    'sh',
    plan.image,
    '-c',
    STARTUP_SCRIPT,
    'docker-nest-start',
    ...plan.daemonArgs
  ]
}

function networkArgs(network: DindPlan['jobNetwork']): string[] {
  if (!network) return []
  return [
    '--network',
    network.name,
    // docker is a SAN of the server certificate; aliases need a user-defined network.
    ...(network.alias ? ['--network-alias', 'docker'] : [])
  ]
}
