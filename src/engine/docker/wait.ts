/**
 * A plain readiness loop: call the probe until it succeeds, the deadline
 * passes or `stop` settles (e.g. the container exited). Probe, deadline,
 * interval and clock are arguments, so tests run it with zero delays.
 */

/** Options for {@link waitFor}. */
export interface WaitOptions {
  timeoutMs: number
  /** Pause between attempts that failed. */
  intervalMs: number
  /** Settles with a reason when waiting is pointless (the daemon died). */
  stop?: Promise<string>
  now?: () => number
  sleep?: (ms: number) => Promise<void>
}

/** How a wait ended. */
export type WaitResult<T> =
  | { status: 'ready'; value: T; attempts: number; elapsedMs: number }
  | {
      status: 'timeout'
      attempts: number
      elapsedMs: number
      lastError?: unknown
    }
  | {
      status: 'stopped'
      reason: string
      attempts: number
      elapsedMs: number
      lastError?: unknown
    }

const defaultSleep = (ms: number) =>
  new Promise<void>((resolve) => setTimeout(resolve, ms))

/**
 * Retries `probe` (which throws while not ready) until ready, timeout or stop.
 * The probe gets the time left, so one slow attempt cannot overrun the deadline.
 */
export async function waitFor<T>(
  probe: (remainingMs: number) => Promise<T>,
  options: WaitOptions
): Promise<WaitResult<T>> {
  const now = options.now ?? Date.now
  const sleep = options.sleep ?? defaultSleep
  const start = now()
  let stopReason: string | undefined
  void options.stop?.then((reason) => {
    stopReason = reason
  })
  let attempts = 0
  let lastError: unknown
  for (;;) {
    // Let an already-settled stop promise run its callback first.
    await Promise.resolve()
    if (stopReason !== undefined) {
      const elapsedMs = now() - start
      return {
        status: 'stopped',
        reason: stopReason,
        attempts,
        elapsedMs,
        lastError
      }
    }
    attempts++
    try {
      const value = await probe(options.timeoutMs - (now() - start))
      return { status: 'ready', value, attempts, elapsedMs: now() - start }
    } catch (error) {
      lastError = error
    }
    // The last attempt happens at the deadline itself, never after it.
    const elapsedMs = now() - start
    if (elapsedMs >= options.timeoutMs) {
      return { status: 'timeout', attempts, elapsedMs, lastError }
    }
    await sleep(Math.min(options.intervalMs, options.timeoutMs - elapsedMs))
  }
}
