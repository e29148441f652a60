/**
 * How main reads and feeds its sidecar on the runner's daemon, through the
 * one Docker client (docker/client.ts): over the Engine API when that
 * daemon is a plain unix socket the docker CLI would use too, else through
 * the docker CLI (which honours the user's contexts, config.json and TLS
 * variables). Which calls go which way:
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
 * runner: the CLI pulls it with the user's registry credentials
 * (config.json, credential helpers). Both ways start the container of the
 * same create request (plan.ts); the CLI gets its `docker run` form
 * (docker/run-args.ts).
 */
import type { DockerCli } from '../docker/cli.js'
import type { AttachedStreams } from '../docker/attach.js'
import type { DockerClient, ExitWatch } from '../docker/client.js'
import type { CreateRequest } from '../docker/create-request.js'
import { runnerClient } from '../docker/runner-client.js'
import { SidecarLog } from './sidecar-log.js'
import { STDIN_DELIVERY_ENV, encodeForStdin } from './stdin-delivery.js'
import { createTar, type TarEntry } from '../docker/tar.js'
import type { ContainerInspect } from '../types.js'

/** How {@link SidecarAccess.runDetached} runs the sidecar. */
export interface RunOptions {
  /** As in docker/client.ts RunHooks. */
  onCreating?: () => void
  /** As in docker/client.ts RunHooks. */
  onStarting?: () => void
  /**
   * Files will follow with copyIn and the sidecar runs as root: where the
   * API is used, they go on its stdin (stdin-delivery.ts).
   */
  filesByStdin?: boolean
  /** As in docker/client.ts RunHooks: the output of a pulling `docker run`. */
  onRunOutput?: (chunk: string) => void
}

/** The calls dind.ts makes on its sidecar, whichever way they go. */
export interface SidecarAccess {
  via: DockerClient['via']
  /**
   * Creates and starts the container of `request` (plan.ts); throws the
   * DockerCommandError `docker run` would.
   */
  runDetached(request: CreateRequest, options?: RunOptions): Promise<void>
  inspect(name: string): Promise<ContainerInspect>
  /** Puts the files (paths relative to `/`) into the container; the last one releases the start script. */
  copyIn(name: string, entries: TarEntry[]): Promise<void>
  /** True while the container's stdin is attached and nothing was sent (API path). */
  stdinPending?(name: string): boolean
  watchExit(name: string): ExitWatch
  /** The container's log, only where it costs no extra process. */
  cheapLog?(name: string): Promise<string>
  /** Its output as it comes, where main attached to it before the start. */
  liveLog?(name: string): SidecarLog | undefined
  /** Stops reading its output: main has what it needs. */
  detach?(name: string): void
}

/** The sidecar on the runner's daemon, through {@link runnerClient}. */
export function sidecarAccess(
  docker: DockerCli,
  debug: (message: string) => void = () => undefined,
  env: NodeJS.ProcessEnv = process.env
): SidecarAccess {
  return sidecarAccessVia(runnerClient(docker, debug, env))
}

/** The sidecar's streams, attached before its start (API path). */
interface Attachment {
  stream: Promise<AttachedStreams>
  /** What came out of it so far. */
  log: SidecarLog
  /** Its stdin still waits for the files (copyIn sends them once). */
  filesPending: boolean
}

/** The sidecar through `client`: its stdin and output where the client attaches. */
export function sidecarAccessVia(client: DockerClient): SidecarAccess {
  // By container name (a port retry creates the container again under the
  // same name).
  const attachments = new Map<string, Attachment>()
  const fetched = new Map<string, Promise<string>>()
  const detach = (name: string): void => {
    void attachments.get(name)?.stream.then(
      (stream) => stream.abort(),
      () => undefined
    )
    attachments.delete(name)
  }
  const { containerLog } = client
  return {
    via: client.via,
    runDetached: async (request, options = {}) => {
      const log = new SidecarLog()
      try {
        await client.run(request, {
          onCreating: options.onCreating,
          onStarting: options.onStarting,
          onRunOutput: options.onRunOutput,
          // The start script reads the files from stdin only when told so.
          ...(options.filesByStdin && {
            attach: {
              env: [`${STDIN_DELIVERY_ENV}=stdin`],
              onOutput: (payload) => log.append(payload),
              onAttach: (stream) =>
                attachments.set(request.name, {
                  stream,
                  log,
                  filesPending: true
                })
            }
          })
        })
      } catch (error) {
        detach(request.name)
        throw error
      }
    },
    inspect: (name) => client.inspectContainer(name),
    copyIn: async (name, entries) => {
      const attachment = attachments.get(name)
      if (attachment?.filesPending) {
        // A failed attach surfaces here (the start script would wait on
        // stdin for ever).
        attachment.filesPending = false
        await (await attachment.stream).send(encodeForStdin(entries))
        return
      }
      await client.copyIn(name, createTar(entries))
    },
    stdinPending: (name) => attachments.get(name)?.filesPending === true,
    watchExit: (name) => client.watchExit(name),
    cheapLog: containerLog
      ? (name) => {
          const live = attachments.get(name)?.log
          if (live?.complete) return Promise.resolve(live.text)
          // Not attached, or attached too late for the first lines: asked once.
          let whole = fetched.get(name)
          if (!whole) {
            whole = containerLog(name)
            fetched.set(name, whole)
          }
          return whole
        }
      : undefined,
    liveLog: (name) => attachments.get(name)?.log,
    detach
  }
}
