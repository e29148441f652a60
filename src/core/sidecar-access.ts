/**
 * How main reads and feeds its sidecar on the runner's daemon: over the
 * Engine API when that daemon is a plain unix socket the docker CLI would
 * use too, else through the docker CLI (which honours the user's contexts,
 * config.json and TLS variables). Which calls go which way:
 *
 * | call | API (plain socket) | otherwise |
 * | --- | --- | --- |
 * | inspect after run | GET /containers/{id}/json | docker inspect |
 * | server certificate in | PUT /containers/{id}/archive | docker cp - |
 * | exit watch | POST /containers/{id}/wait | docker wait |
 * | fast-start log lines (debug) | GET /containers/{id}/logs | not read |
 *
 * `docker run` always goes through the CLI: it pulls a missing image with
 * the user's registry credentials (config.json, credential helpers).
 */
import type { DockerCli } from './docker.js'
import { EngineApi, runnerSocketPath } from './engine-api.js'
import { watchExit } from './sidecar.js'
import type { ContainerInspect } from './types.js'

/** The calls dind.ts makes on its sidecar, whichever way they go. */
export interface SidecarAccess {
  via: 'engine-api' | 'docker-cli'
  inspect(name: string): Promise<ContainerInspect>
  /** Unpacks `tar` at `/` in the container. */
  copyIn(name: string, tar: Buffer): Promise<void>
  watchExit(name: string): { exited: Promise<string>; stopWatching(): void }
  /** The container's log, only where it costs no extra process. */
  cheapLog?(name: string): Promise<string>
}

/** The API over the runner's socket when {@link runnerSocketPath} allows it, else the CLI. */
export function sidecarAccess(
  docker: DockerCli,
  debug: (message: string) => void = () => undefined,
  env: NodeJS.ProcessEnv = process.env
): SidecarAccess {
  const socket = runnerSocketPath(docker.host, env)
  if (!socket) return cliAccess(docker)
  const api = new EngineApi(socket, debug)
  return {
    via: 'engine-api',
    inspect: (name) => api.inspectContainer(name),
    copyIn: (name, tar) => api.putArchive(name, '/', tar),
    watchExit: (name) => api.watchExit(name),
    cheapLog: (name) => api.containerLog(name)
  }
}

/** Every call through the docker CLI. */
export function cliAccess(docker: DockerCli): SidecarAccess {
  return {
    via: 'docker-cli',
    inspect: (name) => docker.inspect<ContainerInspect>(name),
    copyIn: async (name, tar) => {
      await docker.exec(['cp', '-', `${name}:/`], { input: tar })
    },
    watchExit: (name) => watchExit(docker, name)
  }
}
