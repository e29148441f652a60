/**
 * Giving a job Docker: the one start-up sequence the Action's main step,
 * its early start and `docker-nest up` all call. It chooses the mode
 * (`auto` probes once), starts the reaper, records every resource before it
 * exists, starts the nest (with its cache) or connects to the runner's
 * daemon, and decides what a failed start leaves behind. Presenting the
 * result (exported variables, outputs, summaries) is the caller's part.
 */
import { hostPathOf } from '../dind/container-job.js'
import type { JobContainer } from '../dind/container-job.js'
import { makePlan, plainTcpWarning, randomSuffix } from '../dind/plan.js'
import { bindMountNote } from '../dood/dood.js'
import { errorMessage } from '../errors.js'
import type { ResolvedImage } from '../runner-engine/resolve.js'
import type { DindOptions } from '../types.js'
import { cachedProbe } from './auto.js'
import type { Resources } from './resources.js'
import { signal, type Signal } from './signal.js'
import type { UpContext, UpResult, UpSteps } from './up-context.js'
import { realSteps } from './up-steps.js'

export type { UpContext, UpResult, UpSteps } from './up-context.js'

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
