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
import { DockerCommandError } from './cli.js'
import type { CreateRequest } from './create-request.js'
import { EngineApiError } from './engine-api-error.js'
import type { ExitWatch } from './engine-api.js'
import { waitFor, type WaitOptions } from './wait.js'
import type { ContainerInspect } from '../types.js'

export type { ExitWatch }

/**
 * A container as teardown and the cache lock read it: `docker inspect`
 * with its config.
 * https://github.com/moby/moby/blob/master/api/types/container/config.go (Config)
 */
export interface ContainerDetails extends ContainerInspect {
  Config: { Labels: Record<string, string> | null; Env: string[] | null }
}

/**
 * A volume as `docker volume inspect` prints it, as far as it is read.
 * https://github.com/moby/moby/blob/master/api/types/volume/volume.go (Volume)
 */
export interface VolumeDetails {
  Name: string
  Labels: Record<string, string> | null
}

/** One container of {@link DockerClient.listLabelled}. */
export interface ListedContainer {
  /** The full id. */
  id: string
  /** Its (first) name, without the leading '/'. */
  name: string
  /** The labels asked for that it carries. */
  labels: Record<string, string>
}

/** One volume of {@link DockerClient.listLabelled}. */
export interface ListedVolume {
  name: string
  /** The labels asked for that it carries. */
  labels: Record<string, string>
}

/** The kinds of object a run may label (see {@link DockerClient.labelledIds}). */
export type ObjectKind = 'container' | 'network' | 'volume'

/**
 * How a call that may fail went. `error` is the daemon's refusal as the
 * docker CLI prints it (`Error response from daemon: No such container:
 * …`), whichever way the call went, so callers test it with the same
 * patterns (cli.ts isNoSuchObject); '' when `ok`.
 */
export interface Outcome {
  ok: boolean
  error: string
}

/** The text of a failed call, as {@link Outcome.error} gives it. */
export function errorText(error: unknown): string {
  if (error instanceof DockerCommandError) return error.stderr.trim()
  if (error instanceof EngineApiError) return error.daemonText
  return error instanceof Error ? error.message : String(error)
}

/** Runs `call` and says how it went instead of throwing. */
export async function outcomeOf(
  call: () => Promise<unknown>
): Promise<Outcome> {
  try {
    await call()
    return { ok: true, error: '' }
  } catch (error) {
    return {
      ok: false,
      error: errorText(error) || 'failed without an error text'
    }
  }
}

/**
 * Runs `call` again while it fails with `busy` in its error (an object
 * that something else is still letting go of), every `wait.intervalMs`
 * within `wait.timeoutMs`; `beforeRetry` runs after each such refusal.
 * Returns the last outcome, whether it succeeded or not.
 */
export async function retryWhileBusy(
  call: () => Promise<Outcome>,
  busy: RegExp,
  wait: Omit<WaitOptions, 'stop'>,
  beforeRetry: () => Promise<void> = async () => undefined
): Promise<Outcome> {
  const waited = await waitFor(async () => {
    const outcome = await call()
    if (outcome.ok || !busy.test(outcome.error)) return outcome
    await beforeRetry()
    throw outcome
  }, wait)
  return waited.status === 'ready'
    ? waited.value
    : (waited.lastError as Outcome)
}

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
  /**
   * Where `docker run` does the work, kill it after this long (it may be
   * pulling); the Engine API's requests have their own timeouts.
   */
  timeoutMs?: number
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
  /** Which daemon, for messages: its socket, or how the CLI reaches it. */
  readonly daemon: string
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
  /**
   * `docker inspect` of a container with its config; undefined when there
   * is no such container, throws for any other failure.
   */
  findContainer(name: string): Promise<ContainerDetails | undefined>
  /** `docker volume inspect`; undefined when there is no such volume, throws otherwise. */
  findVolume(name: string): Promise<VolumeDetails | undefined>
  /**
   * Every container (running or not) and volume carrying `label` (`key` or
   * `key=value`), each with those of `keys` it carries (`docker ps --all`,
   * `docker volume ls`).
   */
  listLabelled(
    label: string,
    keys: readonly string[]
  ): Promise<{ containers: ListedContainer[]; volumes: ListedVolume[] }>
  /**
   * The objects of `kind` carrying `label` (`key` or `key=value`), as
   * `docker ps --all --quiet`, `docker network ls --quiet` and `docker
   * volume ls --quiet` print them: containers and networks by short id (12
   * digits), volumes by name. Throws when they cannot be listed.
   */
  labelledIds(kind: ObjectKind, label: string): Promise<string[]>
  /**
   * The name of each endpoint on a network (`docker network inspect`): a
   * container's, or a stale endpoint's own. Throws when it cannot be read.
   */
  networkEndpoints(network: string): Promise<string[]>
  /**
   * Detaches `endpoint` (a container, or a stale endpoint's name) from a
   * network (`docker network disconnect --force`).
   */
  disconnectNetwork(network: string, endpoint: string): Promise<Outcome>
  /** Removes a network (`docker network rm`). */
  removeNetwork(network: string): Promise<Outcome>
  /** Sends `signal` (e.g. `TERM`) to a container (`docker kill --signal`). */
  kill(id: string, signal: string): Promise<Outcome>
  /** Waits until a container is not running, at most `timeoutMs` (`docker wait`). */
  waitStopped(id: string, timeoutMs: number): Promise<Outcome>
  /** SIGTERM, and SIGKILL after `graceSeconds` (`docker stop --time`). */
  stop(id: string, graceSeconds: number): Promise<Outcome>
  /** Removes a container, running or not, with its anonymous volumes (`docker rm --force --volumes`). */
  removeContainer(id: string): Promise<Outcome>
  /** Removes a volume (`docker volume rm`, with `--force` when asked). */
  removeVolume(name: string, options?: { force?: boolean }): Promise<Outcome>
  /** Whether an image is on the daemon (`docker image inspect`); throws when the daemon cannot say. */
  imageExists(reference: string): Promise<boolean>
  /**
   * Makes the image `reference` (`repository:tag`) from the root
   * filesystem in `tar`, with Dockerfile `changes` such as `LABEL k=v`
   * (`docker import`); throws with the daemon's reason.
   */
  importImage(tar: Buffer, reference: string, changes: string[]): Promise<void>
  /**
   * The last `lines` lines of each of the container's streams, stdout's
   * first (`docker logs --tail`); throws when they cannot be read.
   */
  logTail(name: string, lines: number): Promise<string>
}
