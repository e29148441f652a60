/**
 * Which daemon the job gets: input `mode` (dind, dood or auto), the dind
 * `image`, and the host's `socket` for dood.
 */
import type { Mode } from '../types.js'
import { DEFAULT_DIND_IMAGE } from './inputs.js'
import { quote } from './primitives.js'

const MODES: readonly Mode[] = ['dind', 'dood', 'auto']

/** Image reference: [registry[:port]/]path[:tag][@sha256:digest], no leading '-'. */
const IMAGE_REF =
  /^(?:[a-zA-Z0-9](?:[a-zA-Z0-9.-]*[a-zA-Z0-9])?(?::[0-9]{1,5})?\/)?[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*(?:\/[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*)*(?::[A-Za-z0-9_][A-Za-z0-9_.-]{0,127})?(?:@sha256:[a-f0-9]{64})?$/

/** Input `mode`: one of {@link MODES}, case-sensitive; 'dind' after a problem. */
export function parseMode(value: string, problems: string[]): Mode {
  if (!MODES.includes(value as Mode)) {
    problems.push(
      `Input 'mode' must be one of ${MODES.join(', ')}, got ${quote(value)}.`
    )
    return 'dind'
  }
  return value as Mode
}

/**
 * Input `image`: an image reference, never something `docker run` would
 * read as a flag.
 */
export function parseImage(value: string, problems: string[]): string {
  if (!IMAGE_REF.test(value)) {
    problems.push(
      `Input 'image' must be an image reference such as ` +
        `'${DEFAULT_DIND_IMAGE}' or 'registry:5000/team/dind:26@sha256:…', ` +
        `got ${quote(value)}.`
    )
  }
  return value
}

/** Input `socket`: an absolute path, `unix://` prefix dropped; '' = find it. */
export function parseSocket(value: string, problems: string[]): string {
  const path = value.replace(/^unix:\/\//, '')
  if (path !== '' && !path.startsWith('/')) {
    problems.push(
      `Input 'socket' must be an absolute path such as ` +
        `'/var/run/docker.sock' (or unix:///path), got ${quote(value)}.`
    )
  }
  return path
}
