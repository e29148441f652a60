import { describe, expect, it, test } from '@jest/globals'
import { CONTAINERD_DIED_LINE } from '../../../../src/engine/dind/containerd-first.js'
import {
  classifyLog,
  describeState,
  formatDiagnosis
} from '../../../../src/engine/dind/diagnose.js'

describe('classifyLog', () => {
  // Log lines as users paste them (shared/reference/dind.md §6).
  test.each<[string, string]>([
    ['docker-nest: dockerd: not found on PATH in this image', 'no-dockerd'],
    [
      'docker: Error response from daemon: OCI runtime create failed: exec: "dockerd": executable file not found in $PATH',
      'no-dockerd'
    ],
    ['mount: permission denied (are you root?)', 'not-privileged'],
    ['Could not mount /sys/kernel/security.', 'not-privileged'],
    ['failed to mount overlay: operation not permitted', 'not-privileged'],
    [
      "failed to create NAT chain DOCKER: iptables failed: iptables -t nat -N DOCKER: iptables v1.8.9 (legacy): can't initialize iptables table `nat': Table does not exist (do you need to insmod?)",
      'iptables-nat'
    ],
    [
      'iptables v1.8.10 (nf_tables): TABLE_ADD failed (Not supported): table nat',
      'iptables-nat'
    ],
    [
      'error creating overlay mount to /var/lib/docker/overlay2/x: invalid argument',
      'overlay-einval'
    ],
    ['failed to mount overlay: invalid argument', 'overlay-einval'],
    ['sed: write error', 'cgroup-nesting'],
    [
      "unable to configure the Docker daemon with file /etc/docker-nest/daemon.json: the following directives don't match any configuration option: no-such-option",
      'daemon-config'
    ],
    [
      'the following directives are specified both as a flag and in the configuration file: debug: (from flag: true, from file: true)',
      'daemon-config'
    ],
    [
      'cannot enter cgroupv2 "/sys/fs/cgroup/docker" with domain controllers -- it is in an invalid state',
      'cgroup-nesting'
    ],
    ['v2i_GENERAL_NAME_ex: missing value', 'tls-certificates'],
    ['docker-nest: certificates never arrived in /certs', 'tls-certificates'],
    [
      'failed to start daemon: pid file found, ensure docker is not running or delete /var/run/docker.pid',
      'stale-pidfile'
    ],
    [
      '[DEPRECATION NOTICE]: ... Startup is intentionally being slowed down',
      'slow-plain-tcp'
    ],
    [CONTAINERD_DIED_LINE, 'fast-start']
  ])('[%#] recognises %j', (log, id) => {
    expect(classifyLog(log).map((hint) => hint.id)).toContain(id)
  })

  it('blames missing privileges, not dockerd or iptables, when capabilities are gone', () => {
    // From docker-nest-test/dockerd-unprivileged: dockerd without CAP_SYS_ADMIN/CAP_NET_ADMIN.
    const log = [
      'level=error msg="failed to mount overlay: operation not permitted" storage-driver=overlay2',
      'level=error msg="exec: \\"fuse-overlayfs\\": executable file not found in $PATH" storage-driver=fuse-overlayfs',
      'failed to start daemon: Error initializing network controller: error obtaining controller instance: failed to create NAT chain DOCKER: iptables failed: iptables -t nat -N DOCKER: iptables v1.8.9 (nf_tables): Could not fetch rule set generation id: Permission denied (you must be root)'
    ].join('\n')
    expect(classifyLog(log).map((hint) => hint.id)).toEqual(['not-privileged'])
  })

  it('finds nothing in a healthy start log', () => {
    const healthy = [
      'time="2026-11-23T10:00:00Z" level=info msg="Starting up"',
      'time="2026-11-23T10:00:01Z" level=info msg="Daemon has completed initialization"',
      'time="2026-11-23T10:00:01Z" level=info msg="API listen on [::]:2376"'
    ].join('\n')
    expect(classifyLog(healthy)).toEqual([])
  })
})

describe('describeState', () => {
  it('says running, or how the container ended', () => {
    const base = {
      Status: 'exited',
      Running: false,
      ExitCode: 1,
      Error: '',
      OOMKilled: false
    }
    expect(describeState({ ...base, Running: true, Status: 'running' })).toBe(
      'running'
    )
    expect(describeState(base)).toBe('exited, exit code 1')
    expect(describeState({ ...base, ExitCode: 137, OOMKilled: true })).toBe(
      'exited, exit code 137; killed: out of memory'
    )
  })
})

describe('formatDiagnosis', () => {
  it('puts the summary, state, indented log tail and hints in that order', () => {
    const text = formatDiagnosis('The daemon died.', {
      state: 'exited, exit code 1',
      logTail: 'line one\nline two',
      hints: [{ id: 'x', message: 'Do this.' }]
    })
    expect(text.split('\n')).toEqual([
      'The daemon died.',
      'Container state: exited, exit code 1',
      'Last 50 log lines of the sidecar:',
      '  line one',
      '  line two',
      'Hint: Do this.'
    ])
  })

  it('says so when no known cause matched', () => {
    expect(
      formatDiagnosis('x', { state: 's', logTail: '', hints: [] })
    ).toContain('no known cause matched')
  })
})
