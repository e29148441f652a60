/**
 * A throw-away image registry for the cold-runner bench: the distribution
 * registry binary of Debian's `docker-registry` package, serving plain HTTP
 * on a free 127.0.0.1 port with its storage in a temporary directory.
 * Docker treats registries on 127.0.0.0/8 as insecure (plain HTTP) without
 * any `insecure-registries` setting, so the engine in the same network
 * namespace pushes to it and pulls from it as it is.
 */
import { spawn } from 'node:child_process'
import { mkdirSync, openSync, readFileSync, writeFileSync } from 'node:fs'
import { request } from 'node:http'
import { createServer } from 'node:net'
import { join } from 'node:path'
import { StepError, sleep, tail } from './proc.mjs'

/** How long the registry may take to answer `GET /v2/` after its start. */
const READY_TIMEOUT_MS = 15_000

/**
 * @typedef {object} Registry
 * @property {string} host `127.0.0.1:<port>`, the prefix of image names.
 * @property {() => string} logTail The last lines the registry logged.
 * @property {() => Promise<void>} stop Ends the registry (SIGTERM, then
 *   SIGKILL after 3 s); safe to call twice.
 */

/** A TCP port on 127.0.0.1 that nothing listens on right now. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address()
      server.close(() => resolve(port))
    })
  })
}

/**
 * Writes a configuration into `dir` and starts `binary serve` on a free
 * port; resolves once `GET /v2/` answers 200.
 *
 * @param {object} options
 * @param {string} options.binary Path of the `docker-registry` binary.
 * @param {string} options.dir An empty directory for config, storage and log.
 * @returns {Promise<Registry>}
 */
export async function startRegistry({ binary, dir }) {
  const port = await freePort()
  const host = `127.0.0.1:${port}`
  const storage = join(dir, 'storage')
  const config = join(dir, 'config.yml')
  const logFile = join(dir, 'registry.log')
  mkdirSync(storage, { recursive: true })
  // No auth, no access log (one line per blob request would fill the log),
  // deletes allowed so nothing stops a clean-up; the package's own
  // /etc/docker/registry/config.yml (port 5000, htpasswd) is not used.
  writeFileSync(
    config,
    [
      'version: 0.1',
      'log:',
      '  level: warn',
      '  accesslog:',
      '    disabled: true',
      'storage:',
      '  filesystem:',
      `    rootdirectory: ${storage}`,
      '  delete:',
      '    enabled: true',
      'http:',
      `  addr: ${host}`,
      ''
    ].join('\n')
  )
  const log = openSync(logFile, 'a')
  const child = spawn(binary, ['serve', config], {
    stdio: ['ignore', log, log]
  })
  let exit
  const exited = new Promise((resolve) => {
    child.once('exit', (code, signal) => {
      exit = { code, signal }
      resolve()
    })
    child.once('error', (error) => {
      exit = { code: null, signal: null, error }
      resolve()
    })
  })
  const logTail = () => {
    try {
      return tail(readFileSync(logFile, 'utf8'), 20)
    } catch {
      return ''
    }
  }
  const stop = async () => {
    if (exit) return
    child.kill('SIGTERM')
    const timer = sleep(3000).then(() => child.kill('SIGKILL'))
    await Promise.race([exited, timer])
    await exited
  }

  const deadline = performance.now() + READY_TIMEOUT_MS
  let lastError
  while (!exit) {
    try {
      const status = await httpStatus(`http://${host}/v2/`)
      if (status === 200) return { host, logTail, stop }
      lastError = new Error(`HTTP ${status}`)
    } catch (error) {
      lastError = error
    }
    if (performance.now() > deadline) break
    await sleep(50)
  }
  await stop()
  const why = exit?.error
    ? exit.error.message
    : exit && (exit.code !== null || exit.signal)
      ? `it exited (${exit.code ?? exit.signal})`
      : `GET /v2/ did not answer 200 within ${READY_TIMEOUT_MS} ms ` +
        `(last: ${lastError?.message ?? lastError})`
  throw new StepError(
    `The registry (${binary} serve ${config}) did not start on ${host}: ` +
      `${why}.\nIts log:\n${logTail() || '(empty)'}\n` +
      'Hint: install it with apt-get install -y docker-registry.'
  )
}

/** Status code of one GET, with a 1 s timeout. */
function httpStatus(url) {
  return new Promise((resolve, reject) => {
    const req = request(url, { agent: false, timeout: 1000 }, (res) => {
      res.resume()
      res.on('end', () => resolve(res.statusCode))
    })
    req.on('timeout', () => req.destroy(new Error('timed out')))
    req.on('error', reject)
    req.end()
  })
}
