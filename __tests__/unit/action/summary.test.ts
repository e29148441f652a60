import { describe, expect, it } from '@jest/globals'
import type { NestInfo } from '../../../src/engine/dind/dind.js'
import { failureSummary, summaryTable } from '../../../src/action/summary.js'

const nest: NestInfo = {
  mode: 'dind',
  image: 'docker:29-dind',
  dockerHost: 'tcp://127.0.0.1:32768',
  certPath: '/tmp/certs',
  tlsVerify: true,
  containerId: 'abc',
  containerName: 'docker-nest-abc',
  containerIp: '172.17.0.2',
  port: 32768,
  serverVersion: '29.0.0',
  storageDriver: 'overlayfs',
  cgroupVersion: '2',
  mtu: 1360,
  readyMs: 812
}

describe('job summary', () => {
  it('shows mode, image, version, driver, cgroup, MTU, ready time and endpoint in one row', () => {
    expect(summaryTable(nest).split('\n')).toEqual([
      '### docker-nest',
      '',
      '| Mode | Image | Server version | Storage driver | Cgroup | MTU | Ready | Endpoint |',
      '| --- | --- | --- | --- | --- | --- | --- | --- |',
      '| dind | docker:29-dind | 29.0.0 | overlayfs | v2 | 1360 | 812 ms | `tcp://127.0.0.1:32768` |',
      ''
    ])
  })

  it('leaves the nest-only cells empty for dood', () => {
    const row = summaryTable({
      mode: 'dood',
      socket: '/var/run/docker.sock',
      dockerHost: 'unix:///var/run/docker.sock',
      serverVersion: '28.0.1',
      storageDriver: 'overlay2',
      label: 'docker-nest.run=1',
      readyMs: 3
    }).split('\n')[4]
    expect(row).toBe(
      '| dood | (runner’s daemon) | 28.0.1 | overlay2 |  |  | 3 ms | `unix:///var/run/docker.sock` |'
    )
  })

  it('puts the classified hints of a failure first, the log folded below', () => {
    const summary = failureSummary(
      [
        'The inner Docker daemon did not start: the sidecar exited with code 1 after 300 ms.',
        'Container state: exited, exit code 1',
        'Last 50 log lines of the sidecar:',
        '  iptables ... | ```',
        'Hint: The inner daemon could not set up iptables NAT.',
        'Hint: Second.'
      ].join('\n')
    )
    expect(summary).toContain(
      '**The inner Docker daemon did not start: the sidecar exited with code 1 after 300 ms.**\n\n' +
        '- The inner daemon could not set up iptables NAT.\n- Second.\n\n<details>'
    )
    expect(summary).not.toContain('| ```')
  })

  it('shows a one-line error (bad input) without a details block', () => {
    expect(failureSummary("Input 'mtu' must be 'auto'.")).toBe(
      "### docker-nest failed\n\n**Input 'mtu' must be 'auto'.**\n"
    )
  })
})
