/**
 * Types shared across the engine. Docker's JSON shapes are trimmed to the
 * fields we read; upstream structs are linked next to each type.
 */

import type { CacheScope } from './cache/scope.js'

/** A small logger so the engine prints plain text in the CLI and groups in the Action. */
export interface Logger {
  info(message: string): void
  debug(message: string): void
  warning(message: string): void
  /** Runs `fn` inside a titled, collapsible section of the log. */
  group<T>(title: string, fn: () => Promise<T>): Promise<T>
  /**
   * Shows how a long wait is going (an image pull) on the front end's
   * status line, replacing the previous status; undefined removes it. Only
   * where the front end keeps such a line (the CLI); without it the engine
   * logs a line now and then instead.
   */
  status?(text: string | undefined): void
}

/** Extra names for the server certificate, already typed (DNS vs IP). */
export interface SubjectAltNames {
  /** DNS names the daemon is reached by, e.g. `docker`, `localhost`. */
  dns: string[]
  /** IPv4 or IPv6 addresses, e.g. `127.0.0.1`, `::1`. */
  ip: string[]
}

/**
 * The modes users can ask for: `dind` (a private daemon in a privileged
 * sidecar), `dood` (the runner's own daemon through its socket), `auto`
 * (dind when a privileged container can start, else dood).
 */
export type Mode = 'dind' | 'dood' | 'auto'

/** Where to get the docker CLI from (Action only). */
export interface DockerCliOptions {
  /** Version to install from the static tarballs; '' = use the CLI on PATH, install only when there is none. */
  version: string
  /** Base URL of the static tarballs (`<base>/<arch>/docker-<version>.tgz`), for mirrors. */
  baseUrl: string
  /** Expected sha256 of the tarball; '' = read `<tarball>.sha256` next to it. */
  sha256: string
}

/** Validated user options for a dind nest: the typed form of the Action inputs and CLI flags. */
export interface DindOptions {
  /** Image to run: the official `docker:<major>-dind` or any image with `dockerd` on PATH. */
  image: string
  /** Mutual TLS on the daemon's TCP port (default true). */
  tls: boolean
  /** How long to wait for the inner daemon to answer, in milliseconds. */
  waitTimeoutMs: number
  /** Extra dockerd flags, already split into argv words. */
  dockerdArgs: string[]
  /** `--registry-mirror` values (http/https URLs). */
  registryMirrors: string[]
  /** `--insecure-registry` values (host[:port] or CIDR). */
  insecureRegistries: string[]
  /** MTU for the inner daemon's networks, or `auto` to follow the runner's uplink. */
  mtu: 'auto' | number
  /** Extra server certificate names from input `tls-san`. */
  tlsSans: SubjectAltNames
  /** Remove everything in post (default true); dood never removes anything unless `cleanupContainers`. */
  cleanup: boolean
  /** `cleanup: containers`: also remove the objects carrying the run label (dood: only those). */
  cleanupContainers: boolean
  /** Which daemon the job gets. */
  mode: Mode
  /** dood: socket path from input `socket`; '' = resolve it (DOCKER_HOST, default paths). */
  socket: string
  /**
   * dood: when the socket refuses this user, serve a socket of their own
   * through a sudo-started forwarder instead of failing (input `socket-proxy`).
   */
  socketProxy: boolean
  /** Action only: where the docker CLI comes from. */
  dockerCli: DockerCliOptions
  /** `--default-address-pool` entries for the inner daemon (input `default-address-pools`). */
  defaultAddressPools?: Array<{ base: string; size: number }>
  /** The inner daemon's daemon.json (input `daemon-config`), already checked for clashes. */
  daemonConfig?: Record<string, unknown>
  /** OCI runtime of the sidecar (`--runtime`); '' = the daemon's default. */
  runtime: string
  /** The image follows the docker:<ver>-dind-rootless contract (uid 1000). */
  rootless: boolean
  /** `rootless: unprivileged`, the rootless sidecar without --privileged. */
  rootlessUnprivileged: boolean
  /** Persistent cache: a named data root kept between jobs. */
  cache: CacheOptions
  /**
   * Start containerd first in the sidecar and hand its socket to dockerd
   * (input `fast-start`, default true); see containerd-first.ts.
   */
  fastStart: boolean
  /** The Action's pre step starts the nest in the background (default true). */
  earlyStart: boolean
  /** Action only: settings for the clients of later steps. */
  clients: ClientOptions
}

/** What the Action sets up for the clients of later steps. */
export interface ClientOptions {
  /**
   * Export DOCKER_HOST, DOCKER_TLS_VERIFY and DOCKER_CERT_PATH (input
   * `set-host`, default true); false leaves them to the outputs.
   */
  setHost: boolean
  /** Name of a docker context to create and make current; '' = none. */
  context: string
  /** Export TESTCONTAINERS_HOST_OVERRIDE (dind: the sidecar's IP). */
  testcontainersHostOverride: boolean
}

/**
 * How docker-nest reaches the runner's own daemon. Recorded at main start so
 * post (whose environment carries the DOCKER_HOST main exported) can address
 * the runner's daemon, not the nest. `null` means "unset".
 */
export interface HostDockerEnv {
  DOCKER_HOST: string | null
  DOCKER_TLS_VERIFY: string | null
  DOCKER_CERT_PATH: string | null
  DOCKER_CONTEXT: string | null
}

/** Names of the variables in {@link HostDockerEnv}. */
export const HOST_DOCKER_ENV_KEYS = [
  'DOCKER_HOST',
  'DOCKER_TLS_VERIFY',
  'DOCKER_CERT_PATH',
  'DOCKER_CONTEXT'
] as const

/**
 * Subset of `docker inspect` for a container.
 * https://github.com/moby/moby/blob/master/api/types/container/container.go (InspectResponse)
 */
export interface ContainerInspect {
  Id: string
  Name: string
  State: {
    Status: string
    Running: boolean
    ExitCode: number
    Error: string
    OOMKilled: boolean
  }
  NetworkSettings: {
    IPAddress?: string
    Ports?: Record<string, Array<{ HostIp: string; HostPort: string }> | null>
    Networks?: Record<string, { IPAddress?: string }>
  }
}

/**
 * Subset of `GET /version`.
 * https://github.com/moby/moby/blob/master/api/types/types.go (Version)
 */
export interface DaemonVersion {
  Version: string
  ApiVersion: string
}

/**
 * Subset of `GET /info`.
 * https://github.com/moby/moby/blob/master/api/types/system/info.go (Info)
 */
export interface DaemonInfo {
  Driver: string
  CgroupVersion?: string
  ServerVersion: string
}

/** What to do when another job holds the cache: `fallback` (ephemeral, with a warning) or `fail`. */
export type CacheBusy = 'fallback' | 'fail'

/** The typed cache inputs. */
export interface CacheOptions {
  /** '' = ephemeral (no cache). */
  name: string
  busy: CacheBusy
  /** Prune the cached daemon above this many bytes in post; undefined = never. */
  maxBytes: number | undefined
  /** Input `cache-scope`. */
  scope: CacheScope
  /** The jobs that share the volume (cache/scope.ts); '' without a cache. */
  partition: string
}
