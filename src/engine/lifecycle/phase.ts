/** Runs one titled phase of the log and reports how long it took. */
import type { Logger } from '../types.js'

export async function phase<T>(
  logger: Logger,
  title: string,
  fn: () => Promise<T>
): Promise<T> {
  return logger.group(title, async () => {
    const started = performance.now()
    try {
      return await fn()
    } finally {
      logger.info(`${title}: ${Math.round(performance.now() - started)} ms`)
    }
  })
}
