/**
 * Puts the root image (root-image.ts) on the runner's daemon unless it is
 * there already: `POST /images/create?fromSrc=-` with the tar as body over
 * the daemon's unix socket, or `docker import` where only the CLI reaches
 * the daemon (a context, TLS settings, a remote host: the cases in which
 * docker-nest leaves the runner's daemon to the CLI).
 *
 * The two requests are made here rather than through EngineApi, whose
 * request helper is private to the calls main makes at start.
 */
import { request } from 'node:http'
import {
  DockerCommandError,
  isNoSuchObject,
  type DockerCli
} from '../docker/cli.js'
import { readBody } from '../docker/daemon-client.js'
import {
  labelChange,
  ROOT_IMAGE_REPOSITORY,
  type RootImage
} from './root-image.js'

/** How to reach the runner's daemon: its unix socket, or the docker CLI. */
export type RunnerDaemon = { socketPath: string } | { cli: DockerCli }

/** What {@link ensureRootImage} did. */
export type RootImageOutcome = 'present' | 'imported'

const TIMEOUT_MS = 30_000

/** Makes sure `image` is on the runner's daemon; imports it when it is not. */
export async function ensureRootImage(
  image: RootImage,
  daemon: RunnerDaemon,
  debug: (message: string) => void = () => undefined
): Promise<RootImageOutcome> {
  const outcome =
    'socketPath' in daemon
      ? await ensureWithApi(image, daemon.socketPath)
      : await ensureWithCli(image, daemon.cli)
  debug(`runner-engine.ensureRootImage: ${image.reference} ${outcome}`)
  return outcome
}

async function ensureWithApi(
  image: RootImage,
  socketPath: string
): Promise<RootImageOutcome> {
  const found = await call(socketPath, {
    method: 'GET',
    path: `/images/${encodeURIComponent(image.reference)}/json`
  })
  if (found.status === 200) return 'present'
  if (found.status !== 404) {
    throw importError(image, socketPath, `HTTP ${found.status} ${found.body}`)
  }
  const query = new URLSearchParams({
    fromSrc: '-',
    repo: ROOT_IMAGE_REPOSITORY,
    tag: image.tag,
    changes: labelChange(image)
  })
  const created = await call(socketPath, {
    method: 'POST',
    path: `/images/create?${query}`,
    body: image.tar
  })
  // The daemon answers 200 and then streams JSON messages; a failure
  // arrives as one of them.
  const failure =
    created.status === 200
      ? streamError(created.body)
      : `HTTP ${created.status} ${created.body}`
  if (failure !== undefined) throw importError(image, socketPath, failure)
  return 'imported'
}

async function ensureWithCli(
  image: RootImage,
  cli: DockerCli
): Promise<RootImageOutcome> {
  const inspectArgs = [
    'image',
    'inspect',
    '--format',
    '{{.Id}}',
    image.reference
  ]
  const inspect = await cli.tryExec(inspectArgs, { timeoutMs: TIMEOUT_MS })
  if (inspect.exitCode === 0) return 'present'
  if (
    !/no such image/i.test(inspect.stderr) &&
    !isNoSuchObject(inspect.stderr)
  ) {
    throw new DockerCommandError(inspectArgs, inspect.exitCode, inspect.stderr)
  }
  await cli.exec(
    ['import', '--change', labelChange(image), '-', image.reference],
    {
      input: image.tar,
      timeoutMs: TIMEOUT_MS
    }
  )
  return 'imported'
}

/** The `error` of the first failed message in an import's JSON stream. */
export function streamError(body: string): string | undefined {
  for (const line of body.split('\n')) {
    if (line.trim() === '') continue
    try {
      const message = JSON.parse(line) as { error?: unknown }
      if (message.error) return String(message.error)
    } catch {
      return `unreadable answer: ${line.slice(0, 200)}`
    }
  }
  return undefined
}

function importError(
  image: RootImage,
  socketPath: string,
  detail: string
): Error {
  return new Error(
    `Could not put the runner-engine root image ${image.reference} on the runner's daemon ` +
      `(${socketPath}): ${detail.trim()}. The image is a ${image.tar.length}-byte tar of ` +
      'directories and links, imported with POST /images/create; the daemon’s log says why it refused it.'
  )
}

/** One request over the socket; resolves with the answer whatever its status. */
function call(
  socketPath: string,
  options: { method: string; path: string; body?: Buffer }
): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        socketPath,
        agent: false,
        method: options.method,
        path: options.path,
        timeout: TIMEOUT_MS,
        headers: options.body
          ? {
              'Content-Type': 'application/x-tar',
              'Content-Length': options.body.length
            }
          : {}
      },
      (res) => {
        readBody(res).then(
          (body) =>
            resolve({
              status: res.statusCode ?? 0,
              body: body.toString('utf8')
            }),
          reject
        )
      }
    )
    req.on('timeout', () =>
      req.destroy(
        new Error(
          `${options.method} ${options.path} on ${socketPath}: no answer in ${TIMEOUT_MS / 1000} s`
        )
      )
    )
    req.on('error', reject)
    req.end(options.body)
  })
}
