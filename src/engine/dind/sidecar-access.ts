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
 * | server certificate in | on stdin (attached before the start), or PUT …/archive for a rootless sidecar | docker cp - |
 * | exit watch | POST /containers/{id}/wait | docker wait |
 * | its output: fast-start lines (debug), daemon version and storage driver | on the stdin stream, attached with stdout and stderr (sidecar-log.ts); GET /containers/{id}/logs when not attached | not read (`GET /info`) |
 *
 * `docker run` still goes through the CLI when the image is not on the
 * runner (the CLI pulls it with the user's registry credentials: config.json,
 * credential helpers) and when the run arguments hold a flag run-args.ts does
 * not translate.
 */
import { DockerCommandError, type DockerCli } from '../docker/cli.js'
import {
  EngineApi,
  EngineApiError,
  runnerApi,
  type AttachedStreams
} from '../docker/engine-api.js'
import { createRequestFromRunArgs } from './run-args.js'
import { SidecarLog } from './sidecar-log.js'
import { watchExit } from './sidecar.js'
import { STDIN_DELIVERY_ENV, encodeForStdin } from './stdin-delivery.js'
import { createTar, type TarEntry } from '../docker/tar.js'
import type { ContainerInspect } from '../types.js'

/** How {@link SidecarAccess.runDetached} runs the sidecar. */
export interface RunOptions {
  /**
   * Called once the create request is written to the daemon's socket (or
   * as `docker run` is spawned): CPU work done then runs while the daemon
   * creates the container, whose answer only the start request waits for.
   */
  onCreating?: () => void
  /**
   * Called once the start request is written (long before its answer), or
   * as `docker run` is spawned, so CPU work done then does not delay it.
   */
  onStarting?: () => void
  /**
   * Files will follow with copyIn and the sidecar runs as root: where the
   * API is used, they go on its stdin (stdin-delivery.ts).
   */
  filesByStdin?: boolean
  /**
   * Gets the stderr of `docker run` as it comes: when the image is not on
   * the runner, the CLI reports its pull there (pull-progress.ts).
   */
  onRunOutput?: (chunk: string) => void
}

/** The calls dind.ts makes on its sidecar, whichever way they go. */
export interface SidecarAccess {
  via: 'engine-api' | 'docker-cli'
  /**
   * `docker run --detach` arguments (plan.ts); throws {@link DockerCommandError}
   * as the CLI would.
   */
  runDetached(args: string[], options?: RunOptions): Promise<void>
  inspect(name: string): Promise<ContainerInspect>
  /** Puts the files (paths relative to `/`) into the container; the last one releases the start script. */
  copyIn(name: string, entries: TarEntry[]): Promise<void>
  /** True while the container's stdin is attached and nothing was sent (API path). */
  stdinPending?(name: string): boolean
  watchExit(name: string): { exited: Promise<string>; stopWatching(): void }
  /** The container's log, only where it costs no extra process. */
  cheapLog?(name: string): Promise<string>
  /** Its output as it comes, where main attached to it before the start. */
  liveLog?(name: string): SidecarLog | undefined
  /** Stops reading its output: main has what it needs. */
  detach?(name: string): void
}

/** The API over the runner's socket when {@link runnerSocketPath} allows it, else the CLI. */
export function sidecarAccess(
  docker: DockerCli,
  debug: (message: string) => void = () => undefined,
  env: NodeJS.ProcessEnv = process.env
): SidecarAccess {
  const api = runnerApi(docker.host, debug, env)
  if (!api) return cliAccess(docker)
  // By container name (a port retry creates the container again under the
  // same name).
  const attachments = new Map<string, Attachment>()
  const fetched = new Map<string, Promise<string>>()
  return {
    via: 'engine-api',
    runDetached: (args, options = {}) =>
      runOverApi(api, docker, args, debug, options, attachments),
    inspect: (name) =>
      docker.track(['inspect', name], () => api.inspectContainer(name)),
    copyIn: async (name, entries) => {
      const attachment = attachments.get(name)
      if (attachment?.filesPending) {
        attachment.filesPending = false
        const data = encodeForStdin(entries)
        await docker.track(['attach', name], async () =>
          (await attachment.stream).send(data)
        )
        return
      }
      await docker.track(['cp', '-', `${name}:/`], () =>
        api.putArchive(name, '/', createTar(entries))
      )
    },
    stdinPending: (name) => attachments.get(name)?.filesPending === true,
    watchExit: (name) => api.watchExit(name),
    cheapLog: (name) => {
      const live = attachments.get(name)?.log
      if (live?.complete) return Promise.resolve(live.text)
      // Not attached, or attached too late for the first lines: asked once.
      let whole = fetched.get(name)
      if (!whole) {
        whole = api.containerLog(name)
        fetched.set(name, whole)
      }
      return whole
    },
    liveLog: (name) => attachments.get(name)?.log,
    detach: (name) => detach(attachments, name)
  }
}

/** The sidecar's streams, attached before its start (API path). */
interface Attachment {
  stream: Promise<AttachedStreams>
  /** What came out of it so far. */
  log: SidecarLog
  /** Its stdin still waits for the files (copyIn sends them once). */
  filesPending: boolean
}

/** Drops the streams of `name`: its stdin ends, its output is no longer read. */
function detach(attachments: Map<string, Attachment>, name: string): void {
  void attachments.get(name)?.stream.then(
    (stream) => stream.abort(),
    () => undefined
  )
  attachments.delete(name)
}

/** Every call through the docker CLI. */
export function cliAccess(docker: DockerCli): SidecarAccess {
  return {
    via: 'docker-cli',
    runDetached: (args, options = {}) => runWithCli(docker, args, options),
    inspect: (name) => docker.inspect<ContainerInspect>(name),
    copyIn: async (name, entries) => {
      await docker.exec(['cp', '-', `${name}:/`], { input: createTar(entries) })
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
  options: RunOptions,
  attachments: Map<string, Attachment>
): Promise<void> {
  const request = createRequestFromRunArgs(args)
  if (!request) {
    debug(
      'sidecar.run: arguments the API translation does not know; docker run'
    )
    await runWithCli(docker, args, options)
    return
  }
  if (options.filesByStdin) {
    request.body.OpenStdin = true
    request.body.StdinOnce = true
    request.body.Env.push(`${STDIN_DELIVERY_ENV}=stdin`)
  }
  try {
    await docker.track(['create', request.name], () =>
      api.createContainer(request.name, request.body, options.onCreating)
    )
  } catch (error) {
    if (error instanceof EngineApiError && error.status === 404) {
      debug(
        `sidecar.run: ${request.body.Image} is not here; docker run pulls it`
      )
      await runWithCli(docker, args, options)
      return
    }
    throw asRunError(args, error)
  }
  if (options.filesByStdin) {
    // Attached alongside the start; copyIn awaits it. A failed attach
    // surfaces there (the start script would wait on stdin for ever).
    const log = new SidecarLog()
    const stream = api.attach(request.name, (payload) => log.append(payload))
    stream.catch(() => undefined)
    attachments.set(request.name, { stream, log, filesPending: true })
  }
  try {
    // The daemon spends ~300 ms on the start; the caller's CPU work left
    // (the server certificate, the reaper) fits there once the request is
    // out, without holding it up.
    await docker.track(['start', request.name], () =>
      api.startContainer(request.name, options.onStarting)
    )
  } catch (error) {
    detach(attachments, request.name)
    throw asRunError(args, error)
  }
}

/** `docker run`: the CLI works in its own process, so both callbacks at once. */
async function runWithCli(
  docker: DockerCli,
  args: string[],
  { onCreating, onStarting, onRunOutput }: RunOptions
): Promise<void> {
  const running = docker.exec(args, { onStderr: onRunOutput })
  onCreating?.()
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
