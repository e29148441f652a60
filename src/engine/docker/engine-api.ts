/**
 * The Engine API calls docker-nest makes, on any daemon endpoint
 * (endpoint.ts): the runner's own daemon over its unix socket, where a
 * call costs a request instead of a docker CLI process (~20–60 ms of CPU
 * each on a 2-core runner, in the middle of the start), and a nest's
 * daemon over mutual TLS (readiness, its facts).
 *
 * The runner's daemon is reached this way only when it is a plain unix
 * socket that the docker CLI would use too (runner-socket.ts); otherwise
 * the CLI stays in charge (runner-client.ts chooses).
 */
import type { ClientRequest } from 'node:http'
import { attachStreams, demultiplex, type AttachedStreams } from './attach.js'
import {
  exchange,
  readBody,
  socketEndpoint,
  startRequest,
  type Answer,
  type DaemonEndpoint,
  type Exchange,
  verbOf
} from './endpoint.js'
import { EngineApiError } from './engine-api-error.js'
import { runnerSocketPath } from './runner-socket.js'
import type {
  ContainerInspect,
  DaemonInfo,
  DaemonVersion,
  HostDockerEnv
} from '../types.js'

export { EngineApiError }

/** Labels as the Engine API returns them. */
type Labels = Record<string, string>
/** One entry of `GET /containers/json`, as far as docker-nest reads it. */
export interface ContainerSummary {
  Id: string
  Names: string[]
  Labels: Labels
}
/** One entry of `GET /volumes`, as far as docker-nest reads it. */
export interface VolumeSummary {
  Name: string
  Labels: Labels | null
}

/** How a watched container ended, from {@link EngineApi.watchExit}. */
export interface ExitWatch {
  /** Settles with a reason once the container stops; never when watching fails. */
  exited: Promise<string>
  stopWatching(): void
}

/** A client for the runner's daemon when {@link runnerSocketPath} allows one; else undefined (use the CLI). */
export function runnerApi(
  host: HostDockerEnv,
  debug?: (message: string) => void,
  env: NodeJS.ProcessEnv = process.env
): EngineApi | undefined {
  const socket = runnerSocketPath(host, env)
  return socket ? new EngineApi(socketEndpoint(socket), debug) : undefined
}

/** The Engine API of one daemon. */
export class EngineApi {
  constructor(
    readonly endpoint: DaemonEndpoint,
    private readonly debug: (message: string) => void = () => undefined
  ) {}

  /** Any answer to `method path`; rejects only when none comes (refused, reset, timeout). */
  async answer(
    path: string,
    timeoutMs: number,
    method = 'GET'
  ): Promise<{ status: number; body: string }> {
    const { status, body } = await exchange(this.endpoint, {
      method,
      path,
      timeoutMs
    })
    return { status, body: body.toString('utf8') }
  }

  /**
   * The body of a 2xx answer to `method path`; rejects with the method,
   * path, status and body otherwise (the daemon calls below; container
   * calls reject with {@link EngineApiError}).
   */
  async text(path: string, timeoutMs: number, method = 'GET'): Promise<string> {
    const { status, body } = await this.answer(path, timeoutMs, method)
    if (status >= 200 && status < 300) return body
    throw new Error(`${method} ${path}: HTTP ${status} ${body.trim()}`)
  }

  /** Resolves when the daemon answers `GET /_ping` with OK. */
  async ping(timeoutMs = 1000): Promise<void> {
    const body = await this.text('/_ping', timeoutMs)
    if (body.trim() !== 'OK') throw new Error(`GET /_ping answered '${body}'`)
  }

  /** `GET /version`. */
  async version(): Promise<DaemonVersion> {
    return JSON.parse(await this.text('/version', 5000)) as DaemonVersion
  }

  /** `GET /info`. */
  async info(): Promise<DaemonInfo> {
    return JSON.parse(await this.text('/info', 5000)) as DaemonInfo
  }

  /** `GET /containers/{name}/json` (what `docker inspect` prints). */
  async inspectContainer(name: string): Promise<ContainerInspect> {
    return this.json({
      method: 'GET',
      path: `/containers/${encodeURIComponent(name)}/json`,
      timeoutMs: 30_000
    })
  }

  /**
   * `POST /containers/create?name=…` with a JSON body (create-request.ts);
   * `onSent` as in {@link Exchange}.
   */
  async createContainer(
    name: string,
    body: object,
    onSent?: () => void
  ): Promise<void> {
    await this.call({
      method: 'POST',
      path: `/containers/create?name=${encodeURIComponent(name)}`,
      body: Buffer.from(JSON.stringify(body)),
      contentType: 'application/json',
      timeoutMs: 60_000,
      onSent
    })
  }

  /** `POST /containers/{name}/start`; `onSent` as in {@link Exchange}. */
  async startContainer(name: string, onSent?: () => void): Promise<void> {
    await this.call({
      method: 'POST',
      path: `/containers/${encodeURIComponent(name)}/start`,
      timeoutMs: 60_000,
      onSent
    })
  }

  /** `PUT /containers/{name}/archive?path=…`: unpacks a tar into the container (`docker cp -`). */
  async putArchive(name: string, path: string, tar: Buffer): Promise<void> {
    await this.call({
      method: 'PUT',
      path:
        `/containers/${encodeURIComponent(name)}/archive` +
        `?path=${encodeURIComponent(path)}`,
      body: tar,
      contentType: 'application/x-tar',
      timeoutMs: 30_000
    })
  }

  /** The container's streams, attached (attach.ts). */
  attach(
    name: string,
    onOutput: (payload: Buffer) => void
  ): Promise<AttachedStreams> {
    return attachStreams(this.endpoint, name, onOutput, this.debug)
  }

  /**
   * `GET /containers/{name}/logs` of both streams, demultiplexed (the
   * container has no TTY). `tail` limits it to the last lines.
   */
  async containerLog(
    name: string,
    tail = 'all',
    streams: 'stdout' | 'stderr' | 'both' = 'both'
  ): Promise<string> {
    const out = streams === 'stderr' ? 0 : 1
    const err = streams === 'stdout' ? 0 : 1
    const body = await this.call({
      method: 'GET',
      path:
        `/containers/${encodeURIComponent(name)}/logs` +
        `?stdout=${out}&stderr=${err}&tail=${encodeURIComponent(tail)}`,
      timeoutMs: 10_000
    })
    return demultiplex(body)
  }

  /**
   * `POST /containers/{name}/wait`, held open (one socket, no process):
   * `exited` settles with a reason once the container stops. Its socket
   * does not keep Node alive.
   */
  watchExit(name: string): ExitWatch {
    let req: ClientRequest | undefined
    const exited = new Promise<string>((resolve) => {
      req = startRequest(
        this.endpoint,
        {
          method: 'POST',
          path: `/containers/${encodeURIComponent(name)}/wait`
        },
        (res) => {
          readBody(res).then(
            (body) => {
              // Only a status code means the container stopped; anything
              // else (404, a dropped socket) is the watcher failing.
              if (res.statusCode !== 200) return
              const code = exitCodeOf(body)
              if (code !== undefined) {
                resolve(`the sidecar exited with code ${code}`)
              }
            },
            () => undefined
          )
        }
      )
      req.on('socket', (socket) => socket.unref())
      req.on('error', () => undefined)
      req.end()
    })
    return {
      exited,
      stopWatching() {
        req?.destroy()
        req = undefined
      }
    }
  }

  /**
   * `GET /containers/json?all=1` and `GET /volumes`, both filtered by one
   * label: what `docker ps -a` and `docker volume ls` list, without their
   * processes.
   */
  async listLabelled(
    label: string
  ): Promise<{ containers: ContainerSummary[]; volumes: VolumeSummary[] }> {
    const filters = encodeURIComponent(JSON.stringify({ label: [label] }))
    const [containers, volumes] = await Promise.all([
      this.json<ContainerSummary[]>({
        method: 'GET',
        path: `/containers/json?all=1&filters=${filters}`,
        timeoutMs: 30_000
      }),
      this.json<{ Volumes: VolumeSummary[] | null }>({
        method: 'GET',
        path: `/volumes?filters=${filters}`,
        timeoutMs: 30_000
      })
    ])
    return { containers, volumes: volumes.Volumes ?? [] }
  }

  /** `GET /volumes/{name}` (what `docker volume inspect` prints). */
  async inspectVolume(name: string): Promise<VolumeSummary> {
    return this.json({
      method: 'GET',
      path: `/volumes/${encodeURIComponent(name)}`,
      timeoutMs: 30_000
    })
  }

  /** `POST /containers/{id}/kill?signal=…` */
  async kill(id: string, signal: string): Promise<void> {
    await this.call({
      method: 'POST',
      path: `/containers/${encodeURIComponent(id)}/kill?signal=${encodeURIComponent(signal)}`,
      timeoutMs: 30_000
    })
  }

  /**
   * `POST /containers/{id}/wait`: resolves once the container is not
   * running; rejects when that takes longer than `timeoutMs`.
   */
  async wait(id: string, timeoutMs: number): Promise<void> {
    await this.call({
      method: 'POST',
      path: `/containers/${encodeURIComponent(id)}/wait`,
      timeoutMs
    })
  }

  /**
   * `POST /containers/{id}/stop?t=…` (SIGTERM, SIGKILL after `seconds`);
   * a container that was not running (HTTP 304) counts as stopped.
   */
  async stop(id: string, seconds: number): Promise<void> {
    try {
      await this.call({
        method: 'POST',
        path: `/containers/${encodeURIComponent(id)}/stop?t=${seconds}`,
        timeoutMs: (seconds + 30) * 1000
      })
    } catch (error) {
      if (!(error instanceof EngineApiError && error.status === 304))
        throw error
    }
  }

  /** `DELETE /containers/{id}?force=1&v=1` (`docker rm --force --volumes`). */
  async removeContainer(id: string): Promise<void> {
    await this.call({
      method: 'DELETE',
      path: `/containers/${encodeURIComponent(id)}?force=1&v=1`,
      timeoutMs: 60_000
    })
  }

  /** `DELETE /volumes/{name}` (`docker volume rm`, with `--force` when asked). */
  async removeVolume(name: string, force: boolean): Promise<void> {
    await this.call({
      method: 'DELETE',
      path: `/volumes/${encodeURIComponent(name)}${force ? '?force=1' : ''}`,
      timeoutMs: 60_000
    })
  }

  /** `GET /images/{reference}/json`: true when there, false on 404. */
  async imageExists(reference: string, timeoutMs: number): Promise<boolean> {
    try {
      await this.call({
        method: 'GET',
        path: `/images/${encodeURIComponent(reference)}/json`,
        timeoutMs
      })
      return true
    } catch (error) {
      if (error instanceof EngineApiError && error.status === 404) return false
      throw error
    }
  }

  /**
   * `POST /images/create?fromSrc=-&…` with a tar as body (`docker
   * import`); resolves with the daemon's JSON message stream, in which a
   * failure arrives as a message of its own (HTTP 200 all the same).
   */
  async importImage(
    tar: Buffer,
    query: URLSearchParams,
    timeoutMs: number
  ): Promise<string> {
    query.set('fromSrc', '-')
    const body = await this.call({
      method: 'POST',
      path: `/images/create?${query}`,
      body: tar,
      contentType: 'application/x-tar',
      timeoutMs
    })
    return body.toString('utf8')
  }

  /** One request whose 2xx answer is JSON (engine-api-labelled.ts adds calls with it). */
  async json<T>(options: Exchange): Promise<T> {
    return JSON.parse((await this.call(options)).toString('utf8')) as T
  }

  /** One request; resolves with the body of a 2xx answer, else rejects with {@link EngineApiError}. */
  async call(options: Exchange): Promise<Buffer> {
    const started = performance.now()
    const { status, body }: Answer = await exchange(this.endpoint, options)
    const ms = Math.round(performance.now() - started)
    const verb = verbOf(options.path)
    this.debug(`engine-api: ${verb} ${options.method} -> ${status} (${ms} ms)`)
    if (status >= 200 && status < 300) return body
    throw new EngineApiError(
      options.method,
      options.path,
      status,
      body.toString('utf8')
    )
  }
}

/** The `StatusCode` of a wait answer; undefined for anything else. */
function exitCodeOf(body: Buffer): number | undefined {
  try {
    const { StatusCode } = JSON.parse(body.toString('utf8')) as {
      StatusCode?: unknown
    }
    return typeof StatusCode === 'number' ? StatusCode : undefined
  } catch {
    return undefined
  }
}
