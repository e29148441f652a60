/**
 * {@link DockerClient} over the Engine API on the runner's socket. Each
 * call is tracked by the CLI wrapper (DockerCli.track), so a cancelled
 * step refuses new ones and waits for those in flight, as for `docker`
 * processes. An image that is not on the runner is left to `docker run`,
 * which pulls it with the user's registry credentials.
 */
import { DockerCommandError, type DockerCli } from './cli.js'
import { runWithCli } from './cli-client.js'
import type { DockerClient, RunHooks } from './client.js'
import type { CreateRequest } from './create-request.js'
import { EngineApi, EngineApiError } from './engine-api.js'
import { runArgsFromCreate } from './run-args.js'

/** Calls over `api`, tracked by `docker`. */
export function apiClient(
  api: EngineApi,
  docker: DockerCli,
  debug: (message: string) => void = () => undefined
): DockerClient {
  return {
    via: 'engine-api',
    run: (request, hooks = {}) =>
      runOverApi(api, docker, request, hooks, debug),
    inspectContainer: (name) =>
      docker.track(['inspect', name], () => api.inspectContainer(name)),
    copyIn: (name, tar) =>
      docker.track(['cp', '-', `${name}:/`], () =>
        api.putArchive(name, '/', tar)
      ),
    watchExit: (name) => api.watchExit(name),
    containerLog: (name) => api.containerLog(name)
  }
}

/**
 * Create, attach when asked, start. A daemon error becomes the
 * {@link DockerCommandError} `docker run` would have given, so the port
 * retry and the failure hints work the same either way.
 */
async function runOverApi(
  api: EngineApi,
  docker: DockerCli,
  request: CreateRequest,
  hooks: RunHooks,
  debug: (message: string) => void
): Promise<void> {
  const { name } = request
  const { attach } = hooks
  const body = attach
    ? {
        ...request.body,
        OpenStdin: true,
        StdinOnce: true,
        Env: [...request.body.Env, ...attach.env]
      }
    : request.body
  try {
    await docker.track(['create', name], () =>
      api.createContainer(name, body, hooks.onCreating)
    )
  } catch (error) {
    if (error instanceof EngineApiError && error.status === 404) {
      debug(
        `docker.run: ${request.body.Image} is not here; docker run pulls it`
      )
      // The create request was sent already: onCreating has fired.
      await runWithCli(docker, request, { ...hooks, onCreating: undefined })
      return
    }
    throw asRunError(request, error)
  }
  if (attach) {
    // Attached alongside the start; a failed attach surfaces where the
    // streams are used.
    const streams = api.attach(name, attach.onOutput).then((attached) => ({
      send: (data: Buffer) =>
        docker.track(['attach', name], () => attached.send(data)),
      abort: () => attached.abort()
    }))
    streams.catch(() => undefined)
    attach.onAttach(streams)
  }
  try {
    // The daemon spends ~300 ms on the start; the caller's CPU work left
    // (the server certificate, the reaper) fits there once the request is
    // out, without holding it up.
    await docker.track(['start', name], () =>
      api.startContainer(name, hooks.onStarting)
    )
  } catch (error) {
    throw asRunError(request, error)
  }
}

/** What `docker run` prints and exits with when the daemon refuses (exit 125). */
function asRunError(request: CreateRequest, error: unknown): unknown {
  if (!(error instanceof EngineApiError)) return error
  const message = error.message.replace(/^\S+ \S+: HTTP \d+ /, '')
  return new DockerCommandError(
    runArgsFromCreate(request),
    125,
    `docker: Error response from daemon: ${message}.`
  )
}
