/**
 * Talks to a daemon's Engine API straight from Node, over mutual TLS (the
 * nest) or a unix socket (dood): a `/_ping` costs a handshake instead of a
 * docker CLI process, which is what makes 50 ms readiness polling cheap.
 */
import type { Agent } from 'node:https'
import { request as httpRequest, type IncomingMessage } from 'node:http'
import { lazyHttps, lazyTls } from '../util/lazy-builtins.js'
import type { DaemonInfo, DaemonVersion } from '../types.js'

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

/** An HTTP answer of the daemon, whatever its status. */
export interface DaemonAnswer {
  status: number
  body: string
}

/** Performs one request (GET unless told) and returns the body; rejects on non-2xx or timeout. */
export async function getJsonOrText(
  endpoint: DaemonEndpoint,
  path: string,
  timeoutMs: number,
  method = 'GET'
): Promise<string> {
  const { status, body } = await requestAnswer(
    endpoint,
    path,
    timeoutMs,
    method
  )
  if (status >= 200 && status < 300) return body
  throw new Error(`${method} ${path}: HTTP ${status} ${body.trim()}`)
}

/** Performs one request and resolves with any HTTP answer; rejects only when none comes (refused, reset, timeout). */
export function requestAnswer(
  endpoint: DaemonEndpoint,
  path: string,
  timeoutMs: number,
  method = 'GET'
): Promise<DaemonAnswer> {
  return new Promise((resolve, reject) => {
    const target = endpoint.socketPath
      ? { socketPath: endpoint.socketPath }
      : { host: endpoint.host, port: endpoint.port }
    const options = {
      ...target,
      path,
      method,
      timeout: timeoutMs,
      agent: endpoint.tls ? agentFor(endpoint, endpoint.tls) : (false as const),
      ...(endpoint.serverName && { servername: endpoint.serverName })
    }
    const req = (endpoint.tls ? lazyHttps().request : httpRequest)(
      options,
      (res) => {
        readBody(res).then(
          (raw) =>
            resolve({
              status: res.statusCode ?? 0,
              body: raw.toString('utf8')
            }),
          reject
        )
      }
    )
    req.on('timeout', () =>
      req.destroy(new Error(`${method} ${path}: timed out`))
    )
    req.on('error', reject)
    req.end()
  })
}

/** Resolves when the daemon answers `GET /_ping` with OK. */
export async function ping(endpoint: DaemonEndpoint, timeoutMs = 1000) {
  const body = await getJsonOrText(endpoint, '/_ping', timeoutMs)
  if (body.trim() !== 'OK') throw new Error(`GET /_ping answered '${body}'`)
}

/** `GET /version`. */
export async function daemonVersion(
  endpoint: DaemonEndpoint
): Promise<DaemonVersion> {
  return JSON.parse(await getJsonOrText(endpoint, '/version', 5000))
}

/** `GET /info`. */
export async function daemonInfo(
  endpoint: DaemonEndpoint
): Promise<DaemonInfo> {
  return JSON.parse(await getJsonOrText(endpoint, '/info', 5000))
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
