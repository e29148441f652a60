/**
 * How main reads and feeds its sidecar on the runner's daemon: over the
 * Engine API when that daemon is a plain unix socket the docker CLI would
 * use too, else through the docker CLI (which honours the user's contexts,
 * config.json and TLS variables). Which calls go which way:
 *
 * | call | API (plain socket) | otherwise |
 * | --- | --- | --- |
 * | run (create + start) | POST /containers/create, …/start | docker run |
 * | inspect after run | GET /containers/{id}/json | docker inspect |
 * | server certificate in | PUT /containers/{id}/archive | docker cp - |
 * | exit watch | POST /containers/{id}/wait | docker wait |
 * | fast-start log lines (debug) | GET /containers/{id}/logs | not read |
 *
 * `docker run` still goes through the CLI when the image is not on the
 * runner (the CLI pulls it with the user's registry credentials: config.json,
 * credential helpers) and when the run arguments hold a flag run-args.ts does
 * not translate.
 */
import { DockerCommandError, type DockerCli } from './docker.js'
import { EngineApi, EngineApiError, runnerApi } from './engine-api.js'
import { createRequestFromRunArgs } from './run-args.js'
import { watchExit } from './sidecar.js'
import type { ContainerInspect } from './types.js'

/** The calls dind.ts makes on its sidecar, whichever way they go. */
export interface SidecarAccess {
  via: 'engine-api' | 'docker-cli'
  /**
   * `docker run --detach` arguments (plan.ts); throws {@link DockerCommandError}
   * as the CLI would. `onStarting` is called once the start is on its way
   * (before the start request's answer, or as `docker run` is spawned), so
   * CPU work done then does not delay it.
   */
  runDetached(args: string[], onStarting?: () => void): Promise<void>
  inspect(name: string): Promise<ContainerInspect>
  /** Unpacks `tar` at `/` in the container. */
  copyIn(name: string, tar: Buffer): Promise<void>
  watchExit(name: string): { exited: Promise<string>; stopWatching(): void }
  /** The container's log, only where it costs no extra process. */
  cheapLog?(name: string): Promise<string>
}

/** The API over the runner's socket when {@link runnerSocketPath} allows it, else the CLI. */
export function sidecarAccess(
  docker: DockerCli,
  debug: (message: string) => void = () => undefined,
  env: NodeJS.ProcessEnv = process.env
): SidecarAccess {
  const api = runnerApi(docker.host, debug, env)
  if (!api) return cliAccess(docker)
  return {
    via: 'engine-api',
    runDetached: (args, onStarting) =>
      runOverApi(api, docker, args, debug, onStarting),
    inspect: (name) =>
      docker.track(['inspect', name], () => api.inspectContainer(name)),
    copyIn: (name, tar) =>
      docker.track(['cp', '-', `${name}:/`], () =>
        api.putArchive(name, '/', tar)
      ),
    watchExit: (name) => api.watchExit(name),
    cheapLog: (name) => api.containerLog(name)
  }
}

/** Every call through the docker CLI. */
export function cliAccess(docker: DockerCli): SidecarAccess {
  return {
    via: 'docker-cli',
    runDetached: (args, onStarting) => runWithCli(docker, args, onStarting),
    inspect: (name) => docker.inspect<ContainerInspect>(name),
    copyIn: async (name, tar) => {
      await docker.exec(['cp', '-', `${name}:/`], { input: tar })
    },
    watchExit: (name) => watchExit(docker, name)
  }
}

/**
 * Create and start over the API, tracked by the CLI wrapper so a cancelled
 * step waits for them like for `docker run`. A missing image goes to the CLI (it pulls
 * with the user's credentials); a daemon error becomes the
 * {@link DockerCommandError} `docker run` would have given, so the port
 * retry and the failure hints work the same either way.
 */
async function runOverApi(
  api: EngineApi,
  docker: DockerCli,
  args: string[],
  debug: (message: string) => void,
  onStarting?: () => void
): Promise<void> {
  const request = createRequestFromRunArgs(args)
  if (!request) {
    debug(
      'sidecar.run: arguments the API translation does not know; docker run'
    )
    await runWithCli(docker, args, onStarting)
    return
  }
  try {
    await docker.track(['create', request.name], () =>
      api.createContainer(request.name, request.body)
    )
  } catch (error) {
    if (error instanceof EngineApiError && error.status === 404) {
      debug(
        `sidecar.run: ${request.body.Image} is not here; docker run pulls it`
      )
      await runWithCli(docker, args, onStarting)
      return
    }
    throw asRunError(args, error)
  }
  try {
    const starting = docker.track(['start', request.name], () =>
      api.startContainer(request.name)
    )
    // The daemon spends ~300 ms on the start; the caller's CPU work (the
    // certificates) fits there without holding up create's answer or this
    // request. A timer turn lets the request reach the socket first.
    if (onStarting) setTimeout(onStarting, 1)
    await starting
  } catch (error) {
    throw asRunError(args, error)
  }
}

/** `docker run`: the CLI works in its own process, so `onStarting` at once. */
async function runWithCli(
  docker: DockerCli,
  args: string[],
  onStarting?: () => void
): Promise<void> {
  const running = docker.exec(args)
  onStarting?.()
  await running
}

/** What `docker run` prints and exits with when the daemon refuses (exit 125). */
function asRunError(args: string[], error: unknown): unknown {
  if (!(error instanceof EngineApiError)) return error
  const message = error.message.replace(/^\S+ \S+: HTTP \d+ /, '')
  return new DockerCommandError(
    args,
    125,
    `docker: Error response from daemon: ${message}.`
  )
}
