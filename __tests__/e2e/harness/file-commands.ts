// The files a step writes to talk back to the runner: GITHUB_ENV,
// GITHUB_OUTPUT and GITHUB_STATE (key/value format), GITHUB_PATH (one
// directory a line) and GITHUB_STEP_SUMMARY. The parsers follow actions/runner's
// FileCommandManager.cs (SetEnvFileCommand, AddPathFileCommand) so that e2e
// tests read the committed bundle's files exactly as the runner would.
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { randomUUID } from 'node:crypto'

/** One line of a file command, without its line ending. */
interface Line {
  text: string
  /** 1-based line number, for error messages. */
  number: number
  /** Offset of the first character after the line ending. */
  next: number
  /** Offset of the line ending (end of the text when there is none). */
  end: number
}

/**
 * Reads the line that starts at `index`. Like the Windows runner, both LF and
 * CRLF end a line, so a file written with CRLF parses the same as one with LF.
 */
function readLine(text: string, index: number, number: number): Line | null {
  if (index >= text.length) return null
  const lf = text.indexOf('\n', index)
  if (lf < 0) {
    return {
      text: text.slice(index),
      number,
      next: text.length,
      end: text.length
    }
  }
  const end = lf > index && text[lf - 1] === '\r' ? lf - 1 : lf
  return { text: text.slice(index, end), number, next: lf + 1, end }
}

/**
 * Parses the GITHUB_ENV / GITHUB_OUTPUT / GITHUB_STATE format: `name=value`
 * lines and heredoc blocks (`name<<DELIMITER`, value lines, `DELIMITER`), as
 * written by `core.exportVariable`, `core.setOutput` and `core.saveState`
 * (delimiter `ghadelimiter_<uuid>`) or by hand. Empty lines are skipped, and
 * the last write of a name wins. A heredoc value is the exact text between
 * its header and delimiter lines, without the final line ending.
 *
 * @param text The whole file.
 * @returns The values by name.
 * @throws Error on a line that is neither form, an empty name or delimiter,
 *   or a heredoc whose delimiter line never comes (the runner fails the step
 *   in all three cases).
 */
export function parseFileCommands(text: string): Map<string, string> {
  const values = new Map<string, string>()
  let number = 1
  let line = readLine(text, 0, number)
  while (line) {
    if (line.text !== '') {
      const equals = line.text.indexOf('=')
      const heredoc = line.text.indexOf('<<')
      if (equals >= 0 && (heredoc < 0 || equals < heredoc)) {
        const name = line.text.slice(0, equals)
        if (name === '') {
          throw new Error(
            `File command line ${line.number} '${line.text}': name must not be empty.`
          )
        }
        values.set(name, line.text.slice(equals + 1))
      } else if (heredoc >= 0) {
        const header = line
        const name = header.text.slice(0, heredoc)
        const delimiter = header.text.slice(heredoc + 2)
        if (name === '' || delimiter === '') {
          throw new Error(
            `File command line ${header.number} '${header.text}': name and ` +
              'delimiter must not be empty.'
          )
        }
        let end = header.next
        line = readLine(text, header.next, ++number)
        while (line?.text !== delimiter) {
          if (!line) {
            throw new Error(
              `File command line ${header.number} '${header.text}': matching ` +
                `delimiter '${delimiter}' not found before the end of the file.`
            )
          }
          end = line.end
          line = readLine(text, line.next, ++number)
        }
        values.set(name, end > header.next ? text.slice(header.next, end) : '')
      } else {
        throw new Error(
          `File command line ${line.number} '${line.text}': expected ` +
            `'name=value' or 'name<<DELIMITER'.`
        )
      }
    }
    line = readLine(text, line.next, ++number)
  }
  return values
}

/**
 * Parses the GITHUB_PATH format: one directory a line (LF, CRLF or CR),
 * empty lines skipped, nothing trimmed, in file order (duplicates kept).
 *
 * @param text The whole file.
 * @returns The directories in the order they were added.
 */
export function parsePathFile(text: string): string[] {
  return text.split(/\r\n|\r|\n/).filter((line) => line !== '')
}

/**
 * Applies GITHUB_PATH additions to a PATH value the way the runner builds the
 * PATH of later steps: each addition moves to the front (the last one added
 * comes first), a repeated directory keeps only its newest place, and the
 * original PATH follows.
 *
 * @param path The PATH the step would otherwise get (may be empty).
 * @param additions Directories in the order they were added.
 * @returns The new PATH.
 */
export function prependPath(path: string, additions: string[]): string {
  const ordered: string[] = []
  for (const dir of additions) {
    const seen = ordered.indexOf(dir)
    if (seen >= 0) ordered.splice(seen, 1)
    ordered.push(dir)
  }
  const front = ordered.reverse().join(':')
  if (front === '') return path
  return path === '' ? front : `${front}:${path}`
}

/** Each file command and the env var that names its file. */
export const fileCommandEnv = {
  env: 'GITHUB_ENV',
  output: 'GITHUB_OUTPUT',
  state: 'GITHUB_STATE',
  path: 'GITHUB_PATH',
  summary: 'GITHUB_STEP_SUMMARY'
} as const

/** A file command: env, output, state, path or summary. */
export type FileCommand = keyof typeof fileCommandEnv

/** What one step wrote to its file-command files. */
export interface FileCommandResults {
  /** GITHUB_OUTPUT. */
  outputs: Record<string, string>
  /** GITHUB_ENV exports. */
  env: Record<string, string>
  /** GITHUB_STATE. */
  state: Record<string, string>
  /** GITHUB_PATH additions, in the order written. */
  path: string[]
  /** GITHUB_STEP_SUMMARY content. */
  summary: string
}

/**
 * Creates one step's file-command files in `dir`, empty and with a fresh
 * suffix, as the runner does before every step.
 *
 * @param dir An existing folder.
 * @returns The path of each file.
 */
export function createFileCommandFiles(
  dir: string
): Record<FileCommand, string> {
  const suffix = randomUUID()
  const files = {} as Record<FileCommand, string>
  for (const command of Object.keys(fileCommandEnv) as FileCommand[]) {
    files[command] = join(dir, `${command}_${suffix}`)
    writeFileSync(files[command], '')
  }
  return files
}

/**
 * Reads and parses what a step wrote to the files of
 * {@link createFileCommandFiles}.
 *
 * @param files The path of each file.
 * @returns The parsed contents.
 * @throws Error naming the file command when one is malformed (the runner
 *   fails the step then; a test should hear about it loudly).
 */
export function readFileCommandFiles(
  files: Record<FileCommand, string>
): FileCommandResults {
  const read = (command: FileCommand): string =>
    readFileSync(files[command], 'utf8')
  const keyValues = (command: FileCommand): Record<string, string> => {
    try {
      return Object.fromEntries(parseFileCommands(read(command)))
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error)
      throw new Error(
        `Unable to process file command '${command}': ${reason}`,
        { cause: error }
      )
    }
  }
  return {
    outputs: keyValues('output'),
    env: keyValues('env'),
    state: keyValues('state'),
    path: parsePathFile(read('path')),
    summary: read('summary')
  }
}
