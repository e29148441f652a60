/**
 * State shared between main and post. The nest's resources live in one JSON
 * record under one key and are checked when post reads them back.
 */
import * as core from './workflow.js'
import {
  parseResources,
  serializeResources,
  type ResourceRecorder,
  type Resources
} from '../engine/lifecycle/resources.js'
import type { CleanupMode } from '../engine/lifecycle/down.js'
import { runnerTemp } from './runner-env.js'

/** All state keys, in one place and one style. */
export const STATE_KEYS = {
  /** JSON {@link Resources} record, rewritten as each resource is created. */
  resources: 'resources',
  /** 'true', 'false' or 'containers': the `cleanup` input, so post knows what to tear down. */
  cleanup: 'cleanup',
  /** JSON DockerContextRecord: the docker context to remove. */
  context: 'context'
} as const

/** Saves the record to the post step's state after every change. */
export const stateRecorder: ResourceRecorder = {
  record(resources: Resources) {
    core.saveState(STATE_KEYS.resources, serializeResources(resources))
  }
}

/** Saves what post should tear down. */
export function saveCleanup(options: {
  cleanup: boolean
  cleanupContainers: boolean
}): void {
  const mode: CleanupMode = options.cleanupContainers
    ? 'containers'
    : options.cleanup
      ? 'true'
      : 'false'
  core.saveState(STATE_KEYS.cleanup, mode)
}

/**
 * The record main saved, or undefined when main created nothing. Throws on
 * a malformed record, and on one whose files are not where main makes them
 * (directly in RUNNER_TEMP).
 */
export function loadResources(): Resources | undefined {
  const saved = core.getState(STATE_KEYS.resources)
  return saved ? parseResources(saved, runnerTemp()) : undefined
}

/**
 * What to tear down; anything unknown means 'true', so a lost value still
 * removes the nest (and, in dood, still removes nothing of the user's).
 */
export function loadCleanup(): CleanupMode {
  const saved = core.getState(STATE_KEYS.cleanup)
  return saved === 'false' || saved === 'containers' ? saved : 'true'
}
