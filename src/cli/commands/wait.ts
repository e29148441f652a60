/**
 * `docker-nest wait`: the readiness check alone, for any daemon: wait until
 * the client certificates exist and `GET /_ping` answers, with a deadline,
 * and say why when it does not (GitLab before_script, Jenkins, scripts).
 */
import { existsSync, readFileSync } from 'node:fs'
import { homedir } from 'node:os'
import { join } from 'node:path'
import { waitFor } from '../../engine/docker/wait.js'
import { ping } from '../../engine/docker/daemon-client.js'
import {
  socketEndpoint,
  type DaemonEndpoint
} from '../../engine/docker/endpoint.js'
import { startProgress } from '../progress.js'
import { EXIT, UsageError } from '../usage.js'
import type { Command } from './types.js'

/** Where and how `wait` reaches the daemon. */
export interface WaitTarget {
  /** As given: tcp://host:port or unix:///path. */
  dockerHost: string
  socketPath?: string
  host?: string
  port?: number
  /** Client cert dir when TLS is on. */
  certPath?: string
}

/** Parses DOCKER_HOST-style values; throws UsageError for anything else. */
export function parseTarget(
  dockerHost: string,
  tls: boolean,
  certPath: string
): WaitTarget {
  if (dockerHost.startsWith('unix://')) {
    return { dockerHost, socketPath: dockerHost.slice('unix://'.length) }
  }
  const m = /^tcp:\/\/(\[[^\]]+\]|[^:/]+)(?::(\d+))?\/?$/.exec(dockerHost)
  if (!m) {
    throw new UsageError(
      `Option '--host' must be tcp://HOST:PORT or unix:///PATH, got '${dockerHost}'. Run 'docker-nest wait --help'.`
    )
  }
  return {
    dockerHost,
    host: m[1].replace(/^\[|\]$/g, ''),
    port: Number(m[2] ?? (tls ? 2376 : 2375)),
    certPath: tls ? certPath : undefined
  }
}

const CERT_FILES = ['ca.pem', 'cert.pem', 'key.pem']

/** One readiness attempt; rejects with the reason. */
export function pingOnce(target: WaitTarget, timeoutMs: number): Promise<void> {
  let tls: DaemonEndpoint['tls']
  if (target.certPath) {
    const missing = CERT_FILES.filter(
      (f) => !existsSync(join(target.certPath!, f))
    )
    if (missing.length > 0) {
      return Promise.reject(
        Object.assign(
          new Error(`no ${missing.join(', ')} in ${target.certPath} yet`),
          { code: 'NO_CERTS' }
        )
      )
    }
    const read = (f: string) => readFileSync(join(target.certPath!, f), 'utf8')
    tls = { ca: read('ca.pem'), cert: read('cert.pem'), key: read('key.pem') }
  }
  const endpoint: DaemonEndpoint = target.socketPath
    ? socketEndpoint(target.socketPath)
    : { host: target.host ?? 'localhost', port: target.port ?? 0, tls }
  return ping(endpoint, Math.max(timeoutMs, 20))
}

/** Turns the last error into a sentence with the likely cause and fix. */
export function explainWaitError(error: unknown, target: WaitTarget): string {
  const e = error as NodeJS.ErrnoException | undefined
  const code = e?.code ?? ''
  const text = `${e?.message ?? String(error)}`
  const name = target.host ?? target.socketPath
  if (code === 'NO_CERTS') {
    return `The client certificates never appeared in ${target.certPath}. The daemon's container must share that directory with this one (GitLab: volumes = ["/certs/client"] in the runner's config.toml; Kubernetes: an emptyDir at /certs/client), and it must be privileged, or it dies before writing them.`
  }
  if (code === 'ENOENT' && target.socketPath) {
    return `There is no socket at ${target.socketPath}: mount the host's socket into this container (-v /var/run/docker.sock:/var/run/docker.sock) or start a daemon.`
  }
  if (code === 'EACCES') {
    return `Permission denied on ${target.socketPath}: run as root or as a member of the socket's group.`
  }
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') {
    return `The name '${name}' does not resolve: the daemon's container is not running (it exits at once when it is not privileged) or its alias is not '${name}'.`
  }
  if (code === 'ECONNREFUSED') {
    const other =
      target.port === 2376 ? 2375 : target.port === 2375 ? 2376 : undefined
    return `Nothing listens on ${name}:${target.port}: the daemon is still starting, crashed, or listens on another port${other ? ` (2376 = TLS, 2375 = plain; try ${other} with${other === 2376 ? '' : 'out'} TLS)` : ''}.`
  }
  if (
    code === 'ERR_TLS_CERT_ALTNAME_INVALID' ||
    /altnames|not in the cert/i.test(text)
  ) {
    return `The server certificate does not name '${name}': reach the daemon by a name in its certificate (docker, localhost, its container name) or add the name to DOCKER_TLS_SAN (typed: DNS:${name}).`
  }
  if (/wrong version number|EPROTO|packet length too long/i.test(text)) {
    return `The daemon at ${name}:${target.port} speaks plain HTTP, not TLS: use port 2375 without TLS (unset DOCKER_TLS_VERIFY), or start it with TLS.`
  }
  if (code === 'ECONNRESET' || /HTTP 400.*HTTPS|socket hang up/i.test(text)) {
    return `The daemon at ${name}:${target.port} closed the connection: it probably expects TLS (port 2376) and DOCKER_TLS_VERIFY/DOCKER_CERT_PATH are not set, or it rejected our client certificate.`
  }
  if (
    /self.signed|unable to (verify|get)|bad certificate|unknown ca|certificate required/i.test(
      text
    ) ||
    code.startsWith('ERR_TLS') ||
    code.includes('CERT')
  ) {
    return `TLS failed (${code || text}): the certificates in ${target.certPath} belong to another daemon (a shared or stale cert directory). Give each daemon its own directory.`
  }
  return `The daemon did not answer: ${text}`
}

export const wait: Command = {
  name: 'wait',
  summary:
    'wait until a Docker daemon answers (certificates, then /_ping), with a deadline; explain why not',
  options: {
    host: {
      type: 'string',
      placeholder: 'URL',
      complete: 'file',
      help: 'tcp://HOST:PORT or unix:///PATH (default $DOCKER_HOST, else unix:///var/run/docker.sock)'
    },
    'cert-path': {
      type: 'string',
      placeholder: 'DIR',
      complete: 'dir',
      help: 'client certificates (default $DOCKER_CERT_PATH, else ~/.docker); implies TLS unless --no-tls'
    },
    tls: {
      type: 'boolean',
      negatable: true,
      help: 'use mutual TLS (default: on when $DOCKER_TLS_VERIFY is non-empty or --cert-path is given)'
    },
    timeout: {
      type: 'string',
      placeholder: 'SECONDS',
      help: 'give up after SECONDS (default 60)'
    },
    quiet: {
      type: 'boolean',
      help: 'print nothing when ready, and no elapsed time while waiting'
    }
  },
  notes:
    'Exit 0 when the daemon answers, 1 when the deadline passed (with the likely cause), 2 for bad usage.',
  async run({ values, env, logger }) {
    const timeoutText = (values.timeout as string | undefined) ?? '60'
    const seconds = Number(timeoutText)
    if (!/^\d+(\.\d+)?$/.test(timeoutText) || seconds <= 0 || seconds > 3600) {
      throw new UsageError(
        `Option '--timeout' must be seconds between 0 and 3600, got '${timeoutText}'. Run 'docker-nest wait --help'.`
      )
    }
    const certFlag = values['cert-path'] as string | undefined
    // --no-tls wins over the variables and --cert-path.
    const tls =
      values.tls === undefined
        ? certFlag !== undefined || Boolean(env.DOCKER_TLS_VERIFY)
        : Boolean(values.tls)
    const certPath =
      certFlag ?? (env.DOCKER_CERT_PATH || join(homedir(), '.docker'))
    const target = parseTarget(
      (values.host as string | undefined) ??
        (env.DOCKER_HOST || 'unix:///var/run/docker.sock'),
      tls,
      certPath
    )
    logger.debug(
      `waiting for ${target.dockerHost}${target.certPath ? ` (TLS, certificates in ${target.certPath})` : ''}`
    )
    const progress = values.quiet
      ? undefined
      : startProgress(`Waiting for the daemon at ${target.dockerHost}`)
    const result = await waitFor(
      (left) => pingOnce(target, Math.min(left, 2000)),
      {
        timeoutMs: seconds * 1000,
        intervalMs: 100
      }
    ).finally(() => progress?.stop())
    if (result.status === 'ready') {
      if (!values.quiet)
        logger.info(
          `The Docker daemon at ${target.dockerHost} answers (waited ${result.elapsedMs} ms).`
        )
      return EXIT.ok
    }
    const lastError = 'lastError' in result ? result.lastError : undefined
    logger.info(
      `docker-nest: the Docker daemon at ${target.dockerHost} did not answer within ${seconds} s.`
    )
    logger.info(`docker-nest: ${explainWaitError(lastError, target)}`)
    return EXIT.failed
  }
}
