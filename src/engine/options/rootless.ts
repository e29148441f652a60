/**
 * Unprivileged routes: input `rootless: true`, the official
 * `docker:<ver>-dind-rootless` contract
 * (https://docs.docker.com/engine/security/rootless/, and the image's
 * dockerd-entrypoint.sh). The image runs as the `rootless` user (uid 1000)
 * and starts dockerd under rootlesskit: the socket is
 * $XDG_RUNTIME_DIR/docker.sock (/run/user/1000), rootlesskit forwards the
 * TLS port 2376 from its network namespace, and the data root is the
 * image's volume under the home directory. What changes for docker-nest:
 *
 * - the default image is the rootless variant;
 * - the data volume goes on /home/rootless/.local/share/docker;
 * - the server certificate is owned by uid 1000, or neither the start script
 *   (waiting for it) nor dockerd (mapped to root in its user namespace;
 *   root-owned files become `nobody` there) could read the key.
 *
 * The official docs still run this image `--privileged` (docker-library
 * #151, #281), and so does `rootless: true`; `rootless: unprivileged` gives
 * it only what rootlesskit needs (runtime.ts ROOTLESS_UNPRIVILEGED_ARGS).
 */
import { isSysbox } from './runtime.js'

/** Default image when `rootless: true` and input `image` is empty. */
export const DEFAULT_DIND_ROOTLESS_IMAGE = 'docker:29-dind-rootless'

/** The `rootless` user of the official image. */
export const ROOTLESS_UID = 1000

/** The inner daemon's data root: the official rootless image's VOLUME. */
export const ROOTLESS_DATA_ROOT = '/home/rootless/.local/share/docker'

/** The data root of the rootful images (their VOLUME). */
export const ROOTFUL_DATA_ROOT = '/var/lib/docker'

/** Where the inner daemon keeps its data, so the volume goes there. */
export function dataRootFor(rootless: boolean): string {
  return rootless ? ROOTLESS_DATA_ROOT : ROOTFUL_DATA_ROOT
}

/** Owner of the files docker-nest copies into the sidecar. */
export function certOwnerFor(rootless: boolean): { uid: number; gid: number } {
  return rootless
    ? { uid: ROOTLESS_UID, gid: ROOTLESS_UID }
    : { uid: 0, gid: 0 }
}

/**
 * Input `rootless`: 'true'/'false' (YAML booleans), or 'unprivileged': the
 * rootless contract without --privileged (see ROOTLESS_UNPRIVILEGED_ARGS).
 */
export function parseRootless(
  value: string,
  problems: string[]
): { rootless: boolean; rootlessUnprivileged: boolean } {
  if (value === 'unprivileged') {
    return { rootless: true, rootlessUnprivileged: true }
  }
  if (['true', 'True', 'TRUE'].includes(value)) {
    return { rootless: true, rootlessUnprivileged: false }
  }
  if (!['false', 'False', 'FALSE'].includes(value)) {
    problems.push(
      `Input 'rootless' must be 'true', 'false' or 'unprivileged', ` +
        `got '${value}'.`
    )
  }
  return { rootless: false, rootlessUnprivileged: false }
}

/**
 * Checks that `rootless` fits the other inputs: sysbox already runs the
 * daemon unprivileged and does not support the nested user namespace
 * rootlesskit needs (sysbox limitations.md), so the two do not combine.
 */
export function checkRootless(
  rootless: boolean,
  runtime: string,
  problems: string[]
): void {
  if (rootless && isSysbox(runtime)) {
    problems.push(
      `Input 'rootless' must be false with runtime '${runtime}': sysbox ` +
        'already runs the daemon without --privileged and does not support ' +
        'the nested user namespace rootless Docker needs. Use one of them.'
    )
  }
}

/**
 * The image: the user's, else the rootless or the rootful default. The
 * rootful defaults themselves also become the rootless one: the Action
 * runner passes action.yml's default for an unset input, so docker-nest
 * cannot tell it from a chosen value, and neither the runner's engine nor
 * the rootful image runs rootless.
 */
export function imageFor(
  given: string | undefined,
  rootless: boolean,
  rootfulDefault: string,
  rootfulImage: string = rootfulDefault
): string {
  const image = given?.trim() ?? ''
  const isDefault =
    image === '' || image === rootfulDefault || image === rootfulImage
  if (rootless && isDefault) {
    return DEFAULT_DIND_ROOTLESS_IMAGE
  }
  return image === '' ? rootfulDefault : image
}
