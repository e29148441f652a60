/**
 * Why there is no dockerd on this runner to run a nest with: a snap, Docker
 * Desktop, only a docker CLI (its daemon is elsewhere), or nothing at all.
 * Each answer names what was looked for, where, and what to do instead.
 */
import type { RunnerEngineUnavailable } from './types.js'
import { lstatInRoot } from './root-fs.js'
import { findTool, SEARCH_DIRS } from './tools.js'

/** Where the Docker snap lives; its dockerd runs on the snap's own base libraries. */
export const SNAP_MARKERS = [
  '/snap/docker',
  '/snap/bin/docker',
  '/var/snap/docker'
] as const
/** Docker Desktop for Linux's install directory; its engine runs in a VM. */
export const DESKTOP_MARKER = '/opt/docker-desktop'
/** Files a container runtime leaves in a container's root. */
export const CONTAINER_MARKERS = ['/.dockerenv', '/run/.containerenv'] as const

const INSTEAD = 'Use a dind image instead of the runner’s engine.'

/**
 * The reason for a runner without a usable dockerd; `dockerd` is the one
 * found when it lives in a snap.
 */
export function unavailableWithoutDaemon(
  root: string,
  dockerd?: string
): RunnerEngineUnavailable {
  const exists = (path: string) => lstatInRoot(root, path) !== undefined
  const where = SEARCH_DIRS.join(', ')
  const result = (
    reason: RunnerEngineUnavailable['reason'],
    message: string
  ): RunnerEngineUnavailable => ({
    available: false,
    reason,
    message,
    missing: ['dockerd'],
    searched: [...SEARCH_DIRS]
  })
  const snap = SNAP_MARKERS.filter(exists)
  if (dockerd || snap.length > 0) {
    return result(
      'snap',
      `Docker on this runner is a snap (${[dockerd, ...snap].filter(Boolean).join(', ')}), ` +
        `and there is no other dockerd in ${where}: the snap's dockerd runs on the snap's ` +
        `own base libraries under /snap, which a nest does not bind. ${INSTEAD} Or install ` +
        'Docker from the distribution or docker.com packages.'
    )
  }
  if (exists(DESKTOP_MARKER)) {
    return result(
      'docker-desktop',
      `Docker Desktop is installed (${DESKTOP_MARKER}): its engine runs in a virtual ` +
        `machine, and there is no dockerd in ${where} to start. ${INSTEAD}`
    )
  }
  const cli = findTool(root, ['docker'])
  if (cli) {
    const container = CONTAINER_MARKERS.find(exists)
    return result(
      'cli-only',
      `Only the docker CLI is here (${cli.path}); there is no dockerd in ${where}. ` +
        'The daemon it talks to runs elsewhere: in a container job the runner’s socket ' +
        'is mounted in, with a remote DOCKER_HOST it is another machine' +
        (container ? ` (this is a container: ${container} exists)` : '') +
        `. ${INSTEAD}`
    )
  }
  return result(
    'no-engine',
    `No Docker engine on this runner: no dockerd and no docker CLI in ${where}. ` +
      'Install Docker (dockerd, containerd, runc), or use a dind image instead of the runner’s engine.'
  )
}
