/**
 * The runner's Docker daemon behind one interface: the Engine API over its
 * unix socket where docker-nest may use it (api-client.ts), the docker CLI
 * where only the CLI knows how to reach it — a context, a TLS or SSH
 * DOCKER_HOST, TLS client variables — or must do the work itself, such as
 * pulling an image with the user's registry credentials (cli-client.ts).
 * runner-client.ts picks one. Both start a container from the same create
 * request (create-request.ts).
 */
import type { AttachedStreams } from './attach.js'
import type { CreateRequest } from './create-request.js'
import type { ExitWatch } from './engine-api.js'
import type { ContainerInspect } from '../types.js'

export type { ExitWatch }

/** How {@link DockerClient.run} reports its progress. */
export interface RunHooks {
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
   * Gets the stderr of `docker run` as it comes: when the image is not on
   * the runner, the CLI reports its pull there (pull-progress.ts).
   */
  onRunOutput?: (chunk: string) => void
  /** Attach to the container before its start, where the client can (Engine API). */
  attach?: StdinAttach
}

/**
 * The container gets an open stdin, and its streams are attached before
 * the start request goes out: what it reads and prints from its first
 * instruction on is there, with no `docker cp` or `docker logs`.
 */
export interface StdinAttach {
  /** `NAME=value` entries added to the container's env with the open stdin. */
  env: string[]
  /** Each payload of its stdout and stderr. */
  onOutput: (payload: Buffer) => void
  /** Gets the streams (still being attached) before the start request is sent. */
  onAttach: (streams: Promise<AttachedStreams>) => void
}

/** The calls the engine makes on the runner's daemon, whichever way they go. */
export interface DockerClient {
  /** How the calls go: `engine-api` (the runner's socket) or `docker-cli`. */
  readonly via: 'engine-api' | 'docker-cli'
  /**
   * Creates and starts the container of `request` (`docker run --detach`);
   * throws the DockerCommandError `docker run` would, either way.
   */
  run(request: CreateRequest, hooks?: RunHooks): Promise<void>
  /** What `docker inspect` prints for a container. */
  inspectContainer(name: string): Promise<ContainerInspect>
  /** Unpacks a tar at `/` in the container (`docker cp -`). */
  copyIn(name: string, tar: Buffer): Promise<void>
  /** Settles `exited` once the container stops (`docker wait`). */
  watchExit(name: string): ExitWatch
  /** The container's whole log; only where it costs no extra process. */
  containerLog?(name: string): Promise<string>
}
