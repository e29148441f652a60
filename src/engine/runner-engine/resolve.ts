/**
 * Which image a nest runs: input `image` as given (pinned, always honoured),
 * `runner` (the runner's own engine, or a clear failure), or `auto` (the
 * runner's own engine when it can run a nest, else the default dind image,
 * saying why). The runner's engine needs nothing pulled.
 */
import { locateHostClient } from '../docker/runner-client.js'
import {
  AUTO_IMAGE,
  DEFAULT_DIND_IMAGE,
  RUNNER_IMAGE
} from '../options/inputs.js'
import type { HostDockerEnv, Logger } from '../types.js'
import { discoverRunnerEngine } from './discovery.js'
import { ensureRootImage } from './image-import.js'
import { rootImage } from './root-image.js'
import type { RunnerEngineDiscovery } from './types.js'

/** What the sidecar runs. */
export interface ResolvedImage {
  image: string
  /** Set for the runner's own engine: host paths bound read-only, the nest's PATH. */
  runnerEngine?: { binds: string[]; searchPath: string; dockerd: string }
}

/** What decides whether the runner's engine may run the nest. */
export interface RunnerFacts {
  hostDocker: HostDockerEnv
  /** This step runs in a container (a container job): its files are not the runner's. */
  inContainerJob: boolean
}

/**
 * Why the runner's engine cannot run a nest here, before looking for it;
 * undefined when nothing stands in the way. Pure.
 */
export function blockedBecause(facts: RunnerFacts): string | undefined {
  if (facts.inContainerJob) {
    return (
      'this step runs in a container: the programs it sees are the ' +
      "container's, not those of the runner's daemon"
    )
  }
  const host = facts.hostDocker.DOCKER_HOST ?? ''
  if (host !== '' && !host.startsWith('unix://')) {
    return `the runner's daemon is at ${host}, not on this machine`
  }
  const context = facts.hostDocker.DOCKER_CONTEXT ?? ''
  if (context !== '' && context !== 'default') {
    return `docker context ${context} may point at another machine`
  }
  return undefined
}

/**
 * The decision for `requested` given what stands in the way or what
 * discovery found: the image, or an error for an explicit `runner`. Pure.
 */
export function chooseImage(
  requested: string,
  blocked: string | undefined,
  discovery: RunnerEngineDiscovery | undefined
):
  | { use: 'pinned' | 'dind'; image: string; why?: string }
  | { use: 'runner' }
  | { use: 'fail'; message: string } {
  if (requested !== AUTO_IMAGE && requested !== RUNNER_IMAGE) {
    return { use: 'pinned', image: requested }
  }
  const why =
    blocked ??
    (discovery && !discovery.available ? discovery.message : undefined)
  if (why === undefined) return { use: 'runner' }
  if (requested === RUNNER_IMAGE) {
    return {
      use: 'fail',
      message:
        `Input 'image' is 'runner', but the runner's engine cannot run a nest: ${why}. ` +
        `Set image to a dind image such as '${DEFAULT_DIND_IMAGE}', or to 'auto' to fall back to it.`
    }
  }
  return { use: 'dind', image: DEFAULT_DIND_IMAGE, why }
}

/** Resolves `requested`; imports the root image when the runner's engine is used. */
export async function resolveImage(
  requested: string,
  facts: RunnerFacts,
  logger: Logger
): Promise<ResolvedImage> {
  const blocked = blockedBecause(facts)
  const wanted = requested === AUTO_IMAGE || requested === RUNNER_IMAGE
  const discovery = wanted && !blocked ? discoverRunnerEngine() : undefined
  const choice = chooseImage(requested, blocked, discovery)
  if (choice.use === 'pinned') return { image: choice.image }
  if (choice.use === 'fail') throw new Error(choice.message)
  if (choice.use === 'dind') {
    logger.info(
      `image: auto: not the runner's own engine (${choice.why}); using ${choice.image}.`
    )
    return { image: choice.image }
  }
  if (!discovery?.available) throw new Error('unreachable: no engine found')
  for (const warning of discovery.warnings)
    logger.debug(`runner-engine: ${warning}`)
  const image = rootImage(discovery.links)
  const debug = (message: string): void => logger.debug(message)
  await ensureRootImage(image, locateHostClient(facts.hostDocker, debug), debug)
  logger.info(
    `image: ${requested}: the runner's own engine (${discovery.paths.dockerd}), ` +
      'nothing to pull.'
  )
  return {
    image: image.reference,
    runnerEngine: {
      binds: discovery.binds,
      searchPath: discovery.searchPath,
      dockerd: discovery.paths.dockerd
    }
  }
}
