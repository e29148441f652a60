/**
 * The doctor's rows for the unprivileged routes. `runtime:
 * sysbox-runc` needs sysbox registered with the daemon; `rootless: true`
 * needs user namespaces the kernel and AppArmor allow, and a container
 * allowed to map them (the official docs run dind-rootless --privileged).
 * The rootless rows follow the preflight of the image's
 * dockerd-entrypoint.sh; see rootless.ts and runtime.ts.
 */
import type { CheckResult, DoctorHost } from './check.js'
import { parseRuntimes } from '../options/runtime.js'

const ROOTLESS_ONLY = '(only needed for rootless: true)'

async function readTrimmed(
  host: DoctorHost,
  path: string
): Promise<string | undefined> {
  return (await host.read(path))?.trim()
}

/** `docker info` Runtimes and DefaultRuntime, and whether sysbox is there. */
export async function checkRuntimes(host: DoctorHost): Promise<CheckResult> {
  const check = 'container runtimes'
  if (!host.docker)
    return { check, status: 'info', detail: 'not checked (no docker CLI)' }
  const r = await host.docker([
    'info',
    '--format',
    '{{json .Runtimes}}\t{{.DefaultRuntime}}'
  ])
  if (r.exitCode !== 0)
    return { check, status: 'info', detail: 'not checked (docker info failed)' }
  const [json, defaultRuntime] = r.stdout.trim().split('\t')
  const names = parseRuntimes(json)
  const list = `${names.join(', ') || 'none listed'} (default ${defaultRuntime || '?'})`
  const sysbox = names.find((name) => /sysbox/i.test(name))
  return sysbox
    ? {
        check,
        status: 'ok',
        detail: `${list}; ${sysbox} is installed: runtime: ${sysbox} runs nests without --privileged`
      }
    : {
        check,
        status: 'info',
        detail: `${list}; sysbox-runc is not installed (optional: it runs nests without --privileged)`,
        fix: 'Install sysbox (https://github.com/nestybox/sysbox) to use runtime: sysbox-runc.'
      }
}

/** user.max_user_namespaces and Debian's kernel.unprivileged_userns_clone. */
export async function checkUserNamespaces(
  host: DoctorHost
): Promise<CheckResult> {
  const check = 'user namespaces'
  const maxText = await readTrimmed(host, '/proc/sys/user/max_user_namespaces')
  const clone = await readTrimmed(
    host,
    '/proc/sys/kernel/unprivileged_userns_clone'
  )
  const max = Number(maxText)
  if (maxText === undefined || !Number.isFinite(max))
    return {
      check,
      status: 'info',
      detail: 'cannot read /proc/sys/user/max_user_namespaces'
    }
  const cloneNote =
    clone === undefined
      ? 'kernel.unprivileged_userns_clone: not present'
      : `kernel.unprivileged_userns_clone = ${clone}`
  if (max === 0)
    return {
      check,
      status: 'warn',
      detail: `disabled (user.max_user_namespaces = 0; ${cloneNote}): rootless nests cannot start`,
      fix: `sysctl -w user.max_user_namespaces=15000 ${ROOTLESS_ONLY}.`
    }
  if (clone !== undefined && clone !== '1')
    return {
      check,
      status: 'warn',
      detail: `unprivileged ones are off (${cloneNote}): rootless nests cannot start`,
      fix: `sysctl -w kernel.unprivileged_userns_clone=1 ${ROOTLESS_ONLY}.`
    }
  return {
    check,
    status: 'ok',
    detail: `enabled (user.max_user_namespaces = ${max}; ${cloneNote})`
  }
}

/** Ubuntu 23.10+/24.04: AppArmor may refuse unprivileged user namespaces. */
export async function checkAppArmorUserns(
  host: DoctorHost
): Promise<CheckResult> {
  const check = 'AppArmor and user namespaces'
  const restrict = await readTrimmed(
    host,
    '/proc/sys/kernel/apparmor_restrict_unprivileged_userns'
  )
  const enabled = await readTrimmed(
    host,
    '/sys/module/apparmor/parameters/enabled'
  )
  const apparmor =
    enabled === undefined
      ? 'AppArmor not loaded'
      : `AppArmor ${enabled === 'Y' ? 'enabled' : 'disabled'}`
  if (restrict === undefined)
    return {
      check,
      status: 'ok',
      detail: `${apparmor}; kernel.apparmor_restrict_unprivileged_userns: not present (no restriction)`
    }
  if (restrict === '1')
    return {
      check,
      status: 'warn',
      detail: `${apparmor}; kernel.apparmor_restrict_unprivileged_userns = 1: rootlesskit fails with "fork/exec /proc/self/exe: operation not permitted"`,
      fix: `sysctl -w kernel.apparmor_restrict_unprivileged_userns=0, or an AppArmor profile with "userns," ${ROOTLESS_ONLY}.`
    }
  return {
    check,
    status: 'ok',
    detail: `${apparmor}; kernel.apparmor_restrict_unprivileged_userns = ${restrict}`
  }
}

/**
 * newuidmap/newgidmap on the runner. The dind-rootless image ships its own,
 * so this only matters for a rootless Docker on the runner itself; shown
 * because users confuse the two.
 */
export async function checkUidMap(host: DoctorHost): Promise<CheckResult> {
  const check = 'newuidmap/newgidmap'
  if (!host.which) return { check, status: 'info', detail: 'not checked' }
  const [uid, gid] = await Promise.all([
    host.which('newuidmap'),
    host.which('newgidmap')
  ])
  const found = [uid, gid].filter((path) => path !== undefined)
  return {
    check,
    status: 'info',
    detail:
      found.length === 2
        ? `on the runner (${found.join(', ')}); the dind-rootless image brings its own`
        : 'not on the runner: fine for docker-nest (the dind-rootless image brings its own); a rootless Docker on the runner itself would need the uidmap package'
  }
}

/**
 * slirp4netns (rootless networking) opens /dev/net/tun as uid 1000; a
 * privileged container gets the runner's node with the runner's mode, so a
 * 0600 node (no udev rule) fails with "setting up tap tap0". Found on the
 * team's test machine; udev's default is 0666.
 */
export async function checkTunDevice(host: DoctorHost): Promise<CheckResult> {
  const check = '/dev/net/tun'
  if (!host.fileMode) return { check, status: 'info', detail: 'not checked' }
  const mode = await host.fileMode('/dev/net/tun')
  if (mode === undefined)
    return {
      check,
      status: 'warn',
      detail: 'missing: rootless nests have no network (slirp4netns needs it)',
      fix: `modprobe tun ${ROOTLESS_ONLY}.`
    }
  const octal = mode.toString(8).padStart(4, '0')
  return (mode & 0o006) === 0o006
    ? { check, status: 'ok', detail: `mode ${octal}` }
    : {
        check,
        status: 'warn',
        detail: `mode ${octal}: uid 1000 in a rootless nest cannot open it ("setting up tap tap0")`,
        fix: `chmod 0666 /dev/net/tun, the udev default ${ROOTLESS_ONLY}.`
      }
}

/** Rootless daemons apply cgroup limits only on cgroup v2 with delegation. */
export async function checkRootlessCgroups(
  host: DoctorHost
): Promise<CheckResult> {
  const check = 'cgroups for rootless'
  const controllers = await readTrimmed(
    host,
    '/sys/fs/cgroup/cgroup.controllers'
  )
  if (controllers === undefined)
    return {
      check,
      status: 'info',
      detail:
        'cgroup v1: a rootless daemon runs "without cgroups": --memory/--cpus of inner containers are ignored in rootless nests',
      fix: 'Boot the runner with cgroup v2 (systemd.unified_cgroup_hierarchy=1) if rootless nests need resource limits.'
    }
  return {
    check,
    status: 'info',
    detail: `cgroup v2 (${controllers || 'no controllers'}): a rootless daemon applies limits only with the controllers it is delegated (cpu, memory, pids); otherwise it runs without cgroups`
  }
}
