/**
 * The runner's workflow commands that main and post use, written directly:
 * inputs from INPUT_*, outputs/env/state appended to the GITHUB_* files,
 * `::warning::`/`::error::`/`::group::` lines on stdout, the job summary.
 *
 * Why not @actions/core: it bundles an HTTP client (for OIDC tokens, which we
 * never use) that costs ~85 ms of load on every main and post step, most of
 * the step's overhead over the bare start of the sidecar (bench/). The
 * formats are the documented ones @actions/core also writes; the tool-cache
 * path (docker-cli.ts) still uses @actions/core, loaded only when it installs.
 */
import { appendFileSync } from 'node:fs'
import { EOL } from 'node:os'
import { randomUuid } from '../engine/util/random.js'

/** Escapes a command's message the way the runner decodes it. */
export function escapeData(value: string): string {
  return value.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A')
}

function command(name: string, message: string): void {
  process.stdout.write(`::${name}::${escapeData(message)}${EOL}`)
}

/** `name<<delimiter` block of a file command (GITHUB_OUTPUT/ENV/STATE). */
export function keyValueBlock(name: string, value: string): string {
  const delimiter = `ghadelimiter_${randomUuid()}`
  if (name.includes(delimiter) || value.includes(delimiter)) {
    throw new Error(
      `Unexpected input: value contains the delimiter ${delimiter}`
    )
  }
  return `${name}<<${delimiter}${EOL}${value}${EOL}${delimiter}${EOL}`
}

function fileCommand(variable: string, name: string, value: string): void {
  const file = process.env[variable]
  if (!file)
    throw new Error(
      `${variable} is not set: not running in a GitHub Actions step?`
    )
  appendFileSync(file, keyValueBlock(name, value), 'utf8')
}

/** An input as the runner passes it (INPUT_<NAME>), trimmed; '' when absent. */
export function getInput(name: string): string {
  const key = `INPUT_${name.replace(/ /g, '_').toUpperCase()}`
  return (process.env[key] ?? '').trim()
}

export function setOutput(name: string, value: string): void {
  fileCommand('GITHUB_OUTPUT', name, value)
}

/** Sets a variable for this process and for the job's later steps. */
export function exportVariable(name: string, value: string): void {
  process.env[name] = value
  fileCommand('GITHUB_ENV', name, value)
}

/** State for this action's post step (it reads it as STATE_<name>). */
export function saveState(name: string, value: string): void {
  fileCommand('GITHUB_STATE', name, value)
}

export function getState(name: string): string {
  return process.env[`STATE_${name}`] ?? ''
}

export function info(message: string): void {
  process.stdout.write(`${message}${EOL}`)
}

export function debug(message: string): void {
  command('debug', message)
}

export function warning(message: string): void {
  command('warning', message)
}

/** Fails the step: an error annotation and exit code 1. */
export function setFailed(message: string): void {
  process.exitCode = 1
  command('error', message)
}

/** Runs `fn` inside a collapsible log group. */
export async function group<T>(name: string, fn: () => Promise<T>): Promise<T> {
  process.stdout.write(`::group::${escapeData(name)}${EOL}`)
  try {
    return await fn()
  } finally {
    process.stdout.write(`::endgroup::${EOL}`)
  }
}

/** Appends Markdown to the job summary; false when the step has no summary file. */
export function appendSummary(markdown: string): boolean {
  const file = process.env.GITHUB_STEP_SUMMARY
  if (!file) return false
  appendFileSync(
    file,
    markdown.endsWith(EOL) ? markdown : `${markdown}${EOL}`,
    'utf8'
  )
  return true
}
