/** `docker-nest down`: remove the nest `up` started. */
import { down as tearDown } from '../../engine/lifecycle/down.js'
import { removeNestFile } from '../nest-file.js'
import { readStateFile, removeStateFile, stateFilePath } from '../state-file.js'
import { EXIT } from '../usage.js'
import { STATE_DIR_OPTION, stateDirOf } from './common.js'
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
    const report = await tearDown(resources, 'true', 'down', {
      logger
    })
    // Objects of another run the record names were left with a warning;
    // nothing of this nest's stays, so the record goes.
    for (const warning of report.warnings) logger.warning(warning)
    if (report.warnings.length > 0) return EXIT.failed
    if (resources.mode !== 'dood' && report.containerWasGone) {
      logger.info(
        `The nest's container (${resources.container ?? 'not started'}) was already gone.`
      )
    }
    await removeNestFile(stateDir)
    await removeStateFile(stateDir)
    return EXIT.ok
  }
}
