/**
 * The Action's post step: remove what main created. It runs after failures
 * too, and never fails the job: every problem is a warning. In dood mode it
 * changes nothing on the runner's daemon unless `cleanup: containers`.
 */
import * as core from './workflow.js'
import { down } from '../engine/lifecycle/down.js'
import { errorMessage } from '../engine/errors.js'
import { actionLogger } from './logger.js'
import { loadCleanup, loadResources } from './state.js'
import { removeClientContext } from './clients.js'
import {
  loadEarlyStart,
  removeEarlyDir,
  stopEarly,
  type EarlyStart
} from './early.js'

/**
 * What an early start main never took over created (main was skipped, or
 * the job cancelled first): its background process is stopped first, so
 * nothing is created after this reads the record.
 */
async function earlyRecord(early: EarlyStart | undefined) {
  if (!early) return undefined
  const record = await stopEarly(early)
  if (record)
    core.info('Main did not take over the nest started in pre: removing it.')
  return record
}

export async function run(): Promise<void> {
  // Even with cleanup: false: the runner's docker config must not keep a
  // current context that points at a nest about to disappear.
  removeClientContext()
  try {
    const early = loadEarlyStart()
    const resources = loadResources() ?? (await earlyRecord(early))
    if (early) removeEarlyDir(early)
    if (!resources) {
      core.info('Nothing to clean up: main created nothing.')
      return
    }
    const report = await down(resources, loadCleanup(), 'post', {
      logger: actionLogger
    })
    for (const warning of report.warnings) core.warning(warning)
  } catch (error) {
    core.warning(`docker-nest cleanup: ${errorMessage(error)}`)
  }
}
