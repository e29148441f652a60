/**
 * Log signatures of a rootless sidecar that did not start, and what
 * to do about each. The preflight messages are those of the official
 * dockerd-entrypoint.sh (its rootless checks,
 * https://github.com/docker-library/docker/blob/master/dockerd-entrypoint.sh);
 * the others come from rootlesskit, newuidmap and slirp4netns.
 * diagnose.ts checks these before its generic rules.
 */
import { NON_ROOT_MESSAGE } from './stdin-delivery.js'

/** A known cause: its log signature and the hint shown for it. */
export interface RootlessRule {
  id: string
  pattern: RegExp
  message: string
}

const SYSCTL_HINT = 'Hosts where it is off need, as root on the runner: '

/** Most specific first; the generic "not privileged" rule comes after these. */
export const ROOTLESS_RULES: RootlessRule[] = [
  {
    id: 'rootless-image',
    pattern:
      /missing 'rootlesskit'|rootless needs the docker:<version>-dind-rootless contract/i,
    message:
      'rootless: true needs an image with the dind-rootless contract (uid ' +
      "1000, rootlesskit, dockerd-entrypoint.sh), e.g. 'docker:29-dind-rootless'. " +
      "Leave input 'image' empty to get it, or set rootless: false."
  },
  {
    id: 'rootless-subuid',
    pattern: /missing necessary entries in \/etc\/subuid/i,
    message:
      'The image has no /etc/subuid and /etc/subgid entries for its user; ' +
      'the official dind-rootless image has them (rootless:100000:65536).'
  },
  {
    id: 'userns-clone',
    pattern: /kernel\.unprivileged_userns_clone/i,
    message:
      'The host forbids unprivileged user namespaces. ' +
      SYSCTL_HINT +
      "'sysctl -w kernel.unprivileged_userns_clone=1' (Debian kernels ≤ 5.x); " +
      "'docker-nest doctor' shows the setting."
  },
  {
    id: 'max-user-namespaces',
    pattern: /user\.max_user_namespaces/i,
    message:
      'User namespaces are disabled on the host (user.max_user_namespaces ' +
      'is 0). ' +
      SYSCTL_HINT +
      "'sysctl -w user.max_user_namespaces=15000'."
  },
  {
    id: 'apparmor-userns',
    pattern:
      /rootlesskit.*fork\/exec \/proc\/self\/exe: operation not permitted|apparmor_restrict_unprivileged_userns/i,
    message:
      'AppArmor refuses unprivileged user namespaces (Ubuntu 23.10+/24.04: ' +
      'kernel.apparmor_restrict_unprivileged_userns=1). ' +
      SYSCTL_HINT +
      "'sysctl -w kernel.apparmor_restrict_unprivileged_userns=0', or an " +
      'AppArmor profile with "userns," for the runner; or use rootless: false.'
  },
  {
    id: 'newuidmap',
    pattern:
      /newuidmap|newgidmap|failed to setup UID\/GID map|uid_map.*(operation not permitted|permission denied)/i,
    message:
      'rootlesskit could not map the user namespace (newuidmap/newgidmap). ' +
      'The sidecar needs --privileged (rootless: true) or at least ' +
      'CAP_SYS_ADMIN (rootless: unprivileged; a runner that drops it breaks ' +
      'this), and the image needs the setuid newuidmap/newgidmap of uidmap.'
  },
  {
    id: 'rootless-tun',
    pattern: /setting up tap|rootlesskit.*\/dev\/net\/tun/i,
    message:
      'slirp4netns could not create its tap device: /dev/net/tun must exist ' +
      'on the runner and be usable by uid 1000 (mode 0666, the udev default; ' +
      "'chmod 0666 /dev/net/tun' as root if it is 0600)."
  },
  {
    id: 'rootless-certs',
    pattern: new RegExp(
      [
        /open \/certs\/server\/[a-z]+\.pem: permission denied/.source,
        /cannot create directory '\/certs[^']*': Permission denied/.source,
        /\/certs\/[a-z/.]*: Permission denied/.source,
        NON_ROOT_MESSAGE
      ].join('|'),
      'i'
    ),
    message:
      'The image runs as a non-root user (a dind-rootless image?) and cannot ' +
      'read the certificates docker-nest copied in. Set rootless: true for ' +
      'docker:<version>-dind-rootless images: the certificates are then ' +
      'owned by uid 1000.'
  }
]
