/** Plain-text logger for the CLI: everything on stderr, so stdout stays eval-able. */
import type { Logger } from '../core/types.js'

export function createCliLogger(debug: boolean): Logger {
  const write = (line: string) => process.stderr.write(`${line}\n`)
  return {
    info: (message) => write(message),
    debug: (message) => {
      if (debug) write(`debug: ${message}`)
    },
    warning: (message) => write(`warning: ${message}`),
    group: async (title, fn) => {
      write(`==> ${title}`)
      return fn()
    }
  }
}
