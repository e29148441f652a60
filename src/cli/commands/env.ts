/** `docker-nest env`: print the running nest's variables again. */
import { readNestFile } from '../nest-file.js'
import { formatEnv } from '../shell.js'
import { readStateFile } from '../state-file.js'
import { EXIT } from '../usage.js'
import { STATE_DIR_OPTION, hostDockerCli, stateDirOf } from './common.js'
import { FORMAT_OPTION, envFormatOf } from './up-options.js'
import type { Command } from './types.js'

export const env: Command = {
  name: 'env',
  summary:
    'print the variables of the running nest (for another shell, compose or $GITHUB_ENV)',
  options: { ...FORMAT_OPTION, ...STATE_DIR_OPTION },
  notes: [
    'Examples:',
    '  eval "$(docker-nest env)"                 # sh, bash, zsh',
    '  docker-nest env --format fish | source    # fish',
    '  docker-nest env --format dotenv > .env    # docker compose --env-file, Jenkins',
    '  docker-nest env --format github >> "$GITHUB_ENV"'
  ].join('\n'),
  async run({ values, stateDir: flag, logger }) {
    const format = envFormatOf(values.format, 'env')
    const stateDir = stateDirOf(flag)
    const nest = await readNestFile(stateDir)
    const resources = await readStateFile(stateDir)
    if (!nest || !resources) {
      throw new Error(
        `No nest is up in ${stateDir}. Start one with: docker-nest up`
      )
    }
    const docker = hostDockerCli(logger, resources.hostDocker)
    const state = await docker.tryExec([
      'inspect',
      '--type',
      'container',
      '--format',
      '{{.State.Status}}',
      nest.container
    ])
    if (state.stdout.trim() !== 'running') {
      throw new Error(
        `The nest's container ${nest.container} is ${state.exitCode === 0 ? state.stdout.trim() : 'gone'}. Run 'docker-nest down' and 'docker-nest up'.`
      )
    }
    process.stdout.write(`${formatEnv(nest.env, format)}\n`)
    return EXIT.ok
  }
}
