/**
 * The client side of readiness: mutual-TLS `GET /_ping` against a published
 * 127.0.0.1 port, and the polling loops a script would write around it.
 */
import { existsSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { request } from 'node:https'
import { checkServerIdentity } from 'node:tls'
import { StepError, sleep } from './proc.mjs'

/** Names a host-side client may reach the daemon by. */
const LOCAL_NAMES = ['127.0.0.1', 'localhost']

/**
 * Accepts the server certificate when it names 127.0.0.1 or localhost. Only
 * called after the chain verified against the given CA, so this keeps full
 * verification; it only spares us from caring whether an image's entrypoint
 * put 127.0.0.1 or just localhost in the SANs.
 */
function localIdentity(_host, cert) {
  let error
  for (const name of LOCAL_NAMES) {
    error = checkServerIdentity(name, cert)
    if (!error) return undefined
  }
  return error
}

/**
 * @typedef {object} TlsFiles
 * @property {string} ca
 * @property {string} cert
 * @property {string} key
 */

/**
 * One mTLS `GET /_ping`; resolves when the daemon answers OK.
 *
 * @param {number} port
 * @param {TlsFiles} tls PEM contents.
 * @param {number} [timeoutMs]
 * @returns {Promise<void>}
 */
export function ping(port, tls, timeoutMs = 1000) {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port,
        path: '/_ping',
        method: 'GET',
        agent: false,
        timeout: timeoutMs,
        checkServerIdentity: localIdentity,
        ...tls
      },
      (res) => {
        let body = ''
        res.on('data', (chunk) => (body += chunk))
        res.on('end', () => {
          if (res.statusCode === 200 && body.trim() === 'OK') resolve()
          else reject(new Error(`HTTP ${res.statusCode} '${body.trim()}'`))
        })
        res.on('error', reject)
      }
    )
    req.on('timeout', () => req.destroy(new Error('timed out')))
    req.on('error', reject)
    req.end()
  })
}

/**
 * Pings until the daemon answers, sleeping `intervalMs` after each failure
 * (the shape of `until curl …; do sleep 0.1; done`).
 *
 * @param {number} port
 * @param {() => TlsFiles} getTls Called before each attempt, so a client can
 *   re-read files that were still being written.
 * @param {object} options
 * @param {number} options.intervalMs
 * @param {number} options.deadline `performance.now()` value to give up at.
 * @returns {Promise<number>} The number of attempts.
 */
export async function pollPing(port, getTls, { intervalMs, deadline }) {
  let attempts = 0
  let lastError
  for (;;) {
    attempts++
    try {
      await ping(port, getTls())
      return attempts
    } catch (error) {
      lastError = error
    }
    if (performance.now() + intervalMs > deadline) {
      throw new StepError(
        `/_ping on 127.0.0.1:${port} never answered (${attempts} attempts); ` +
          `last error: ${lastError?.message ?? lastError}`
      )
    }
    await sleep(intervalMs)
  }
}

const CLIENT_FILES = ['ca.pem', 'cert.pem', 'key.pem']

/**
 * Waits, checking every `intervalMs`, until the client files exist and are
 * not empty, as a script waiting on a shared `/certs/client` would.
 *
 * @param {string} dir
 * @param {object} options
 * @param {number} options.intervalMs
 * @param {number} options.deadline `performance.now()` value to give up at.
 */
export async function waitForClientFiles(dir, { intervalMs, deadline }) {
  const present = () =>
    CLIENT_FILES.every((name) => {
      const path = join(dir, name)
      return existsSync(path) && statSync(path).size > 0
    })
  while (!present()) {
    if (performance.now() + intervalMs > deadline) {
      throw new StepError(`client certificates never appeared in ${dir}`)
    }
    await sleep(intervalMs)
  }
}

/**
 * Reads ca.pem, cert.pem and key.pem from a client cert directory.
 *
 * @param {string} dir
 * @returns {TlsFiles}
 */
export function readClientFiles(dir) {
  const read = (name) => readFileSync(join(dir, name), 'utf8')
  return { ca: read('ca.pem'), cert: read('cert.pem'), key: read('key.pem') }
}
