/**
 * What discovery.ts answers: the runner's engine and the mounts a nest
 * needs to run it, or why it cannot.
 */
import type { RootLink } from './mount-plan.js'

/** The host's engine programs, where the nest's PATH finds them. */
export interface EnginePaths {
  dockerd: string
  containerd: string
  containerdShim: string
  runc: string
  iptables: string
  shell: string
  /** docker-init, or tini where there is no docker-init. */
  init?: string
  proxy?: string
  ip6tables?: string
  modprobe?: string
}

/** The runner's engine can run a nest. */
export interface RunnerEngine {
  available: true
  /** The engine's programs. */
  paths: EnginePaths
  /**
   * Host directories to bind read-only at the same path, sorted; nothing
   * else is mounted from the host (`<dir>:<dir>:ro` in HostConfig.Binds).
   */
  binds: string[]
  /** Links the root image must carry (merged /usr's `bin -> usr/bin`, …). */
  links: RootLink[]
  /** The nest's PATH. */
  searchPath: string
  /** The CA bundle dockerd will read for registry TLS, when there is one. */
  caBundle?: string
  /** What works less well than with a dind image, one sentence each. */
  warnings: string[]
}

/** Why the runner's engine cannot run a nest. */
export type UnavailableReason =
  /** No dockerd and no docker CLI. */
  | 'no-engine'
  /** A docker CLI whose daemon runs elsewhere (a container job, a remote host). */
  | 'cli-only'
  /** Docker from a snap: its dockerd needs the snap's runtime. */
  | 'snap'
  /** Docker Desktop: the engine runs in a virtual machine. */
  | 'docker-desktop'
  /** dockerd without containerd, runc or another program it needs. */
  | 'incomplete'
  /** A program the nest needs is where it may not be bound. */
  | 'unbindable'

/** The runner's engine cannot run a nest, and why. */
export interface RunnerEngineUnavailable {
  available: false
  reason: UnavailableReason
  /** What is missing, where it looked, and what to do instead. */
  message: string
  /** The programs or paths that are missing. */
  missing: string[]
  /** The directories searched. */
  searched: string[]
}

/** The result of `discoverRunnerEngine` (discovery.ts). */
export type RunnerEngineDiscovery = RunnerEngine | RunnerEngineUnavailable

/** Options of `discoverRunnerEngine` (discovery.ts). */
export interface DiscoveryOptions {
  /** The file-system root to search; `/` unless testing. */
  root?: string
}
