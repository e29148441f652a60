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

export async function run(): Promise<void> {
  // Even with cleanup: false: the runner's docker config must not keep a
  // current context that points at a nest about to disappear.
  removeClientContext()
  try {
    const resources = loadResources()
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
