/**
 * The real parts of the start-up sequence (up.ts): each talks to the
 * runner's daemon, the file system or the network.
 */
import { startNestWithCache } from '../cache/start.js'
import { detectJobContainer } from '../dind/container-job.js'
import type { JobContainerInspect } from '../dind/container-job.js'
import { isolationHostConfig } from '../dind/isolation.js'
import { detectUplinkMtu } from '../dind/mtu.js'
import { DockerCli } from '../docker/cli.js'
import type { DockerClient } from '../docker/client.js'
import { locateHostClient } from '../docker/runner-client.js'
import { connectDood, inspectOverSocket } from '../dood/dood.js'
import { startReaping } from '../reap/at-start.js'
import { resolveImage, type ResolvedImage } from '../runner-engine/resolve.js'
import type { DindOptions } from '../types.js'
import { probePrivileged, type ProbeShape } from './auto.js'
import { exitOnCancel } from './cancel.js'
import { teardown } from './teardown.js'
import type { UpContext, UpSteps } from './up-context.js'

/** The probe's container: isolated as the sidecar, with the runner's engine when it runs that. */
function probeShape(options: DindOptions, image: ResolvedImage): ProbeShape {
  const engine = image.runnerEngine
  const { runtime, rootlessUnprivileged } = options
  return {
    isolation: isolationHostConfig(runtime, rootlessUnprivileged),
    env: engine ? [`PATH=${engine.searchPath}`] : [],
    binds: engine?.binds ?? []
  }
}

/** A docker CLI for the runner's daemon as it was at the start. */
function runnerDocker(ctx: UpContext): DockerCli {
  return DockerCli.locate(ctx.hostDocker, (m) => ctx.logger.debug(m))
}

/** The client for the runner's daemon as it was at the start. */
function runnerClient(ctx: UpContext): DockerClient {
  return locateHostClient(ctx.hostDocker, (m) => ctx.logger.debug(m))
}

export const realSteps: UpSteps = {
  probe: (options, image, runId, ctx) =>
    probePrivileged(
      runnerClient(ctx),
      image.image,
      runId,
      undefined,
      probeShape(options, image)
    ),
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
      teardown(resources, runnerClient(ctx), ctx.logger)
    )
    return report.warnings
  },
  jobContainer: (ctx) => {
    const docker = runnerClient(ctx)
    // The whole `docker inspect` object, Mounts and HostConfig included.
    // Any failure (no such container above all) means this step does not
    // run in a container of the runner's daemon.
    return detectJobContainer((id) =>
      docker.inspectContainer(id).then(
        (inspect): JobContainerInspect => inspect,
        () => undefined
      )
    )
  },
  doodJobContainer: (socket) =>
    detectJobContainer((id) => inspectOverSocket(socket, id)),
  uplinkMtu: () => detectUplinkMtu(),
  startReaping(ctx, after) {
    // Only the docker CLI reaches the daemon and there is none on PATH:
    // nothing to reap with (dood needs none).
    let docker: DockerClient | undefined
    try {
      docker = runnerClient(ctx)
    } catch {
      // undefined: no reaper
    }
    return startReaping(docker, ctx.logger, after)
  }
}
