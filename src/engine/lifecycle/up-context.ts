/**
 * What the faces give the engine's start-up sequence ({@link UpContext}),
 * what it gives back ({@link UpResult}), and the parts it composes
 * ({@link UpSteps}; up-steps.ts has the real ones, tests have fakes).
 */
import type { JobContainer } from '../dind/container-job.js'
import type { NestInfo } from '../dind/dind.js'
import type { DindPlan } from '../dind/plan.js'
import type { DoodInfo } from '../dood/dood.js'
import type { ResolvedImage, RunnerFacts } from '../runner-engine/resolve.js'
import type { DindOptions, HostDockerEnv, Logger } from '../types.js'
import type { ProbeResult } from './auto.js'
import type { ResourceRecorder, Resources } from './resources.js'
import type { Signal } from './signal.js'

/** What the face calling up() provides. */
export interface UpContext {
  logger: Logger
  /** Saves the record after each change (Action state, CLI state file). */
  recorder: ResourceRecorder
  /** First part of run ids and names: the run's prefix, or `local`. */
  runPrefix: string
  /** The owner label of the nest (see owner.ts); undefined: only the expiry ends it. */
  owner: string | undefined
  /** The runner's docker client settings at the start. */
  hostDocker: HostDockerEnv
  /** Parent of the client certificate directory. */
  certParentDir: string
  /** Where a socket proxy keeps its socket, and the bundle that serves it. */
  proxy: { dir: string; cliPath: string }
  /** The job's files, to tell dood users which path to bind-mount. */
  workspace?: string
  /** An earlier probe's answer in this job (DOCKER_NEST_PRIVILEGED). */
  cachedPrivileged?: string
  /** Called with a fresh probe's answer, so later steps can reuse it. */
  rememberProbe?(privileged: boolean): void
  /** True when no later step removes what a failed start left (the CLI). */
  noPostStep: boolean
  /** Called when a failed start was removed completely. */
  onRemoved?(): Promise<void> | void
}

/** What up() gave the job. */
export type UpResult =
  | { mode: 'dind'; info: NestInfo; resources: Resources }
  | {
      mode: 'dood'
      info: DoodInfo
      resources: Resources
      /** Where bind mounts resolve, for the log. */
      note: string
    }

/** The parts up() composes; tests replace them with fakes. */
export interface UpSteps {
  probe(
    options: DindOptions,
    image: ResolvedImage,
    runId: string,
    ctx: UpContext
  ): Promise<ProbeResult>
  resolveImage(
    requested: string,
    facts: RunnerFacts,
    ctx: UpContext
  ): Promise<ResolvedImage>
  startDind(
    plan: DindPlan,
    options: DindOptions,
    resources: Resources,
    ctx: UpContext,
    starting: Signal
  ): Promise<NestInfo>
  connectDood(
    options: DindOptions,
    runId: string,
    resources: Resources,
    ctx: UpContext
  ): Promise<DoodInfo>
  removeNest(resources: Resources, ctx: UpContext): Promise<string[]>
  jobContainer(ctx: UpContext): Promise<JobContainer | undefined>
  doodJobContainer(socket: string): Promise<JobContainer | undefined>
  uplinkMtu(): Promise<number | undefined>
  startReaping(
    ctx: UpContext,
    after: Promise<void>
  ): { finish(): Promise<void> }
}
