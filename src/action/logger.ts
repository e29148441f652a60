/** The engine's logger, printed as workflow commands with collapsible groups. */
import * as core from './workflow.js'
import type { Logger } from '../engine/types.js'

export const actionLogger: Logger = {
  info: (message) => core.info(message),
  debug: (message) => core.debug(message),
  warning: (message) => core.warning(message),
  group: (title, fn) => core.group(title, fn)
}
