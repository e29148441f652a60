/**
 * State shared between main and post. The nest's resources live in one JSON
 * record under one key and are checked when post reads them back.
 */
import * as core from '@actions/core'
import {
  parseResources,
  serializeResources,
  type ResourceRecorder,
  type Resources
} from '../core/resources.js'

/** All state keys, in one place and one style. */
export const STATE_KEYS = {
  /** JSON {@link Resources} record, rewritten as each resource is created. */
  resources: 'resources',
  /** 'true' or 'false': the `cleanup` input, so post knows whether to tear down. */
  cleanup: 'cleanup'
} as const

/** Saves the record to the post step's state after every change. */
export const stateRecorder: ResourceRecorder = {
  record(resources: Resources) {
    core.saveState(STATE_KEYS.resources, serializeResources(resources))
  }
}

/** Saves whether post should tear down. */
export function saveCleanup(cleanup: boolean): void {
  core.saveState(STATE_KEYS.cleanup, String(cleanup))
}

/** The record main saved, or undefined when main created nothing. Throws on a malformed record. */
export function loadResources(): Resources | undefined {
  const saved = core.getState(STATE_KEYS.resources)
  return saved ? parseResources(saved) : undefined
}

/** Whether to tear down; anything but an exact 'false' means yes, so a lost value still cleans. */
export function loadCleanup(): boolean {
  return core.getState(STATE_KEYS.cleanup) !== 'false'
}
