/** Helpers several commands share. */
import type { HostDockerEnv } from '../../engine/types.js'
import {
  DockerCli,
  captureHostDockerEnv,
  findOnPath
} from '../../engine/docker/cli.js'
import type { Logger } from '../../engine/types.js'
import { resolveStateDir } from '../state-file.js'
import type { OptionSpec } from './types.js'

/** --state-dir, shared by the commands that read or write the nest's record. */
export const STATE_DIR_OPTION: Record<string, OptionSpec> = {
  'state-dir': {
    type: 'string',
    placeholder: 'DIR',
    complete: 'dir',
    help: "where the nest's record lives (default $DOCKER_NEST_STATE_DIR or ~/.local/state/docker-nest)"
  }
}

/** The state dir from the flag, env or default. */
export function stateDirOf(flag: string | undefined): string {
  return resolveStateDir(flag)
}

/**
 * A docker CLI for the runner's own daemon. A DOCKER_HOST that points at a
 * nest (a shell that ran `eval "$(docker-nest up)"`) is not the runner's
 * daemon, so `hostDocker` from a saved record wins when there is one.
 */
export function hostDockerCli(
  logger: Logger,
  saved?: HostDockerEnv
): DockerCli {
  const host = saved ?? captureHostDockerEnv()
  return saved
    ? new DockerCli(findOnPath('docker') ?? 'docker', host, (m) =>
        logger.debug(m)
      )
    : DockerCli.locate(host, (m) => logger.debug(m))
}
