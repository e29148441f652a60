/**
 * Turns validated options into a concrete plan (names, labels, ports,
 * daemon flags) and the plan into the sidecar's create request (and its
 * `docker run` form). Pure: every choice is here, so it can be tested in
 * tables without Docker.
 */
import { addressPoolArgs } from '../options/address-pools.js'
import { DAEMON_CONFIG_PATH, configSetsMtu } from '../options/daemon-config.js'
import { mtuSetting } from './mtu.js'
import { cacheLabels, cacheResourceName } from '../cache/cache.js'
import { OWNER_LABEL } from '../lifecycle/owner.js'
import { FAST_START_ENV } from './containerd-first.js'
import {
  CERT_DIR_IN_CONTAINER,
  PLAIN_TCP_ENV,
  STARTUP_SCRIPT
} from './startup-script.js'
import { dataRootFor } from '../options/rootless.js'
import { isolationHostConfig } from './isolation.js'
import type {
  BindMount,
  CreateBody,
  CreateRequest,
  VolumeMount
} from '../docker/create-request.js'
import { runArgsFromCreate } from '../docker/run-args.js'
import type { DindOptions, SubjectAltNames } from '../types.js'
import { randomHex8 } from '../util/random.js'
import { LABELS } from '../lifecycle/labels.js'

export { LABELS }

/** How long an abandoned nest is protected from reaping: the 6 h job limit of hosted runners. */
export const DEFAULT_TTL_SECONDS = 6 * 60 * 60

/** TLS and plain TCP ports of dockerd inside the sidecar. */
export const DAEMON_PORT = { tls: 2376, plain: 2375 } as const

/** Everything the sidecar's create request and the rest of the start need, decided up front. */
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
  /** The MTU known up front (input, or the runner's below 1500); the sidecar may lower it. */
  mtu: number | undefined
  /** DOCKER_NEST_INNER_MTU for the start script (see mtu.ts); undefined: daemon.json decides. */
  mtuSetting?: string
  /** The inner daemon's daemon.json text (input `daemon-config`), copied in before start. */
  daemonConfig?: string
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
  /** OCI runtime (HostConfig.Runtime); '' = the daemon's default. */
  runtime: string
  /** Rootless image contract (uid 1000, data under its home). */
  rootless: boolean
  /** Rootless without --privileged (only what rootlesskit needs). */
  rootlessUnprivileged: boolean
  /** Persistent cache: the volume outlives the nest; the name is the lock. */
  cache?: { name: string; partition: string; maxBytes?: number }
  /**
   * The runner's own engine: `image` is a tiny root image, and these host
   * directories are bound read-only at the same paths (see runner-engine/).
   */
  runnerEngine?: RunnerEnginePlan
}

/** What a nest of the runner's own engine adds to the sidecar. */
export interface RunnerEnginePlan {
  /** Host directories bound read-only at the same path. */
  binds: string[]
  /** The nest's PATH, where it finds the engine's programs. */
  searchPath: string
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
  /** The owner label (see owner.ts); undefined = none, only the expiry ends the nest. */
  owner?: string
  /** The runner's own engine, when `image` is its root image. */
  runnerEngine?: RunnerEnginePlan
}

/** A short random suffix that keeps names unique among concurrent nests. */
export function randomSuffix(): string {
  return randomHex8()
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

/** dockerd settings (flags and daemon.json keys) that ask for IPv6 in the nest. */
const IPV6_SETTINGS = ['ip6tables', 'ipv6', 'fixed-cidr-v6']

/** True when `daemon-config` or `dockerd-args` says anything about IPv6. */
export function asksForIPv6(options: DindOptions): boolean {
  const flags = options.dockerdArgs.map(
    (arg) => arg.replace(/^--/, '').split('=')[0]
  )
  return IPV6_SETTINGS.some(
    (name) =>
      flags.includes(name) ||
      (options.daemonConfig !== undefined && name in options.daemonConfig)
  )
}

/**
 * dockerd flags derived from the options, in a stable order. The MTU flags
 * are added by the start script (mtu.ts), which knows the sidecar's eth0
 * and the dockerd version.
 */
export function buildDaemonArgs(options: DindOptions): string[] {
  const args: string[] = []
  // Without --tls=false a plain TCP listener costs a deliberate 15 s start delay (moby #41285).
  if (!options.tls) args.push('--tls=false')
  // Docker 27 and later write the IPv6 firewall rules by default: as many
  // iptables calls again while dockerd starts, for networks a nest rarely
  // has (the runner's bridge gives the sidecar no IPv6 route). Off unless
  // the user says anything about IPv6; every dockerd since 20.10 knows the
  // flag (false was the default before 27).
  if (!asksForIPv6(options)) args.push('--ip6tables=false')
  args.push(...addressPoolArgs(options.defaultAddressPools))
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
  const cache = options.cache.name ? options.cache : undefined
  const name = cache ? cacheResourceName(cache) : `docker-nest-${suffix}`
  const expires = Math.floor(context.now.getTime() / 1000) + DEFAULT_TTL_SECONDS
  const mtu = chooseMtu(options.mtu, context.detectedMtu)
  return {
    runId,
    name,
    volume: cache ? name : `${name}-data`,
    image: options.image,
    ...(context.runnerEngine && { runnerEngine: context.runnerEngine }),
    tls: options.tls,
    containerPort: options.tls ? DAEMON_PORT.tls : DAEMON_PORT.plain,
    labels: {
      [LABELS.managed]: 'true',
      [LABELS.run]: runId,
      [LABELS.expires]: String(expires),
      ...(context.owner ? { [OWNER_LABEL]: context.owner } : {}),
      ...(cache ? cacheLabels(cache) : {})
    },
    daemonArgs: buildDaemonArgs(options),
    mtu: configSetsMtu(options.daemonConfig) ? undefined : mtu,
    mtuSetting: mtuSetting(
      options.mtu,
      context.detectedMtu,
      configSetsMtu(options.daemonConfig)
    ),
    daemonConfig:
      options.daemonConfig &&
      `${JSON.stringify(options.daemonConfig, null, 2)}\n`,
    serverNames: {
      dns: unique(['docker', 'localhost', name, ...options.tlsSans.dns]),
      ip: unique(['127.0.0.1', '::1', ...options.tlsSans.ip])
    },
    waitTimeoutMs: options.waitTimeoutMs,
    runtime: options.runtime,
    rootless: options.rootless,
    rootlessUnprivileged: options.rootlessUnprivileged,
    ...(cache
      ? {
          cache: {
            name: cache.name,
            partition: cache.partition,
            maxBytes: cache.maxBytes
          }
        }
      : {}),
    // A daemon.json that points dockerd at its own containerd or exec root
    // leaves no room for the one fast start would start first.
    fastStart:
      options.fastStart &&
      !['containerd', 'exec-root'].some(
        (key) => options.daemonConfig && key in options.daemonConfig
      )
  }
}

/**
 * The sidecar's create request: the one place its container is decided.
 * The API path sends it; the CLI path runs {@link buildDindRunArgs}, its
 * `docker run` form.
 */
export function buildDindCreateRequest(plan: DindPlan): CreateRequest {
  const port = `${plan.containerPort}/tcp`
  return {
    name: plan.name,
    body: {
      Image: plan.image,
      Entrypoint: ['sh'],
      Cmd: ['-c', STARTUP_SCRIPT, 'docker-nest-start', ...plan.daemonArgs],
      Env: [
        `DOCKER_TLS_CERTDIR=${plan.tls ? CERT_DIR_IN_CONTAINER : ''}`,
        ...scriptEnv(plan),
        ...(plan.runnerEngine ? [`PATH=${plan.runnerEngine.searchPath}`] : []),
        ...(plan.fastStart ? [] : [`${FAST_START_ENV}=false`])
      ],
      Labels: { ...plan.labels },
      ExposedPorts: { [port]: {} },
      HostConfig: {
        // Privileged, or a runtime such as sysbox that isolates without it.
        ...isolationHostConfig(plan.runtime, plan.rootlessUnprivileged),
        // Loopback only, on a port Docker picks: the daemon is for this
        // job, never for the network.
        PortBindings: { [port]: [{ HostIp: '127.0.0.1', HostPort: '' }] },
        Mounts: [dataVolume(plan), ...engineBinds(plan.runnerEngine)],
        NetworkMode: plan.jobNetwork?.name ?? 'default'
      },
      ...networkingConfig(plan.jobNetwork)
    }
  }
}

/** `docker run` arguments for the sidecar: {@link buildDindCreateRequest} as the CLI says it. */
export function buildDindRunArgs(plan: DindPlan): string[] {
  return runArgsFromCreate(buildDindCreateRequest(plan))
}

/**
 * The named volume on the data root, so the inner daemon uses overlay2, not
 * vfs; created with its labels by the same call. A cache volume outlives
 * every run: no run, expiry or owner label of its own.
 */
function dataVolume(plan: DindPlan): VolumeMount {
  return {
    Type: 'volume',
    Source: plan.volume,
    Target: dataRootFor(plan.rootless),
    VolumeOptions: {
      Labels: plan.cache
        ? { [LABELS.managed]: 'true', ...cacheLabels(plan.cache) }
        : { ...plan.labels }
    }
  }
}

/** The runner's engine, bound read-only where the host has it. */
function engineBinds(engine: RunnerEnginePlan | undefined): BindMount[] {
  return (engine?.binds ?? []).map((dir) => ({
    Type: 'bind',
    Source: dir,
    Target: dir,
    ReadOnly: true
  }))
}

/** The job network's endpoint: the alias `docker`, a SAN of the server certificate (aliases need a user-defined network). */
function networkingConfig(
  network: DindPlan['jobNetwork']
): Pick<CreateBody, 'NetworkingConfig'> {
  if (!network) return {}
  return {
    NetworkingConfig: {
      EndpointsConfig: {
        [network.name]: network.alias ? { Aliases: ['docker'] } : {}
      }
    }
  }
}

/**
 * Whether the start script limits a plain-TCP daemon (`tls: false`) to the
 * runner: dockerd listens on every address of the sidecar, so without that
 * every container on the runner's bridge could use it unauthenticated. Not
 * in a container job (the job container must reach it over its network)
 * nor rootless (its user cannot change the firewall): there the warning
 * says who can reach it.
 */
export function limitsPlainTcp(plan: DindPlan): boolean {
  return !plan.tls && !plan.jobNetwork && !plan.rootless
}

/** The warning for `tls: false`, naming who can reach the daemon; undefined with TLS. */
export function plainTcpWarning(plan: DindPlan): string | undefined {
  if (plan.tls) return undefined
  const who = limitsPlainTcp(plan)
    ? 'on 127.0.0.1 (the port is published there only, and the sidecar answers no other container)'
    : plan.jobNetwork
      ? `on 127.0.0.1 and from every container on network ${plan.jobNetwork.name}`
      : 'on 127.0.0.1 and from every container on the runner’s bridge (a rootless sidecar cannot limit it)'
  return (
    `tls: false — the daemon accepts unauthenticated API calls ${who}. ` +
    'Anything on this runner can use it.'
  )
}

/** Settings for the start script (MTU, daemon.json), as env of the sidecar. */
function scriptEnv(plan: DindPlan): string[] {
  return [
    ...(plan.mtuSetting ? [`DOCKER_NEST_INNER_MTU=${plan.mtuSetting}`] : []),
    ...(limitsPlainTcp(plan) ? [`${PLAIN_TCP_ENV}=runner`] : []),
    ...(plan.daemonConfig
      ? [`DOCKER_NEST_CONFIG_FILE=${DAEMON_CONFIG_PATH}`]
      : [])
  ]
}
