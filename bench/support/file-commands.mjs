/**
 * The runner's side of a step: the environment it gives an Action step and
 * the GITHUB_ENV / GITHUB_OUTPUT / GITHUB_STATE files it reads back. A small
 * copy of __tests__/e2e/harness/file-commands.ts (which .mjs cannot import),
 * following actions/runner's FileCommandManager.
 */
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { randomUUID } from 'node:crypto'

/** Each file command and the env var that names its file. */
const FILE_COMMAND_ENV = {
  env: 'GITHUB_ENV',
  output: 'GITHUB_OUTPUT',
  state: 'GITHUB_STATE',
  path: 'GITHUB_PATH',
  summary: 'GITHUB_STEP_SUMMARY'
}

/**
 * Parses `name=value` lines and `name<<DELIMITER` heredocs; the last write of
 * a name wins.
 *
 * @param {string} text
 * @returns {Map<string, string>}
 * @throws {Error} On a malformed line or an unterminated heredoc (the runner
 *   would fail the step).
 */
export function parseFileCommands(text) {
  const values = new Map()
  const lines = text.split('\n').map((line) => line.replace(/\r$/, ''))
  if (lines.at(-1) === '') lines.pop()
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]
    if (line === '') continue
    const equals = line.indexOf('=')
    const heredoc = line.indexOf('<<')
    if (equals > 0 && (heredoc < 0 || equals < heredoc)) {
      values.set(line.slice(0, equals), line.slice(equals + 1))
    } else if (heredoc > 0 && heredoc + 2 < line.length) {
      const delimiter = line.slice(heredoc + 2)
      const end = lines.indexOf(delimiter, i + 1)
      if (end < 0) {
        throw new Error(`line ${i + 1}: delimiter '${delimiter}' never comes`)
      }
      values.set(line.slice(0, heredoc), lines.slice(i + 1, end).join('\n'))
      i = end
    } else {
      throw new Error(`line ${i + 1}: '${line}' is not a file command`)
    }
  }
  return values
}

/**
 * Creates one step's empty file-command files in `dir`, as the runner does
 * before each step.
 *
 * @param {string} dir
 * @returns {Record<string, string>} Env var name → file path.
 */
export function createFileCommandFiles(dir) {
  const suffix = randomUUID()
  const env = {}
  for (const [command, name] of Object.entries(FILE_COMMAND_ENV)) {
    const file = join(dir, `${command}_${suffix}`)
    writeFileSync(file, '')
    env[name] = file
  }
  return env
}

/**
 * Reads one file command back.
 *
 * @param {Record<string, string>} files From {@link createFileCommandFiles}.
 * @param {'GITHUB_ENV' | 'GITHUB_OUTPUT' | 'GITHUB_STATE'} name
 * @returns {Map<string, string>}
 */
export function readFileCommand(files, name) {
  try {
    return parseFileCommands(readFileSync(files[name], 'utf8'))
  } catch (error) {
    throw new Error(`${name} is malformed: ${error.message}`, { cause: error })
  }
}

/**
 * A copy of `env` without what must not leak into a step: NODE_OPTIONS (a
 * loader or inspector flag meant for the bench would slow the step it times)
 * and the runner variables, inputs and state of whatever started the bench
 * (each step gets its own).
 *
 * @param {NodeJS.ProcessEnv} env
 * @returns {NodeJS.ProcessEnv}
 */
export function cleanStepEnv(env) {
  const clean = {}
  for (const [key, value] of Object.entries(env)) {
    if (key === 'NODE_OPTIONS') continue
    if (/^(INPUT_|STATE_|GITHUB_|RUNNER_)/.test(key)) continue
    clean[key] = value
  }
  return clean
}
