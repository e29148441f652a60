/**
 * The sidecar's isolation as HostConfig fields: `--privileged`, or a
 * runtime such as sysbox that isolates without it, or (`rootless:
 * unprivileged`) only what rootlesskit needs. The same decision as
 * runtime.ts's `isolationArgs`, which the privilege probe of `mode: auto`
 * passes to `docker run`; a unit test keeps the two equal.
 */
import { isSysbox } from '../options/runtime.js'
import type { HostConfig } from '../docker/create-request.js'

/** The HostConfig fields that decide how the sidecar is isolated. */
export type Isolation = Pick<
  HostConfig,
  | 'Privileged'
  | 'Runtime'
  | 'CapAdd'
  | 'SecurityOpt'
  | 'MaskedPaths'
  | 'ReadonlyPaths'
  | 'Devices'
>

/**
 * `rootless: unprivileged` (see runtime.ts ROOTLESS_UNPRIVILEGED_ARGS for
 * why each is needed): SYS_ADMIN, no seccomp filter, no AppArmor profile,
 * unmasked /proc and /sys paths, and the tun device for slirp4netns.
 */
const ROOTLESS_UNPRIVILEGED: Omit<Isolation, 'Privileged' | 'Runtime'> = {
  CapAdd: ['SYS_ADMIN'],
  SecurityOpt: ['seccomp=unconfined', 'apparmor=unconfined'],
  MaskedPaths: [],
  ReadonlyPaths: [],
  Devices: [
    {
      PathOnHost: '/dev/net/tun',
      PathInContainer: '/dev/net/tun',
      CgroupPermissions: 'rwm'
    }
  ]
}

/**
 * The runtime when one is set, and privileged unless the runtime is sysbox
 * (which refuses it and does not need it) or the nest is `rootless:
 * unprivileged`.
 */
export function isolationHostConfig(
  runtime: string | undefined,
  rootlessUnprivileged = false
): Isolation {
  const named = runtime ? { Runtime: runtime } : {}
  if (runtime && isSysbox(runtime)) return { ...named, Privileged: false }
  return rootlessUnprivileged
    ? { ...named, Privileged: false, ...structuredClone(ROOTLESS_UNPRIVILEGED) }
    : { ...named, Privileged: true }
}
