import { describe, expect, test } from '@jest/globals'
import {
  chooseNetwork,
  detectJobContainer,
  hostPathOf,
  ownContainerId
} from '../../../../src/engine/dind/container-job.js'

const ID = 'a'.repeat(40) + '0123456789abcdef01234567'
const MOUNTINFO =
  '1 0 0:1 / / rw - overlay overlay rw\n' +
  `159 142 254:0 /var/lib/docker/containers/${ID}/resolv.conf /etc/resolv.conf rw - ext4 /dev/vda rw\n`

describe('ownContainerId', () => {
  test.each<[string, string, string, string | undefined]>([
    ['resolv.conf mount', MOUNTINFO, '', ID],
    ['cgroup v1 path', '', `9:name=systemd:/docker/${ID}\n`, ID],
    ['systemd cgroup scope', '', `0::/system.slice/docker-${ID}.scope\n`, ID],
    [
      'a plain host',
      '1 0 0:1 / / rw - ext4 /dev/vda rw\n',
      '0::/init.scope\n',
      undefined
    ]
  ])('[%#] %s', (_title, mountinfo, cgroup, expected) => {
    expect(ownContainerId(mountinfo, cgroup)).toBe(expected)
  })
})

describe('chooseNetwork', () => {
  test.each<[string[], string | undefined, boolean]>([
    [['bridge', 'github_network_x'], 'github_network_x', true],
    [['bridge'], 'bridge', false],
    [['host'], undefined, false]
  ])('[%#] %j -> %s', (names, network, aliasResolves) => {
    const Networks = Object.fromEntries(names.map((name) => [name, {}]))
    expect(chooseNetwork({ Id: ID, NetworkSettings: { Networks } })).toEqual({
      network,
      aliasResolves
    })
  })
})

describe('detectJobContainer', () => {
  const proc = (path: string) =>
    Promise.resolve(path.endsWith('mountinfo') ? MOUNTINFO : '')

  test('asks the daemon only when an id was found', async () => {
    const asked: string[] = []
    const none = await detectJobContainer(
      async (id) => {
        asked.push(id)
        return undefined
      },
      async () => ''
    )
    expect([none, asked]).toEqual([undefined, []])
  })

  test('is undefined when the daemon does not know the container', async () => {
    expect(
      await detectJobContainer(async () => undefined, proc)
    ).toBeUndefined()
  })

  test('describes a known container', async () => {
    const job = await detectJobContainer(
      async (id) => ({
        Id: id,
        Mounts: [{ Source: '/home/runner/work', Destination: '/__w' }],
        NetworkSettings: { Networks: { github_network_1: {} } }
      }),
      proc
    )
    expect(job).toEqual({
      id: ID,
      network: 'github_network_1',
      aliasResolves: true,
      mounts: [{ Source: '/home/runner/work', Destination: '/__w' }]
    })
  })
})

describe('hostPathOf', () => {
  const mounts = [
    { Source: '/home/runner/work', Destination: '/__w' },
    { Source: '/srv/ws', Destination: '/__w/repo/repo' }
  ]
  test.each<[string, string | undefined]>([
    ['/__w/repo/repo', '/srv/ws'],
    ['/__w/repo/repo/sub', '/srv/ws/sub'],
    ['/__w/other', '/home/runner/work/other'],
    ['/__wx', undefined],
    ['/tmp', undefined]
  ])('[%#] %s -> %s', (path, expected) => {
    expect(hostPathOf(path, mounts)).toBe(expected)
  })
})
