/**
 * The client for the runner's daemon: the Engine API when that daemon is a
 * plain unix socket the docker CLI would use too (runner-socket.ts), the
 * docker CLI otherwise.
 */
import { apiClient } from './api-client.js'
import { cliClient } from './cli-client.js'
import type { DockerCli } from './cli.js'
import type { DockerClient } from './client.js'
import { runnerApi } from './engine-api.js'

/** The Engine API over the runner's socket where it may be used, else the CLI. */
export function runnerClient(
  docker: DockerCli,
  debug: (message: string) => void = () => undefined,
  env: NodeJS.ProcessEnv = process.env
): DockerClient {
  const api = runnerApi(docker.host, debug, env)
  return api ? apiClient(api, docker, debug) : cliClient(docker)
}
