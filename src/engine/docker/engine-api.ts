/**
 * The few Engine API calls main makes on the runner's own daemon, straight
 * over its unix socket: a call costs a request instead of a docker CLI
 * process (~20–60 ms of CPU each on a 2-core runner, in the middle of the
 * start).
 *
 * Only used when the daemon is a plain unix socket that the docker CLI would
 * use too ({@link runnerSocketPath}); otherwise docker.ts's CLI wrapper stays
 * in charge, because the CLI honours contexts, config.json and the TLS
 * variables the user set for the runner's daemon.
 */
import { accessSync, constants, readFileSync } from 'node:fs'
import { request, type ClientRequest } from 'node:http'
import { readBody } from './daemon-client.js'
import { homedir } from 'node:os'
import { join } from 'node:path'
import { DEFAULT_SOCKET } from '../dood/socket.js'
import type { ContainerInspect, HostDockerEnv } from '../types.js'

/** A non-2xx answer of the Engine API. */
export class EngineApiError extends Error {
  constructor(
    readonly method: string,
    readonly path: string,
    readonly status: number,
    readonly body: string
  ) {
    super(`${method} ${path}: HTTP ${status} ${apiMessage(body)}`)
    this.name = 'EngineApiError'
  }
}

/** The daemon's `{"message": …}`, or the body as it is. */
function apiMessage(body: string): string {
  try {
    return String((JSON.parse(body) as { message?: string }).message ?? body)
  } catch {
    return body.trim()
  }
}

/**
 * The unix socket the docker CLI would use for the runner's daemon, when it
 * is a plain socket docker-nest can talk to itself; undefined when the CLI
 * must do it: DOCKER_HOST is not unix://, a context is chosen (DOCKER_CONTEXT
 * or `currentContext` in the CLI's config.json), the config cannot be read,
 * TLS variables are set (the CLI loads, and may fail on, their files even
 * for a socket; post, which uses the CLI, must see the same daemon main did),
 * or this user may not open the socket.
 */
export function runnerSocketPath(
  host: HostDockerEnv,
  env: NodeJS.ProcessEnv = process.env
): string | undefined {
  if (host.DOCKER_CONTEXT && host.DOCKER_CONTEXT !== 'default') return undefined
  if (host.DOCKER_TLS_VERIFY || host.DOCKER_CERT_PATH || env.DOCKER_TLS) {
    return undefined
  }
  const dockerHost = host.DOCKER_HOST ?? ''
  if (dockerHost !== '' && !dockerHost.startsWith('unix://')) return undefined
  if (!host.DOCKER_HOST && currentContext(env) !== 'default') return undefined
  const path = dockerHost.replace(/^unix:\/\//, '') || DEFAULT_SOCKET
  try {
    accessSync(path, constants.R_OK | constants.W_OK)
    return path
  } catch {
    return undefined
  }
}

/**
 * The CLI's current context from its config.json ('default' when the file
 * or the key is missing); undefined when the file cannot be read or parsed,
 * because then only the CLI knows what it would do.
 */
function currentContext(env: NodeJS.ProcessEnv): string | undefined {
  const dir = env.DOCKER_CONFIG || join(env.HOME || homedir(), '.docker')
  let text: string
  try {
    text = readFileSync(join(dir, 'config.json'), 'utf8')
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ENOENT'
      ? 'default'
      : undefined
  }
  try {
    const config = JSON.parse(text) as { currentContext?: unknown }
    const context = config.currentContext
    if (context === undefined || context === '') return 'default'
    return typeof context === 'string' ? context : undefined
  } catch {
    return undefined
  }
}

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

/** A client for the runner's daemon when {@link runnerSocketPath} allows one; else undefined (use the CLI). */
export function runnerApi(
  host: HostDockerEnv,
  debug?: (message: string) => void,
  env: NodeJS.ProcessEnv = process.env
): EngineApi | undefined {
  const socket = runnerSocketPath(host, env)
  return socket ? new EngineApi(socket, debug) : undefined
}

/** A container's attached streams, from {@link EngineApi.attach}. */
export interface AttachedStreams {
  /** Writes `data`, then closes stdin (its output goes on). */
  send(data: Buffer): Promise<void>
  /** Drops the stream (the container's stdin ends, its output is no longer read). */
  abort(): void
}

/** Options of one request. */
interface RequestOptions {
  method: string
  path: string
  body?: Buffer
  contentType?: string
  timeoutMs?: number
  /**
   * Called once the whole request is written to the socket. Work the
   * caller does meanwhile must wait for this, not for a timer: the socket
   * connects in a later turn of the event loop, and synchronous work done
   * before it (main's certificates, ~15 ms) held the create request back
   * by that long.
   */
  onSent?: () => void
}

/** A client for the runner's daemon on one unix socket. */
export class EngineApi {
  constructor(
    readonly socketPath: string,
    private readonly debug: (message: string) => void = () => undefined
  ) {}

  /**
   * What every request here shares: the socket, no agent (one connection
   * per call, closed after it: a kept-alive socket would only delay the
   * step's exit), and an empty TLS server name, which Node would otherwise
   * work out from the Host header with `net.isIP` — compiling its IPv6
   * pattern costs ~3 ms right before the create request.
   */
  private get target() {
    return {
      socketPath: this.socketPath,
      agent: false as const,
      servername: ''
    }
  }

  /** `GET /containers/{name}/json` (what `docker inspect` prints). */
  async inspectContainer(name: string): Promise<ContainerInspect> {
    const body = await this.call({
      method: 'GET',
      path: `/containers/${encodeURIComponent(name)}/json`,
      timeoutMs: 30_000
    })
    return JSON.parse(body.toString('utf8')) as ContainerInspect
  }

  /**
   * `POST /containers/create?name=…` with a JSON body (see run-args.ts);
   * `onSent` as in {@link RequestOptions}.
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

  /** `POST /containers/{name}/start`; `onSent` as in {@link RequestOptions}. */
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

  /**
   * `POST /containers/{name}/attach?stream=1&stdin=1&stdout=1&stderr=1`,
   * upgraded to a raw stream (what `docker attach` does): resolves once the
   * daemon switched protocols. `send` writes the data and half-closes, which
   * closes the container's stdin when it was created with `StdinOnce`.
   * stdout and stderr come on the same stream (what the container prints
   * from then on, with no `logs` request): each frame's payload goes to
   * `onOutput`.
   */
  attach(
    name: string,
    onOutput: (payload: Buffer) => void
  ): Promise<AttachedStreams> {
    const started = performance.now()
    return new Promise((resolve, reject) => {
      const req = request({
        ...this.target,
        method: 'POST',
        path: `/containers/${encodeURIComponent(name)}/attach?stream=1&stdin=1&stdout=1&stderr=1`,
        headers: { Connection: 'Upgrade', Upgrade: 'tcp' }
      })
      req.setTimeout(30_000, () =>
        req.destroy(new Error(`attach ${name}: timed out`))
      )
      req.on('upgrade', (_res, socket, head) => {
        req.setTimeout(0)
        this.debug(
          `engine-api: attach POST -> 101 (${Math.round(performance.now() - started)} ms)`
        )
        socket.on('error', () => undefined)
        const frames = new Demultiplexer(onOutput)
        frames.push(head)
        socket.on('data', (chunk: Buffer) => frames.push(chunk))
        // The daemon may hold the stream open until the container exits;
        // it must not keep the step alive (a write in flight still does).
        socket.unref()
        resolve({
          send: (data) =>
            new Promise<void>((done, failed) => {
              socket.once('error', failed)
              socket.end(data, () => done())
            }),
          abort: () => socket.destroy()
        })
      })
      req.on('response', (res) => {
        // Any answer but the switch to a raw stream is the daemon refusing.
        readBody(res).then(
          (body) =>
            reject(
              new EngineApiError(
                'POST',
                `/containers/${name}/attach`,
                res.statusCode ?? 0,
                body.toString('utf8')
              )
            ),
          reject
        )
      })
      req.on('error', reject)
      req.end()
    })
  }

  /**
   * `GET /containers/{name}/logs` of both streams, demultiplexed (the
   * container has no TTY). `tail` limits it to the last lines.
   */
  async containerLog(name: string, tail = 'all'): Promise<string> {
    const body = await this.call({
      method: 'GET',
      path:
        `/containers/${encodeURIComponent(name)}/logs` +
        `?stdout=1&stderr=1&tail=${encodeURIComponent(tail)}`,
      timeoutMs: 10_000
    })
    return demultiplex(body)
  }

  /**
   * `POST /containers/{name}/wait`, held open (one socket, no process):
   * `exited` settles with a reason once the container stops. Its socket
   * does not keep Node alive.
   */
  watchExit(name: string): { exited: Promise<string>; stopWatching(): void } {
    let req: ClientRequest | undefined
    const exited = new Promise<string>((resolve) => {
      req = request(
        {
          ...this.target,
          method: 'POST',
          path: `/containers/${encodeURIComponent(name)}/wait`
        },
        (res) => {
          readBody(res).then(
            (body) => {
              // Only a status code means the container stopped; anything
              // else (404, a dropped socket) is the watcher failing.
              if (res.statusCode !== 200) return
              try {
                const { StatusCode } = JSON.parse(body.toString('utf8')) as {
                  StatusCode?: number
                }
                if (typeof StatusCode === 'number') {
                  resolve(`the sidecar exited with code ${StatusCode}`)
                }
              } catch {
                // not a wait answer: keep waiting for the readiness loop
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
      this.call({
        method: 'GET',
        path: `/containers/json?all=1&filters=${filters}`,
        timeoutMs: 30_000
      }),
      this.call({
        method: 'GET',
        path: `/volumes?filters=${filters}`,
        timeoutMs: 30_000
      })
    ])
    const volumeList = JSON.parse(volumes.toString('utf8')) as {
      Volumes: VolumeSummary[] | null
    }
    return {
      containers: JSON.parse(containers.toString('utf8')) as ContainerSummary[],
      volumes: volumeList.Volumes ?? []
    }
  }

  /** One request; resolves with the body of a 2xx answer. */
  private call(options: RequestOptions): Promise<Buffer> {
    const started = performance.now()
    return new Promise<Buffer>((resolve, reject) => {
      const req = request(
        {
          ...this.target,
          method: options.method,
          path: options.path,
          timeout: options.timeoutMs,
          headers: {
            ...(options.contentType && { 'Content-Type': options.contentType }),
            ...(options.body && { 'Content-Length': options.body.length })
          }
        },
        (res) => {
          readBody(res).then((body) => {
            const status = res.statusCode ?? 0
            const ms = Math.round(performance.now() - started)
            const verb = options.path.split('?')[0].split('/').pop()
            // `create` and `start` read well; the rest by their last segment.
            this.debug(
              `engine-api: ${verb} ${options.method} -> ${status} (${ms} ms)`
            )
            if (status >= 200 && status < 300) resolve(body)
            else {
              reject(
                new EngineApiError(
                  options.method,
                  options.path,
                  status,
                  body.toString('utf8')
                )
              )
            }
          }, reject)
        }
      )
      req.on('timeout', () =>
        req.destroy(new Error(`${options.method} ${options.path}: timed out`))
      )
      req.on('error', reject)
      if (options.onSent) req.on('finish', options.onSent)
      req.end(options.body)
    })
  }
}

/**
 * Splits a multiplexed stream (8-byte header: stream type, 3 bytes padding,
 * 4-byte big-endian length), as the daemon sends a container's output when
 * it has no TTY, into the frames' payloads; a frame may span chunks.
 */
export class Demultiplexer {
  private rest: Buffer = Buffer.alloc(0)

  constructor(private readonly onPayload: (payload: Buffer) => void) {}

  push(chunk: Buffer): void {
    const data =
      this.rest.length > 0 ? Buffer.concat([this.rest, chunk]) : chunk
    let offset = 0
    while (offset + 8 <= data.length) {
      const end = offset + 8 + data.readUInt32BE(offset + 4)
      if (end > data.length) break
      this.onPayload(data.subarray(offset + 8, end))
      offset = end
    }
    this.rest = Buffer.from(data.subarray(offset))
  }
}

/** Joins the complete frames of a multiplexed log stream (see {@link Demultiplexer}). */
export function demultiplex(stream: Buffer): string {
  const parts: Buffer[] = []
  new Demultiplexer((payload) => parts.push(payload)).push(stream)
  return Buffer.concat(parts).toString('utf8')
}
