import { describe, expect, it } from '@jest/globals'
import {
  runDoctor,
  type DoctorHost
} from '../../../../src/engine/doctor/doctor.js'

const ROUTE =
  'Iface\tDestination\tGateway\tFlags\tRefCnt\tUse\tMetric\tMask\neth0\t00000000\t0100A8C0\t0003\t0\t0\t0\t00000000\n'

function host(
  files: Record<string, string>,
  docker?: DoctorHost['docker']
): DoctorHost {
  return { read: async (path) => files[path], docker, probeImage: 'img' }
}

const byCheck = async (h: DoctorHost) =>
  Object.fromEntries((await runDoctor(h)).map((r) => [r.check, r]))

describe('runDoctor', () => {
  it("says whether image auto runs the runner's own engine, and what it uses instead", async () => {
    const found = await byCheck({
      ...host({}),
      runnerEngine: () =>
        ({
          available: true,
          paths: { dockerd: '/usr/bin/dockerd' },
          binds: ['/usr'],
          links: [],
          searchPath: '/usr/bin',
          warnings: []
        }) as never
    })
    expect(found["runner's own engine"]).toEqual({
      check: "runner's own engine",
      status: 'ok',
      detail: '/usr/bin/dockerd: image auto runs it, nothing to pull'
    })
    const missing = await byCheck({
      ...host({}),
      runnerEngine: () => ({
        available: false,
        reason: 'no-engine',
        message: 'no dockerd in /usr/bin',
        missing: ['dockerd'],
        searched: ['/usr/bin']
      })
    })
    expect(missing["runner's own engine"]).toMatchObject({
      status: 'info',
      detail: 'no dockerd in /usr/bin',
      fix: 'image auto uses docker:29-dind, pulled by the first job.'
    })
  })

  it('flags a small MTU, missing overlay, no docker and disabled user namespaces, each with a fix', async () => {
    const rows = await byCheck(
      host({
        '/proc/filesystems': 'nodev\tproc\n',
        '/proc/net/route': ROUTE,
        '/sys/class/net/eth0/mtu': '1360\n',
        '/proc/sys/user/max_user_namespaces': '0\n',
        '/sys/fs/cgroup/cgroup.controllers': 'cpu memory pids\n'
      })
    )
    expect(rows['Docker daemon']).toMatchObject({
      status: 'fail',
      fix: expect.stringContaining('Install Docker')
    })
    expect(rows['overlay file system']).toMatchObject({
      status: 'warn',
      fix: 'modprobe overlay on the host.'
    })
    expect(rows['MTU of the default route']).toMatchObject({
      status: 'warn',
      fix: expect.stringContaining('--mtu 1360')
    })
    expect(rows['user namespaces'].status).toBe('warn')
    expect(rows['cgroups'].detail).toMatch(/^v2/)
  })

  it('reports a host where privileged containers fail', async () => {
    const docker: DoctorHost['docker'] = async (args) =>
      args[0] === 'run'
        ? {
            exitCode: 125,
            stdout: '',
            stderr:
              'docker: Error response from daemon: unable to apply caps: operation not permitted\n'
          }
        : {
            exitCode: 0,
            stdout:
              args[0] === 'info'
                ? '{"runc":{},"sysbox-runc":{}}'
                : '20.10.24\n',
            stderr: ''
          }
    const rows = await byCheck(
      host({ '/proc/net/ip_tables_names': 'nat\nfilter\n' }, docker)
    )
    expect(rows['privileged containers']).toMatchObject({
      status: 'fail',
      fix: expect.stringContaining('sysbox')
    })
    expect(rows['iptables (nat)']).toMatchObject({
      status: 'ok',
      detail: expect.stringContaining('legacy')
    })
    expect(rows['container runtimes'].status).toBe('ok')
    expect(rows['Docker daemon']).toMatchObject({
      status: 'ok',
      detail: 'server 20.10.24'
    })
  })
})
