/**
 * Plain-text logger for the CLI: everything on stderr, so stdout stays
 * eval-able. A group ("Start dind", "Wait for daemon") shows its elapsed
 * time while it runs (see progress.ts), or the status the engine gives it
 * (an image pull).
 */
import type { Logger } from '../engine/types.js'
import {
  startProgress,
  type Progress,
  type ProgressStream
} from './progress.js'

export function createCliLogger(
  debug: boolean,
  stream: ProgressStream = process.stderr
): Logger {
  let progress: Progress | undefined
  const write = (line: string) => {
    progress?.clear()
    stream.write(`${line}\n`)
  }
  return {
    info: (message) => write(message),
    debug: (message) => {
      if (debug) write(`debug: ${message}`)
    },
    warning: (message) => write(`warning: ${message}`),
    status: (text) => progress?.show(text),
    group: async (title, fn) => {
      write(`==> ${title}`)
      // Only the outermost group shows its time: one status line at most.
      if (progress) return fn()
      progress = startProgress(title, stream)
      try {
        return await fn()
      } finally {
        progress.stop()
        progress = undefined
      }
    }
  }
}
