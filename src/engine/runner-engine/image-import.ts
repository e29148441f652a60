/**
 * Puts the root image (root-image.ts) on the runner's daemon unless it is
 * there already, through the one Docker client: `POST /images/create
 * ?fromSrc=-` with the tar as body over the daemon's unix socket, or
 * `docker import` where only the CLI reaches the daemon (a context, TLS
 * settings, a remote host: the cases in which docker-nest leaves the
 * runner's daemon to the CLI).
 */
import { cliClient } from '../docker/cli-client.js'
import type { DockerCli } from '../docker/cli.js'
import type { DockerClient } from '../docker/client.js'
import { EngineApiError } from '../docker/engine-api.js'
import { socketClient } from '../docker/runner-client.js'
import { labelChange, type RootImage } from './root-image.js'

export { streamError } from '../docker/api-client.js'

/**
 * The runner's daemon: its client, or the shorthands for one — its unix
 * socket (the Engine API) or a docker CLI.
 */
export type RunnerDaemon =
  DockerClient | { socketPath: string } | { cli: DockerCli }

/** What {@link ensureRootImage} did. */
export type RootImageOutcome = 'present' | 'imported'

/** Makes sure `image` is on the runner's daemon; imports it when it is not. */
export async function ensureRootImage(
  image: RootImage,
  daemon: RunnerDaemon,
  debug: (message: string) => void = () => undefined
): Promise<RootImageOutcome> {
  const client = clientOf(daemon, debug)
  const outcome = (await exists(image, client))
    ? 'present'
    : await importImage(image, client)
  debug(`runner-engine.ensureRootImage: ${image.reference} ${outcome}`)
  return outcome
}

function clientOf(
  daemon: RunnerDaemon,
  debug: (message: string) => void
): DockerClient {
  if ('cli' in daemon) return cliClient(daemon.cli)
  return 'socketPath' in daemon
    ? socketClient(daemon.socketPath, debug)
    : daemon
}

async function exists(image: RootImage, client: DockerClient) {
  try {
    return await client.imageExists(image.reference)
  } catch (error) {
    throw explain(image, client, error)
  }
}

async function importImage(
  image: RootImage,
  client: DockerClient
): Promise<RootImageOutcome> {
  try {
    await client.importImage(image.tar, image.reference, [labelChange(image)])
  } catch (error) {
    throw explain(image, client, error)
  }
  return 'imported'
}

/**
 * A refusal over the API, with the image and the socket named; the CLI's
 * own error (DockerCommandError) says enough as it is.
 */
function explain(image: RootImage, client: DockerClient, error: unknown) {
  if (client.via === 'docker-cli') return error
  const detail =
    error instanceof EngineApiError
      ? `HTTP ${error.status} ${error.body}`
      : error instanceof Error
        ? error.message
        : String(error)
  return new Error(
    `Could not put the runner-engine root image ${image.reference} on the runner's daemon ` +
      `(${client.daemon}): ${detail.trim()}. The image is a ${image.tar.length}-byte tar of ` +
      'directories and links, imported with POST /images/create; the daemon’s log says why it refused it.',
    { cause: error }
  )
}
