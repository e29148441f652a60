/**
 * The client for the runner's daemon: the Engine API when that daemon is a
 * plain unix socket the docker CLI would use too (runner-socket.ts), the
 * docker CLI otherwise.
 */
import { apiClient } from './api-client.js'
import { cliClient } from './cli-client.js'
import { DockerCli, findOnPath } from './cli.js'
import type { DockerClient } from './client.js'
import { socketEndpoint } from './endpoint.js'
import { EngineApi, runnerApi } from './engine-api.js'
import type { HostDockerEnv } from '../types.js'

/** The Engine API over the runner's socket where it may be used, else the CLI. */
export function runnerClient(
  docker: DockerCli,
  debug: (message: string) => void = () => undefined,
  env: NodeJS.ProcessEnv = process.env
): DockerClient {
  const api = runnerApi(docker.host, debug, env)
  return api ? apiClient(api, docker, debug) : cliClient(docker)
}

/**
 * {@link runnerClient} for the runner's daemon as `host` (the settings
 * recorded at the start) describes it: the caller's own environment may
 * point at a nest (DOCKER_HOST exported by `up`). Over the API the docker
 * CLI only tracks the calls, so none is needed on PATH; where the CLI must
 * do the work and there is none, every call fails with `docker`'s spawn
 * error (teardown then warns instead of throwing).
 */
export function hostClient(
  host: HostDockerEnv,
  debug: (message: string) => void = () => undefined,
  env: NodeJS.ProcessEnv = process.env
): DockerClient {
  const binary = findOnPath('docker', env.PATH) ?? 'docker'
  return runnerClient(new DockerCli(binary, host, debug), debug, env)
}

/**
 * {@link hostClient}, but throws DockerCli.locate's explanation when only
 * the docker CLI can reach the daemon and there is none on PATH.
 */
export function locateHostClient(
  host: HostDockerEnv,
  debug: (message: string) => void = () => undefined,
  env: NodeJS.ProcessEnv = process.env
): DockerClient {
  const client = hostClient(host, debug, env)
  if (client.via === 'docker-cli') DockerCli.locate(host, debug)
  return client
}

/**
 * The Engine API client of one unix socket, whatever the environment says
 * about the runner's daemon (a daemon the caller found itself). The docker
 * CLI it carries only tracks the calls: none need be on PATH.
 */
export function socketClient(
  socketPath: string,
  debug: (message: string) => void = () => undefined
): DockerClient {
  const tracker = new DockerCli(
    findOnPath('docker') ?? 'docker',
    {
      DOCKER_HOST: `unix://${socketPath}`,
      DOCKER_TLS_VERIFY: null,
      DOCKER_CERT_PATH: null,
      DOCKER_CONTEXT: null
    },
    debug
  )
  return apiClient(
    new EngineApi(socketEndpoint(socketPath), debug),
    tracker,
    debug
  )
}
