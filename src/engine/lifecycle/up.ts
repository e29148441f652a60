/**
 * Giving a job Docker: the one start-up sequence the Action's main step,
 * its early start and `docker-nest up` all call. It chooses the mode
 * (`auto` probes once), starts the reaper, records every resource before it
 * exists, starts the nest (with its cache) or connects to the runner's
 * daemon, and decides what a failed start leaves behind. Presenting the
 * result (exported variables, outputs, summaries) is the caller's part.
 */
import { startNestWithCache } from '../cache/start.js'
import type { NestInfo } from '../dind/dind.js'
import { detectJobContainer, hostPathOf } from '../dind/container-job.js'
import type {
  JobContainer,
  JobContainerInspect
} from '../dind/container-job.js'
import { detectUplinkMtu } from '../dind/mtu.js'
import { makePlan, plainTcpWarning, randomSuffix } from '../dind/plan.js'
import type { DindPlan } from '../dind/plan.js'
import { DockerCli, findOnPath } from '../docker/cli.js'
import type { DoodInfo } from '../dood/dood.js'
import { bindMountNote, connectDood, inspectOverSocket } from '../dood/dood.js'
import { errorMessage } from '../errors.js'
import { isolationArgs } from '../options/runtime.js'
import { startReaping } from '../reap/at-start.js'
import {
  resolveImage,
  type ResolvedImage,
  type RunnerFacts
} from '../runner-engine/resolve.js'
import type { DindOptions, HostDockerEnv, Logger } from '../types.js'
import { cachedProbe, probePrivileged, type ProbeResult } from './auto.js'
import { exitOnCancel } from './cancel.js'
import type { ResourceRecorder, Resources } from './resources.js'
import { signal, type Signal } from './signal.js'
import { teardown } from './teardown.js'

/** What the face calling {@link up} provides. */
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

/** What {@link up} gave the job. */
export type UpResult =
  | { mode: 'dind'; info: NestInfo; resources: Resources }
  | {
      mode: 'dood'
      info: DoodInfo
      resources: Resources
      /** Where bind mounts resolve, for the log. */
      note: string
    }

/** The parts {@link up} composes; tests replace them with fakes. */
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

/**
 * Whether a nest that failed to start is removed at once. `cleanup: false`
 * keeps it for inspection (its record stays); otherwise it goes now when
 * the job carries on without it (auto falls back to dood) or when no post
 * step will remove it (the CLI), and is left to the post step otherwise.
 */
export function removeFailedNestNow(rule: {
  cleanup: boolean
  fallingBack: boolean
  noPostStep: boolean
}): boolean {
  return rule.cleanup && (rule.fallingBack || rule.noPostStep)
}

/** Starts what `options.mode` asks for; throws with the reason when nothing works. */
export async function up(
  options: DindOptions,
  ctx: UpContext,
  steps: UpSteps = realSteps
): Promise<UpResult> {
  const starting = signal()
  // What crashed jobs left goes while this nest starts.
  const reaping = steps.startReaping(ctx, starting.fired)
  try {
    if (options.mode === 'dood') {
      starting.fire() // no sidecar: the reaper may begin now
      return await upDood(options, ctx, steps)
    }
    const prepared = await prepareDind(options, ctx, steps)
    const mode =
      options.mode === 'auto'
        ? await chooseMode(options, prepared, ctx, steps)
        : options.mode
    if (mode === 'dood') {
      starting.fire()
      return await upDood(options, ctx, steps)
    }
    if (options.mode !== 'auto') {
      return await upDind(options, prepared, ctx, steps, starting, false)
    }
    try {
      return await upDind(options, prepared, ctx, steps, starting, true)
    } catch (error) {
      ctx.logger.warning(
        `mode: auto: dind did not start, using dood instead. ${errorMessage(error)}`
      )
      try {
        return await upDood(options, ctx, steps)
      } catch (doodError) {
        throw new Error(
          `mode: auto: neither mode works here.\ndind: ${errorMessage(error)}\n` +
            `dood: ${errorMessage(doodError)}`,
          { cause: doodError }
        )
      }
    }
  } finally {
    starting.fire()
    await reaping.finish()
  }
}

/** What a dind start needs to know about the runner before the mode is chosen. */
interface Prepared {
  detectedMtu: number | undefined
  job: JobContainer | undefined
  /** The image the sidecar runs (input `image` resolved). */
  resolved: ResolvedImage
}

async function prepareDind(
  options: DindOptions,
  ctx: UpContext,
  steps: UpSteps
): Promise<Prepared> {
  const [detectedMtu, job] = await Promise.all([
    options.mtu === 'auto' ? steps.uplinkMtu() : undefined,
    steps.jobContainer(ctx)
  ])
  const resolved = await steps.resolveImage(
    options.image,
    { hostDocker: ctx.hostDocker, inContainerJob: job !== undefined },
    ctx
  )
  return { detectedMtu, job, resolved }
}

/** `mode: auto`: one probe per job (a cached answer is reused), logged with its reason. */
async function chooseMode(
  options: DindOptions,
  prepared: Prepared,
  ctx: UpContext,
  steps: UpSteps
): Promise<'dind' | 'dood'> {
  const result = await ctx.logger.group('Choose mode (auto)', async () => {
    const cached = cachedProbe(ctx.cachedPrivileged)
    if (cached) return cached
    const probed = await steps.probe(
      options,
      prepared.resolved,
      `${ctx.runPrefix}-${randomSuffix()}-probe`,
      ctx
    )
    ctx.rememberProbe?.(probed.privileged)
    return probed
  })
  const mode = result.privileged ? 'dind' : 'dood'
  ctx.logger.info(`mode: auto chose ${mode}: ${result.reason}.`)
  return mode
}

async function upDind(
  options: DindOptions,
  prepared: Prepared,
  ctx: UpContext,
  steps: UpSteps,
  starting: Signal,
  fallingBack: boolean
): Promise<UpResult> {
  const { detectedMtu, job, resolved } = prepared
  const plan = makePlan(
    { ...options, image: resolved.image },
    {
      runPrefix: ctx.runPrefix,
      detectedMtu,
      now: new Date(),
      owner: ctx.owner,
      ...(resolved.runnerEngine && { runnerEngine: resolved.runnerEngine })
    }
  )
  if (job?.network) {
    plan.jobNetwork = { name: job.network, alias: job.aliasResolves }
    ctx.logger.info(
      `This step runs in container ${job.id.slice(0, 12)}: the sidecar joins ` +
        `its network ${job.network}${job.aliasResolves ? " as 'docker'" : ''}.`
    )
  }
  const plainTcp = plainTcpWarning(plan)
  if (plainTcp) ctx.logger.warning(plainTcp)
  const resources: Resources = {
    version: 1,
    runId: plan.runId,
    hostDocker: ctx.hostDocker
  }
  await ctx.recorder.record(resources)
  try {
    const info = await steps.startDind(plan, options, resources, ctx, starting)
    return { mode: 'dind', info, resources }
  } catch (error) {
    const rule = {
      cleanup: options.cleanup,
      fallingBack,
      noPostStep: ctx.noPostStep
    }
    if (removeFailedNestNow(rule)) {
      const warnings = await steps.removeNest(resources, ctx)
      for (const warning of warnings) ctx.logger.warning(warning)
      if (warnings.length === 0) await ctx.onRemoved?.()
    }
    throw error
  }
}

async function upDood(
  options: DindOptions,
  ctx: UpContext,
  steps: UpSteps
): Promise<UpResult> {
  const runId = `${ctx.runPrefix}-${randomSuffix()}`
  const resources: Resources = {
    version: 1,
    runId,
    hostDocker: ctx.hostDocker,
    mode: 'dood'
  }
  await ctx.recorder.record(resources)
  const info = await ctx.logger.group('Check the Docker socket', () =>
    steps.connectDood(options, runId, resources, ctx)
  )
  resources.socket = info.socket
  await ctx.recorder.record(resources)
  const job = ctx.workspace
    ? await steps.doodJobContainer(info.socket)
    : undefined
  const note = bindMountNote(
    job && ctx.workspace ? hostPathOf(ctx.workspace, job.mounts) : undefined
  )
  return { mode: 'dood', info, resources, note }
}

/** `docker run` arguments that give a container the runner's engine (the probe's). */
function runnerEngineRunArgs(engine: ResolvedImage['runnerEngine']): string[] {
  if (!engine) return []
  return [
    '--env',
    `PATH=${engine.searchPath}`,
    ...engine.binds.flatMap((dir) => [
      '--mount',
      `type=bind,source=${dir},target=${dir},readonly`
    ])
  ]
}

/** A docker CLI for the runner's daemon as it was at the start. */
function runnerDocker(ctx: UpContext): DockerCli {
  return DockerCli.locate(ctx.hostDocker, (m) => ctx.logger.debug(m))
}

const realSteps: UpSteps = {
  probe: (options, image, runId, ctx) =>
    probePrivileged(runnerDocker(ctx), image.image, runId, undefined, [
      ...isolationArgs(options.runtime, options.rootlessUnprivileged),
      ...runnerEngineRunArgs(image.runnerEngine)
    ]),
  resolveImage: (requested, facts, ctx) =>
    resolveImage(requested, facts, ctx.logger),
  async startDind(plan, options, resources, ctx, starting) {
    const docker = runnerDocker(ctx)
    // From here on a cancelled start may have docker calls in flight.
    const uninstall = exitOnCancel(docker, ctx.logger)
    try {
      return await startNestWithCache(plan, options.cache.busy, resources, {
        docker,
        logger: ctx.logger,
        recorder: ctx.recorder,
        certParentDir: ctx.certParentDir,
        onStarting: starting.fire
      })
    } finally {
      uninstall()
    }
  },
  connectDood: (options, runId, resources, ctx) =>
    connectDood(options, runId, {
      logger: ctx.logger,
      proxyDir: ctx.proxy.dir,
      cliPath: ctx.proxy.cliPath,
      recordProxy: (proxy) => {
        resources.proxy = proxy
        return ctx.recorder.record(resources)
      }
    }),
  async removeNest(resources, ctx) {
    const report = await ctx.logger.group('Remove the failed nest', () =>
      teardown(resources, runnerDocker(ctx), ctx.logger)
    )
    return report.warnings
  },
  jobContainer: (ctx) => {
    const docker = runnerDocker(ctx)
    return detectJobContainer(async (id) => {
      const result = await docker.tryExec([
        'inspect',
        '--type',
        'container',
        id
      ])
      if (result.exitCode !== 0) return undefined
      return (JSON.parse(result.stdout) as JobContainerInspect[])[0]
    })
  },
  doodJobContainer: (socket) =>
    detectJobContainer((id) => inspectOverSocket(socket, id)),
  uplinkMtu: () => detectUplinkMtu(),
  startReaping(ctx, after) {
    // No docker CLI on PATH: nothing to reap with (dood needs none).
    const binary = findOnPath('docker')
    const docker = binary
      ? new DockerCli(binary, ctx.hostDocker, (m) => ctx.logger.debug(m))
      : undefined
    return startReaping(docker, ctx.logger, after)
  }
}
