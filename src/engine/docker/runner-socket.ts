/**
 * Whether docker-nest may talk to the runner's daemon over the Engine API
 * itself: only when the daemon is a plain unix socket that the docker CLI
 * would use too. Otherwise the CLI stays in charge, because it honours the
 * contexts, config.json and TLS variables the user set for that daemon.
 */
import { accessSync, constants, readFileSync } from 'node:fs'
import { homedir } from 'node:os'
import { join } from 'node:path'
import { DEFAULT_SOCKET } from '../dood/socket.js'
import type { HostDockerEnv } from '../types.js'

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
