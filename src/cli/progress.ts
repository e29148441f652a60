/**
 * An elapsed-time line for a long wait, on stderr, so a pull or a slow
 * daemon does not look like a hang. On a terminal one status line is
 * rewritten in place each second (after the first); without one (CI logs)
 * a line is added every 5 s, as a rewritten line would flood a log.
 */

/** Where progress goes: process.stderr, or a fake in tests. */
export interface ProgressStream {
  isTTY?: boolean
  write(text: string): unknown
}

/** A running elapsed-time display. */
export interface Progress {
  /**
   * Shows `text` (which carries its own time) instead of the elapsed-time
   * line from the next update on; undefined goes back to it.
   */
  show(text: string | undefined): void
  /** Erases the status line (terminal) before other output; the next tick redraws it. */
  clear(): void
  /** Ends the display and erases its status line. */
  stop(): void
}

/** How often the display updates, in ms. */
export const TTY_TICK_MS = 1000
export const LOG_TICK_MS = 5000

const ERASE_LINE = '\r\x1b[K'

/** Shows `label: N s…` until `stop()`; the first update comes after one tick. */
export function startProgress(
  label: string,
  stream: ProgressStream = process.stderr,
  now: () => number = Date.now
): Progress {
  const started = now()
  const tty = Boolean(stream.isTTY)
  let shown = false
  let detail: string | undefined
  const text = () =>
    detail ?? `${label}: ${Math.round((now() - started) / 1000)} s…`
  const timer = setInterval(
    () => {
      if (tty) {
        stream.write(`${ERASE_LINE}${text()}`)
        shown = true
      } else {
        stream.write(`${text()}\n`)
      }
    },
    tty ? TTY_TICK_MS : LOG_TICK_MS
  )
  // A wait that never ends must not keep the process alive on its own.
  timer.unref()
  const clear = () => {
    if (shown) stream.write(ERASE_LINE)
    shown = false
  }
  return {
    show: (text) => (detail = text),
    clear,
    stop() {
      clearInterval(timer)
      clear()
    }
  }
}
