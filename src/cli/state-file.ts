/**
 * Where the CLI keeps a nest's resource record between `up` and `down`.
 * Written atomically after each change, like the Action's post state.
 */
import { mkdirSync, renameSync, writeFileSync } from 'node:fs'
import { readFile, rm } from 'node:fs/promises'
import { homedir } from 'node:os'
import { join } from 'node:path'
import {
  parseResources,
  serializeResources,
  type ResourceRecorder,
  type Resources
} from '../core/resources.js'

const STATE_FILE = 'nest.json'

/** --state-dir, then DOCKER_NEST_STATE_DIR, then XDG_STATE_HOME, then ~/.local/state. */
export function resolveStateDir(flag: string | undefined): string {
  if (flag) return flag
  if (process.env.DOCKER_NEST_STATE_DIR)
    return process.env.DOCKER_NEST_STATE_DIR
  const base = process.env.XDG_STATE_HOME || join(homedir(), '.local', 'state')
  return join(base, 'docker-nest')
}

/** The state file of the nest in `stateDir`. */
export function stateFilePath(stateDir: string): string {
  return join(stateDir, STATE_FILE)
}

/** A recorder that rewrites the state file (0600, in a 0700 dir) on every change. */
export function fileRecorder(stateDir: string): ResourceRecorder {
  return {
    record(resources: Resources) {
      mkdirSync(stateDir, { recursive: true, mode: 0o700 })
      const file = stateFilePath(stateDir)
      writeFileSync(`${file}.tmp`, serializeResources(resources), {
        mode: 0o600
      })
      renameSync(`${file}.tmp`, file)
    }
  }
}

/** The saved record, or undefined when there is no state file. */
export async function readStateFile(
  stateDir: string
): Promise<Resources | undefined> {
  try {
    return parseResources(await readFile(stateFilePath(stateDir), 'utf8'))
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined
    throw error
  }
}

/** Deletes the state file once its nest is gone. */
export async function removeStateFile(stateDir: string): Promise<void> {
  await rm(stateFilePath(stateDir), { force: true })
}
