/**
 * Issue 6: the doctor's rows for the unprivileged routes, against fake hosts
 * (an Ubuntu 24.04 runner with the AppArmor restriction, a Debian kernel with
 * unprivileged_userns_clone=0, a sysbox host, a cgroup v1 host).
 */
import { describe, expect, it } from '@jest/globals'
import type { DoctorHost } from '../../../../src/engine/doctor/doctor.js'
import {
  checkAppArmorUserns,
  checkRootlessCgroups,
  checkRuntimes,
  checkTunDevice,
  checkUidMap,
  checkUserNamespaces
} from '../../../../src/engine/doctor/unprivileged.js'

function host(
  files: Record<string, string>,
  options: {
    info?: string
    infoExit?: number
    onPath?: string[]
    tunMode?: number
  } = {}
): DoctorHost {
  return {
    read: async (path) => files[path],
    docker: async () => ({
      exitCode: options.infoExit ?? 0,
      stdout: options.info ?? '',
      stderr: ''
    }),
    probeImage: 'img',
    which: async (name) =>
      options.onPath?.includes(name) ? `/usr/bin/${name}` : undefined,
    fileMode: async () => options.tunMode
  }
}

describe('checkRuntimes', () => {
  it('lists the daemon runtimes and the default, and says sysbox is usable', async () => {
    const row = await checkRuntimes(
      host({}, { info: '{"runc":{},"sysbox-runc":{}}\trunc\n' })
    )
    expect(row).toMatchObject({
      status: 'ok',
      detail:
        'runc, sysbox-runc (default runc); sysbox-runc is installed: runtime: sysbox-runc runs nests without --privileged'
    })
  })

  it('says sysbox is missing, with how to get it', async () => {
    const row = await checkRuntimes(
      host({}, { info: '{"io.containerd.runc.v2":{},"runc":{}}\trunc\n' })
    )
    expect(row.status).toBe('info')
    expect(row.detail).toMatch(
      /^io\.containerd\.runc\.v2, runc \(default runc\); sysbox-runc is not installed/
    )
    expect(row.fix).toContain('nestybox/sysbox')
  })

  it('does not guess when docker info fails', async () => {
    expect((await checkRuntimes(host({}, { infoExit: 1 }))).detail).toBe(
      'not checked (docker info failed)'
    )
  })
})

describe('checkUserNamespaces', () => {
  it.each<[Record<string, string>, string, RegExp]>([
    [
      { '/proc/sys/user/max_user_namespaces': '63000\n' },
      'ok',
      /^enabled \(user\.max_user_namespaces = 63000; kernel\.unprivileged_userns_clone: not present\)$/
    ],
    [
      { '/proc/sys/user/max_user_namespaces': '0\n' },
      'warn',
      /^disabled .*rootless nests cannot start$/
    ],
    [
      {
        '/proc/sys/user/max_user_namespaces': '63000\n',
        '/proc/sys/kernel/unprivileged_userns_clone': '0\n'
      },
      'warn',
      /kernel\.unprivileged_userns_clone = 0/
    ],
    [{}, 'info', /^cannot read/]
  ])('[%#] %o → %s', async (files, status, detail) => {
    const row = await checkUserNamespaces(host(files))
    expect(row.status).toBe(status)
    expect(row.detail).toMatch(detail)
    if (status === 'warn') expect(row.fix).toMatch(/^sysctl -w /)
  })
})

describe('checkAppArmorUserns', () => {
  it('warns on Ubuntu 24.04 defaults with the sysctl that fixes it', async () => {
    const row = await checkAppArmorUserns(
      host({
        '/proc/sys/kernel/apparmor_restrict_unprivileged_userns': '1\n',
        '/sys/module/apparmor/parameters/enabled': 'Y\n'
      })
    )
    expect(row.status).toBe('warn')
    expect(row.detail).toMatch(/^AppArmor enabled; .* = 1: rootlesskit fails/)
    expect(row.fix).toContain(
      'sysctl -w kernel.apparmor_restrict_unprivileged_userns=0'
    )
  })

  it('is fine where the sysctl is 0 or absent', async () => {
    expect(
      (
        await checkAppArmorUserns(
          host({
            '/proc/sys/kernel/apparmor_restrict_unprivileged_userns': '0\n'
          })
        )
      ).status
    ).toBe('ok')
    expect((await checkAppArmorUserns(host({}))).detail).toBe(
      'AppArmor not loaded; kernel.apparmor_restrict_unprivileged_userns: not present (no restriction)'
    )
  })
})

describe('checkUidMap and checkRootlessCgroups', () => {
  it('reports newuidmap/newgidmap on the runner as information only', async () => {
    const both = await checkUidMap(
      host({}, { onPath: ['newuidmap', 'newgidmap'] })
    )
    expect(both.detail).toMatch(/^on the runner \(\/usr\/bin\/newuidmap/)
    const none = await checkUidMap(host({}))
    expect(none).toMatchObject({ status: 'info' })
    expect(none.detail).toMatch(/^not on the runner: fine for docker-nest/)
  })

  it('explains that cgroup v1 means no limits in rootless nests', async () => {
    expect((await checkRootlessCgroups(host({}))).detail).toMatch(
      /^cgroup v1: a rootless daemon runs "without cgroups"/
    )
    expect(
      (
        await checkRootlessCgroups(
          host({ '/sys/fs/cgroup/cgroup.controllers': 'cpu memory pids\n' })
        )
      ).detail
    ).toMatch(/^cgroup v2 \(cpu memory pids\)/)
  })
})

describe('checkTunDevice', () => {
  it.each<[number | undefined, string, RegExp]>([
    [0o666, 'ok', /^mode 0666$/],
    [0o600, 'warn', /^mode 0600: uid 1000 .*setting up tap tap0/],
    [undefined, 'warn', /^missing/]
  ])('[%#] mode %o → %s', async (tunMode, status, detail) => {
    const row = await checkTunDevice(host({}, { tunMode }))
    expect(row.status).toBe(status)
    expect(row.detail).toMatch(detail)
  })
})
