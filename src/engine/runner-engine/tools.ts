/**
 * The programs a runner-engine nest runs from the host, and where
 * distributions install them.
 */
import { posix } from 'node:path'
import { resolveInRoot, type ResolvedPath } from './root-fs.js'

/**
 * Where Docker and its helpers are installed, in the order the default
 * PATH searches (docker.com's static binaries in /usr/local/bin come before
 * a distribution's /usr/bin, as they would for dockerd itself), then the
 * helper directories dockerd searches for docker-proxy and docker-init
 * (Fedora and RHEL put them, and on some builds dockerd, under
 * /usr/libexec/docker).
 */
export const SEARCH_DIRS = [
  '/usr/local/sbin',
  '/usr/local/bin',
  '/usr/sbin',
  '/usr/bin',
  '/sbin',
  '/bin',
  '/usr/libexec/docker',
  '/usr/local/libexec/docker',
  '/usr/lib/docker',
  '/usr/local/lib/docker'
] as const

/** The PATH a container gets when its image sets none; the nest's PATH starts with it. */
export const DEFAULT_PATH =
  '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin'

/** One program the nest needs from the host. */
export interface ToolSpec {
  /** File names to look for, preferred first. */
  names: readonly string[]
  /** Without it the nest cannot start (else: a warning). */
  required: boolean
  /** Why the nest needs it, for messages. */
  purpose: string
}

/** The programs by role. */
export const TOOLS = {
  dockerd: { names: ['dockerd'], required: true, purpose: 'the daemon' },
  containerd: {
    names: ['containerd'],
    required: true,
    purpose: 'dockerd runs containers through it'
  },
  containerdShim: {
    names: ['containerd-shim-runc-v2'],
    required: true,
    purpose: 'containerd starts each container through it'
  },
  runc: {
    names: ['runc'],
    required: true,
    purpose: 'the OCI runtime that creates the containers'
  },
  iptables: {
    names: ['iptables'],
    required: true,
    purpose: 'dockerd sets up the bridge network and NAT with it'
  },
  shell: {
    names: ['sh'],
    required: true,
    purpose: "the nest's start script runs in it"
  },
  init: {
    names: ['docker-init', 'tini'],
    required: false,
    purpose: 'runs as PID 1 to reap processes (and for `docker run --init`)'
  },
  proxy: {
    names: ['docker-proxy'],
    required: false,
    purpose: 'dockerd publishes container ports (`-p`) through it'
  },
  ip6tables: {
    names: ['ip6tables'],
    required: false,
    purpose: 'dockerd sets up IPv6 networks with it'
  },
  modprobe: {
    names: ['modprobe'],
    required: false,
    purpose: 'loads kernel modules the runner has not loaded yet'
  }
} as const satisfies Record<string, ToolSpec>

/** A role of {@link TOOLS}. */
export type ToolRole = keyof typeof TOOLS

/** A program found on the host. */
export interface FoundTool {
  /** Where it was found, as the nest's PATH will find it. */
  path: string
  /** Which of the role's names it is (`tini` where there is no `docker-init`). */
  name: string
  resolved: ResolvedPath
}

/** The first executable file with one of `names` in the search directories. */
export function findTool(
  root: string,
  names: readonly string[]
): FoundTool | undefined {
  for (const name of names) {
    for (const dir of SEARCH_DIRS) {
      const path = posix.join(dir, name)
      const resolved = resolveInRoot(root, path)
      if (resolved?.kind === 'file' && resolved.executable) {
        return { path, name, resolved }
      }
    }
  }
  return undefined
}

/**
 * The nest's PATH: the default one plus each directory a tool was found in
 * that it lacks (e.g. /usr/libexec/docker), in a stable order.
 */
export function nestPath(found: FoundTool[]): string {
  const dirs = DEFAULT_PATH.split(':')
  for (const dir of SEARCH_DIRS) {
    if (dirs.includes(dir)) continue
    if (found.some((tool) => posix.dirname(tool.path) === dir)) dirs.push(dir)
  }
  return dirs.join(':')
}
