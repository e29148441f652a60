/** `docker-nest down`: remove the nest `up` started. */
import { stopSocketProxy } from '../../engine/dood/socket-proxy.js'
import { teardown } from '../../engine/lifecycle/teardown.js'
import { removeNestFile } from '../nest-file.js'
import { readStateFile, removeStateFile, stateFilePath } from '../state-file.js'
import { EXIT } from '../usage.js'
import { STATE_DIR_OPTION, hostDockerCli, stateDirOf } from './common.js'
import type { Command } from './types.js'

export const down: Command = {
  name: 'down',
  summary:
    "remove the nest 'up' started (container, volume, certificates); a no-op when there is none",
  options: { ...STATE_DIR_OPTION },
  async run({ stateDir: flag, logger }) {
    const stateDir = stateDirOf(flag)
    const resources = await readStateFile(stateDir)
    if (!resources) {
      logger.info(
        `No nest is up (no ${stateFilePath(stateDir)}); nothing to remove.`
      )
      return EXIT.ok
    }
    if (resources.mode === 'dood') {
      // dood started nothing on the machine's own daemon; only a proxy, maybe.
      if (resources.proxy && stopSocketProxy(resources.proxy)) {
        logger.info(`Removed socket proxy ${resources.proxy.socket}`)
      }
      logger.info('dood: nothing else to remove (the machine’s own daemon).')
      await removeNestFile(stateDir)
      await removeStateFile(stateDir)
      return EXIT.ok
    }
    const docker = hostDockerCli(logger, resources.hostDocker)
    // Objects of another run the record names were left with a warning;
    // nothing of this nest's stays, so the record goes.
    const report = await teardown(resources, docker, logger)
    for (const warning of report.warnings) logger.warning(warning)
    if (report.warnings.length > 0) return EXIT.failed
    const handled = [...report.removed, ...report.skipped]
    if (!handled.some((line) => line.startsWith('container '))) {
      logger.info(
        `The nest's container (${resources.container ?? 'not started'}) was already gone.`
      )
    }
    await removeNestFile(stateDir)
    await removeStateFile(stateDir)
    return EXIT.ok
  }
}
