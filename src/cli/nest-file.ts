/**
 * What `up` tells later commands about the running nest (`env`, `status`):
 * its client variables, mode and container, kept next to the resource
 * record in the state dir.
 */
import { readFile, rm } from 'node:fs/promises'
import { join } from 'node:path'
import { writeStateDirFile } from './state-file.js'

const NEST_FILE = 'env.json'

/** The saved facts about a running nest. */
export interface NestFile {
  mode: 'dind' | 'dood'
  container: string
  env: Record<string, string>
  startedAt: string
}

/** Writes the nest file (0600) atomically, in the checked state dir. */
export function writeNestFile(stateDir: string, nest: NestFile): void {
  writeStateDirFile(stateDir, NEST_FILE, `${JSON.stringify(nest)}\n`)
}

/** The nest file, or undefined when there is none. */
export async function readNestFile(
  stateDir: string
): Promise<NestFile | undefined> {
  let text: string
  try {
    text = await readFile(join(stateDir, NEST_FILE), 'utf8')
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined
    throw error
  }
  const data = JSON.parse(text) as Partial<NestFile>
  const env = data.env
  if (
    typeof data.container !== 'string' ||
    typeof env !== 'object' ||
    env === null ||
    !Object.values(env).every((v) => typeof v === 'string')
  ) {
    throw new Error(
      `${join(stateDir, NEST_FILE)} is malformed; run 'docker-nest down' and 'up' again`
    )
  }
  return data as NestFile
}

/** Deletes the nest file. */
export async function removeNestFile(stateDir: string): Promise<void> {
  await rm(join(stateDir, NEST_FILE), { force: true })
}
