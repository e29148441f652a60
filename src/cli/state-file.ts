/**
 * Where the CLI keeps a nest's resource record between `up` and `down`.
 * Written atomically after each change, like the Action's post state.
 *
 * The state dir holds the record and the client keys, and teardown deletes
 * what the record names, so it must be this user's own: a directory that is
 * a symlink, someone else's or writable by others is refused, and files are
 * written through a fresh temp file that never follows a planted symlink.
 */
import {
  closeSync,
  constants,
  lstatSync,
  mkdirSync,
  openSync,
  renameSync,
  rmSync,
  writeFileSync
} from 'node:fs'
import { readFile, rm } from 'node:fs/promises'
import { homedir } from 'node:os'
import { join, resolve } from 'node:path'
import {
  parseResources,
  serializeResources,
  type ResourceRecorder,
  type Resources
} from '../engine/lifecycle/resources.js'

const STATE_FILE = 'nest.json'

/**
 * --state-dir, then DOCKER_NEST_STATE_DIR, then XDG_STATE_HOME, then
 * ~/.local/state; absolute, since the record names files in it.
 */
export function resolveStateDir(flag: string | undefined): string {
  if (flag) return resolve(flag)
  if (process.env.DOCKER_NEST_STATE_DIR)
    return resolve(process.env.DOCKER_NEST_STATE_DIR)
  const base = process.env.XDG_STATE_HOME || join(homedir(), '.local', 'state')
  return resolve(base, 'docker-nest')
}

/** The state file of the nest in `stateDir`. */
export function stateFilePath(stateDir: string): string {
  return join(stateDir, STATE_FILE)
}

/** Thrown when the state dir is not this user's private directory. */
export class StateDirError extends Error {
  constructor(stateDir: string, problem: string) {
    super(
      `State dir ${stateDir} ${problem}. docker-nest keeps the nest's record ` +
        'and client keys there, so it must be a directory of your own that ' +
        'only you can write: pass one with --state-dir (or ' +
        'DOCKER_NEST_STATE_DIR), e.g. the default ~/.local/state/docker-nest.'
    )
    this.name = 'StateDirError'
  }
}

/**
 * Checks that `stateDir` is a real directory (not a symlink), owned by this
 * user and not writable by others. Throws ENOENT when it does not exist.
 */
export function checkStateDir(stateDir: string): void {
  const stat = lstatSync(stateDir)
  if (stat.isSymbolicLink()) {
    throw new StateDirError(stateDir, 'is a symbolic link')
  }
  if (!stat.isDirectory())
    throw new StateDirError(stateDir, 'is not a directory')
  const uid = process.getuid?.()
  if (uid !== undefined && stat.uid !== uid) {
    throw new StateDirError(
      stateDir,
      `belongs to uid ${stat.uid}, not to this user (uid ${uid})`
    )
  }
  if ((stat.mode & 0o002) !== 0) {
    throw new StateDirError(
      stateDir,
      `is writable by other users (mode ${(stat.mode & 0o7777).toString(8)})`
    )
  }
}

/** Creates `stateDir` (0700) unless it exists, then checks it. */
export function ensureStateDir(stateDir: string): void {
  mkdirSync(stateDir, { recursive: true, mode: 0o700 })
  checkStateDir(stateDir)
}

const NEW_FILE_FLAGS =
  constants.O_WRONLY |
  constants.O_CREAT |
  constants.O_EXCL |
  constants.O_NOFOLLOW

/**
 * Writes `name` in the state dir atomically: into `<name>.tmp`, created
 * afresh (0600, never through a symlink or into a file already there), then
 * renamed over `name`, which replaces whatever entry had that name.
 */
export function writeStateDirFile(
  stateDir: string,
  name: string,
  text: string
): void {
  ensureStateDir(stateDir)
  const file = join(stateDir, name)
  const tmp = `${file}.tmp`
  // A leftover from a writer that was killed: in a private dir, only ours.
  rmSync(tmp, { force: true })
  const fd = openSync(tmp, NEW_FILE_FLAGS, 0o600)
  try {
    writeFileSync(fd, text)
  } catch (error) {
    closeSync(fd)
    rmSync(tmp, { force: true })
    throw error
  }
  closeSync(fd)
  renameSync(tmp, file)
}

/** A recorder that rewrites the state file (0600, in a private dir) on every change. */
export function fileRecorder(stateDir: string): ResourceRecorder {
  return {
    record(resources: Resources) {
      writeStateDirFile(stateDir, STATE_FILE, serializeResources(resources))
    }
  }
}

/**
 * The saved record, or undefined when there is no state file. Throws when
 * the state dir is not private or the record not this nest's (see
 * parseResources: its files must be directly in the state dir).
 */
export async function readStateFile(
  stateDir: string
): Promise<Resources | undefined> {
  try {
    checkStateDir(stateDir)
    return parseResources(
      await readFile(stateFilePath(stateDir), 'utf8'),
      stateDir
    )
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined
    throw error
  }
}

/** Deletes the state file once its nest is gone. */
export async function removeStateFile(stateDir: string): Promise<void> {
  await rm(stateFilePath(stateDir), { force: true })
}
