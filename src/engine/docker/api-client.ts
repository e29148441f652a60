/**
 * {@link DockerClient} over the Engine API on the runner's socket. Each
 * call is tracked by the CLI wrapper (DockerCli.track), so a cancelled
 * step refuses new ones and waits for those in flight, as for `docker`
 * processes. An image that is not on the runner is left to `docker run`,
 * which pulls it with the user's registry credentials.
 */
import { DockerCommandError, type DockerCli } from './cli.js'
import { runWithCli } from './cli-client.js'
import {
  outcomeOf,
  type ContainerDetails,
  type DockerClient,
  type RunHooks,
  type VolumeDetails
} from './client.js'
import type { CreateRequest } from './create-request.js'
import { EngineApi, EngineApiError } from './engine-api.js'
import {
  disconnectNetwork,
  listByLabel,
  networkEndpoints,
  removeNetwork
} from './engine-api-labelled.js'
import { runArgsFromCreate } from './run-args.js'

/** How long an image lookup or import may take. */
const IMAGE_TIMEOUT_MS = 30_000

/** Calls over `api`, tracked by `docker`. */
export function apiClient(
  api: EngineApi,
  docker: DockerCli,
  debug: (message: string) => void = () => undefined
): DockerClient {
  const { endpoint } = api
  const track = <T>(args: string[], call: () => Promise<T>) =>
    docker.track(args, call)
  return {
    via: 'engine-api',
    daemon: endpoint.socketPath ?? `${endpoint.host}:${endpoint.port}`,
    run: (request, hooks = {}) =>
      runOverApi(api, docker, request, hooks, debug),
    inspectContainer: (name) =>
      track(['inspect', name], () => api.inspectContainer(name)),
    copyIn: (name, tar) =>
      track(['cp', '-', `${name}:/`], () => api.putArchive(name, '/', tar)),
    watchExit: (name) => api.watchExit(name),
    containerLog: (name) => api.containerLog(name),
    findContainer: (name) =>
      track(['inspect', name], () =>
        unlessMissing(api.inspectContainer(name) as Promise<ContainerDetails>)
      ),
    findVolume: (name) =>
      track(['volume', 'inspect', name], () =>
        unlessMissing(api.inspectVolume(name) as Promise<VolumeDetails>)
      ),
    listLabelled: async (label, keys) => {
      const listed = await track(['ps', '--filter', label], () =>
        api.listLabelled(label)
      )
      return {
        containers: listed.containers.map((c) => ({
          id: c.Id,
          name: (c.Names[0] ?? '').replace(/^\//, ''),
          labels: pick(c.Labels, keys)
        })),
        volumes: listed.volumes.map((v) => ({
          name: v.Name,
          labels: pick(v.Labels ?? {}, keys)
        }))
      }
    },
    labelledIds: async (kind, label) => {
      const args = [kind, 'ls', '--filter', label]
      if (kind === 'volume') {
        const volumes = await track(args, () =>
          listByLabel(api, 'volumes', label)
        )
        return volumes.map((volume) => volume.Name)
      }
      const listed = await track(args, () =>
        listByLabel(api, `${kind}s`, label)
      )
      // Short ids, as the CLI's --quiet prints them.
      return listed.map((object) => object.Id.slice(0, 12))
    },
    networkEndpoints: (network) =>
      track(['network', 'inspect', network], () =>
        networkEndpoints(api, network)
      ),
    disconnectNetwork: (network, endpoint) =>
      outcomeOf(() =>
        track(['network', 'disconnect', network], () =>
          disconnectNetwork(api, network, endpoint)
        )
      ),
    removeNetwork: (network) =>
      outcomeOf(() =>
        track(['network', 'rm', network], () => removeNetwork(api, network))
      ),
    kill: (id, signal) =>
      outcomeOf(() => track(['kill', id], () => api.kill(id, signal))),
    waitStopped: (id, timeoutMs) =>
      outcomeOf(() => track(['wait', id], () => api.wait(id, timeoutMs))),
    stop: (id, graceSeconds) =>
      outcomeOf(() => track(['stop', id], () => api.stop(id, graceSeconds))),
    removeContainer: (id) =>
      outcomeOf(() => track(['rm', id], () => api.removeContainer(id))),
    removeVolume: (name, { force = false } = {}) =>
      outcomeOf(() =>
        track(['volume', 'rm', name], () => api.removeVolume(name, force))
      ),
    imageExists: (reference) =>
      track(['image', 'inspect', reference], () =>
        api.imageExists(reference, IMAGE_TIMEOUT_MS)
      ),
    importImage: (tar, reference, changes) =>
      track(['import', reference], () =>
        importOverApi(api, tar, reference, changes)
      ),
    logTail: async (name, lines) => {
      // Both streams in full, stdout's first, as `docker logs` prints them.
      const tail = String(lines)
      const [out, err] = await track(['logs', name], () =>
        Promise.all([
          api.containerLog(name, tail, 'stdout'),
          api.containerLog(name, tail, 'stderr')
        ])
      )
      return [out, err].filter((text) => text.trim() !== '').join('\n')
    }
  }
}

/** The answer, or undefined when the daemon says there is no such object (404). */
async function unlessMissing<T>(call: Promise<T>): Promise<T | undefined> {
  try {
    return await call
  } catch (error) {
    if (error instanceof EngineApiError && error.status === 404) {
      return undefined
    }
    throw error
  }
}

/** Those of `keys` that `labels` has. */
function pick(
  labels: Record<string, string> | null,
  keys: readonly string[]
): Record<string, string> {
  const picked: Record<string, string> = {}
  for (const key of keys) {
    const value = labels?.[key]
    if (value !== undefined) picked[key] = value
  }
  return picked
}

/**
 * `docker import` over the API. The daemon answers 200 and then streams
 * JSON messages; a failure arrives as one of them and is thrown.
 */
async function importOverApi(
  api: EngineApi,
  tar: Buffer,
  reference: string,
  changes: string[]
): Promise<void> {
  const colon = reference.lastIndexOf(':')
  const query = new URLSearchParams({
    repo: reference.slice(0, colon),
    tag: reference.slice(colon + 1)
  })
  for (const change of changes) query.append('changes', change)
  let stream: string
  try {
    stream = await api.importImage(tar, query, IMAGE_TIMEOUT_MS)
  } catch (error) {
    // The status and body as they came: the daemon's log says the rest.
    if (error instanceof EngineApiError) {
      throw new Error(`HTTP ${error.status} ${error.body.trim()}`, {
        cause: error
      })
    }
    throw error
  }
  const failure = streamError(stream)
  if (failure !== undefined) throw new Error(failure)
}

/** The `error` of the first failed message in an import's JSON stream. */
export function streamError(body: string): string | undefined {
  for (const line of body.split('\n')) {
    if (line.trim() === '') continue
    try {
      const message = JSON.parse(line) as { error?: unknown }
      if (message.error) return String(message.error)
    } catch {
      return `unreadable answer: ${line.slice(0, 200)}`
    }
  }
  return undefined
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
