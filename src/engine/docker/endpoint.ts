/**
 * Where a Docker daemon's Engine API listens and how one request reaches
 * it: a unix socket (the runner's daemon, dood) or TCP, plain or with
 * mutual TLS (a nest). Every Engine API request docker-nest makes goes
 * through {@link exchange}; engine-api.ts gives the calls names.
 */
import type { Agent, RequestOptions as HttpsRequestOptions } from 'node:https'
import {
  request as httpRequest,
  type ClientRequest,
  type IncomingMessage,
  type RequestOptions
} from 'node:http'
import { lazyHttps, lazyTls } from '../util/lazy-builtins.js'

/** Where and how to reach a daemon: TCP (host, port, optional mTLS) or a unix socket. */
export interface DaemonEndpoint {
  host: string
  port: number
  /** A unix socket path; when set, host and port are ignored. */
  socketPath?: string
  /** PEM material for mutual TLS; absent for a plain TCP daemon. */
  tls?: { ca: string; cert: string; key: string }
  /**
   * The name to check the server certificate against when `host` is an
   * address it need not carry (the container's IP: see dind.ts launch);
   * `docker` is in every nest's certificate.
   */
  serverName?: string
}

/** The endpoint of a unix socket. */
export function socketEndpoint(socketPath: string): DaemonEndpoint {
  return { host: 'localhost', port: 0, socketPath }
}

/**
 * One agent per mTLS endpoint: the PEM material is parsed once instead of
 * on every readiness attempt, the connection that answered the readiness
 * request is reused for the calls that follow, and a second connection
 * resumes the TLS session instead of a full handshake. Idle sockets of an
 * agent do not keep Node alive.
 */
const agents = new WeakMap<DaemonEndpoint, Agent>()

function agentFor(
  endpoint: DaemonEndpoint,
  tls: NonNullable<DaemonEndpoint['tls']>
): Agent {
  let agent = agents.get(endpoint)
  if (!agent) {
    agent = new (lazyHttps().Agent)({
      keepAlive: true,
      secureContext: lazyTls().createSecureContext(tls)
    })
    agents.set(endpoint, agent)
  }
  return agent
}

/**
 * What every request to `endpoint` shares. Without TLS: no agent (one
 * connection per call, closed after it: a kept-alive socket would only
 * delay the step's exit). On a socket, an empty TLS server name, which Node
 * would otherwise work out from the Host header with `net.isIP` — compiling
 * its IPv6 pattern costs ~3 ms right before the sidecar's create request.
 */
function targetOf(endpoint: DaemonEndpoint): HttpsRequestOptions {
  if (endpoint.socketPath) {
    return { socketPath: endpoint.socketPath, agent: false, servername: '' }
  }
  return {
    host: endpoint.host,
    port: endpoint.port,
    agent: endpoint.tls ? agentFor(endpoint, endpoint.tls) : false,
    ...(endpoint.serverName && { servername: endpoint.serverName })
  }
}

/** Starts a request to `endpoint` (HTTPS with its TLS material, else HTTP). */
export function startRequest(
  endpoint: DaemonEndpoint,
  options: RequestOptions,
  onResponse?: (res: IncomingMessage) => void
): ClientRequest {
  const send = endpoint.tls ? lazyHttps().request : httpRequest
  return send({ ...targetOf(endpoint), ...options }, onResponse)
}

/** One request to a daemon. */
export interface Exchange {
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

/** An HTTP answer of the daemon, whatever its status. */
export interface Answer {
  status: number
  body: Buffer
}

/** Performs one request and resolves with any HTTP answer; rejects only when none comes (refused, reset, timeout). */
export function exchange(
  endpoint: DaemonEndpoint,
  options: Exchange
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = startRequest(
      endpoint,
      {
        method: options.method,
        path: options.path,
        timeout: options.timeoutMs,
        headers: {
          ...(options.contentType && { 'Content-Type': options.contentType }),
          ...(options.body && { 'Content-Length': options.body.length })
        }
      },
      (res) => {
        readBody(res).then(
          (body) => resolve({ status: res.statusCode ?? 0, body }),
          reject
        )
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

/** The whole body of an answer; rejects when its stream fails. */
export function readBody(res: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    res.on('data', (chunk: Buffer) => chunks.push(chunk))
    res.on('error', reject)
    res.on('end', () => resolve(Buffer.concat(chunks)))
  })
}

/** Second path segments that name an action on a collection, not an object. */
const COLLECTION_ACTIONS = new Set(['create', 'json', 'prune'])

/**
 * A request's name for the log: its action (`create`, `start`, `json`,
 * `wait`…), or the collection for a call on one object (`DELETE
 * /volumes/x` → `volumes`), never an object's name or id.
 */
export function verbOf(path: string): string {
  const segments = path.split('?')[0].split('/').filter(Boolean)
  if (/^v[0-9.]+$/.test(segments[0] ?? '')) segments.shift()
  const [collection, second] = segments
  if (segments.length === 2 && !COLLECTION_ACTIONS.has(second)) {
    return collection
  }
  return segments.at(-1) ?? ''
}
