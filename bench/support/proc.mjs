/**
 * Child processes for the bench: spawned in their own process group so an
 * interrupted bench can stop a step together with the docker CLI calls it
 * made, timed from just before spawn to exit, with every output line stamped
 * on arrival (Node writes to pipes synchronously on Linux, so arrival times
 * are close to when the child printed).
 */
import { spawn } from 'node:child_process'

/** A step that failed; the message carries its stderr. */
export class StepError extends Error {
  constructor(message) {
    super(message)
    this.name = 'StepError'
  }
}

/** Process groups of the children still running, for {@link stopAll}. */
const running = new Set()

/**
 * @typedef {object} Line
 * @property {number} ms Milliseconds after spawn the line arrived.
 * @property {string} text The line, without its ending.
 */

/**
 * @typedef {object} ProcessResult
 * @property {number | null} code Exit code (null when killed by a signal).
 * @property {string | null} signal
 * @property {number} ms Spawn to exit, in milliseconds.
 * @property {string} stdout
 * @property {string} stderr
 * @property {Line[]} lines Stdout lines with their arrival times.
 */

/**
 * Runs a command to completion.
 *
 * @param {string} command
 * @param {string[]} args
 * @param {object} [options]
 * @param {NodeJS.ProcessEnv} [options.env] Defaults to this process's env.
 * @param {string} [options.cwd]
 * @param {Buffer | string} [options.input] Written to stdin, then closed.
 * @param {number} [options.timeoutMs] Kills the group after this long.
 * @returns {Promise<ProcessResult>}
 */
export function runProcess(command, args, options = {}) {
  const { env = process.env, cwd, input, timeoutMs = 120_000 } = options
  return new Promise((resolve, reject) => {
    const started = performance.now()
    // detached: its own process group, so stopAll can also end grandchildren.
    const child = spawn(command, args, {
      env,
      cwd,
      detached: true,
      stdio: [input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe']
    })
    running.add(child)
    const lines = []
    let stdout = ''
    let stderr = ''
    let partial = ''
    let exited
    let timedOut = false
    child.stdout.on('data', (chunk) => {
      const ms = performance.now() - started
      const text = chunk.toString()
      stdout += text
      const parts = (partial + text).split('\n')
      partial = parts.pop()
      for (const part of parts)
        lines.push({ ms, text: part.replace(/\r$/, '') })
    })
    child.stderr.on('data', (chunk) => (stderr += chunk.toString()))
    const timer = setTimeout(() => {
      timedOut = true
      killGroup(child, 'SIGKILL')
    }, timeoutMs)
    const finish = () => {
      clearTimeout(timer)
      running.delete(child)
      if (partial) lines.push({ ms: exited.ms, text: partial })
      if (timedOut) {
        stderr += `\n(killed after ${timeoutMs} ms)`
      }
      resolve({ ...exited, stdout, stderr, lines })
    }
    child.on('error', (error) => {
      clearTimeout(timer)
      running.delete(child)
      reject(new StepError(`${command} ${args[0] ?? ''}: ${error.message}`))
    })
    child.on('exit', (code, signal) => {
      // Timed at exit, not at stdio close: a grandchild that keeps the pipes
      // open must not count as the step's time.
      exited = { code, signal, ms: performance.now() - started }
      let closed = false
      child.once('close', () => {
        closed = true
        finish()
      })
      setTimeout(() => {
        if (!closed) {
          child.removeAllListeners('close')
          finish()
        }
      }, 2000).unref()
    })
    if (input !== undefined) {
      child.stdin.on('error', () => undefined)
      child.stdin.end(input)
    }
  })
}

function killGroup(child, signal) {
  try {
    process.kill(-child.pid, signal)
  } catch {
    // Already gone.
  }
}

/**
 * Stops every child still running (and its process group) and waits up to
 * `graceMs` for them to exit.
 *
 * @param {number} [graceMs]
 */
export async function stopAll(graceMs = 3000) {
  const children = [...running]
  if (children.length === 0) return
  const gone = children.map(
    (child) =>
      new Promise((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) resolve()
        else child.once('exit', resolve)
      })
  )
  for (const child of children) killGroup(child, 'SIGTERM')
  const timer = new Promise((resolve) => setTimeout(resolve, graceMs))
  await Promise.race([Promise.all(gone), timer])
  for (const child of children) killGroup(child, 'SIGKILL')
}

/**
 * The last lines of a text, for error messages.
 *
 * @param {string} text
 * @param {number} [count]
 */
export function tail(text, count = 30) {
  const lines = text.trimEnd().split('\n')
  return lines.slice(-count).join('\n')
}

/** @param {number} ms */
export function sleep(ms) {
  return new Promise((resolve) => setTimeout(resolve, ms))
}
