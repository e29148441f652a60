import { describe, expect, it } from '@jest/globals'
import { cliClient } from '../../../../src/engine/docker/cli-client.js'
import type { DockerCli } from '../../../../src/engine/docker/cli.js'
import {
  decideReap,
  formatSeconds,
  removeNestObjects,
  type NestObject
} from '../../../../src/engine/reap/reap.js'
import type { ProcessTable } from '../../../../src/engine/lifecycle/owner.js'

const now = 1_800_000_000
const obj = (name: string, run: string, expires: string): NestObject => ({
  kind: 'container',
  name,
  run,
  expires
})

describe('decideReap', () => {
  const objects = [
    obj('expired', 'ci-1-a', String(now - 90)),
    obj('live', 'ci-1-b', String(now + 7200)),
    obj('no-expiry', 'ci-2-c', ''),
    obj('garbled', 'ci-2-d', 'soon')
  ]

  it('removes only what has expired', () => {
    const decisions = decideReap(objects, { nowSeconds: now, all: false })
    expect(decisions.map((d) => [d.object.name, d.remove, d.reason])).toEqual([
      ['expired', true, 'expired 1m30s ago'],
      ['live', false, 'expires in 2h0m'],
      ['no-expiry', false, 'no expiry label'],
      ['garbled', false, 'no expiry label']
    ])
  })

  it('--all removes every one of ours; --run narrows to a prefix', () => {
    expect(
      decideReap(objects, { nowSeconds: now, all: true }).every((d) => d.remove)
    ).toBe(true)
    expect(
      decideReap(objects, {
        nowSeconds: now,
        all: true,
        runPrefix: 'ci-2-'
      }).map((d) => d.object.name)
    ).toEqual(['no-expiry', 'garbled'])
  })

  it('formats durations', () => {
    expect([5, 90, 7260].map(formatSeconds)).toEqual(['5s', '1m30s', '2h1m'])
  })
})

describe('decideReap with caches, owners and a grace', () => {
  const boot = '5ce1dff6-01b4-43d8-b685-fa5a170663ff'
  const table: ProcessTable = {
    bootId: boot,
    pidNs: '1',
    startTimeOf: (pid) => (pid === 10 ? '5' : undefined)
  }
  const owner = (pid: number) => `${boot}/1/${pid}/5`
  const future = String(now + 3600)
  const objects: NestObject[] = [
    { ...obj('dead-job', 'ci-3-a', future), owner: owner(11) },
    { ...obj('live-job', 'ci-3-b', future), owner: owner(10) },
    {
      ...obj('cache-holder', 'ci-3-c', future),
      owner: owner(11),
      cache: 'build'
    },
    {
      kind: 'volume',
      name: 'docker-nest-cache-build.81a50f035994',
      run: '',
      expires: '',
      cache: 'build',
      cacheScope: 'github:github.com/repository-id/123'
    },
    // An older version's cache: no scope label, a name without a hash.
    {
      kind: 'volume',
      name: 'docker-nest-cache-build',
      run: '',
      expires: '',
      cache: 'build'
    },
    obj('just-expired', 'ci-3-d', String(now - 60)),
    obj('long-expired', 'ci-3-e', String(now - 600)),
    {
      ...obj('long-job', 'ci-3-f', String(now - 600)),
      owner: owner(10)
    },
    {
      ...obj('long-job-holder', 'ci-3-g', String(now - 600)),
      owner: owner(10),
      cache: 'build'
    }
  ]

  it('removes nests whose job ended and stale cache holders, never a cache volume; leaves the just expired to the grace', () => {
    const decisions = decideReap(objects, {
      nowSeconds: now,
      all: false,
      table,
      graceSeconds: 300
    })
    expect(decisions.map((d) => [d.object.name, d.remove, d.reason])).toEqual([
      ['dead-job', true, 'the job that started it has ended'],
      ['live-job', false, 'expires in 1h0m'],
      ['cache-holder', true, 'the job that started it has ended'],
      [
        'docker-nest-cache-build.81a50f035994',
        false,
        'cache volume (kept; remove it with docker volume rm docker-nest-cache-build.81a50f035994)'
      ],
      [
        'docker-nest-cache-build',
        false,
        'unscoped cache volume of an older docker-nest, which this version ' +
          'never uses (kept; remove it with docker volume rm ' +
          'docker-nest-cache-build once no job runs an older version)'
      ],
      ['just-expired', false, 'expired 1m0s ago, within the grace'],
      ['long-expired', true, 'expired 10m0s ago'],
      // A live owner wins over the expiry, for a cache holder too.
      [
        'long-job',
        false,
        'expired 10m0s ago, but the job that started it still runs'
      ],
      [
        'long-job-holder',
        false,
        'expired 10m0s ago, but the job that started it still runs'
      ]
    ])
  })

  it('without a process table only the expiry counts; --all still keeps cache volumes', () => {
    const noTable = decideReap(objects, { nowSeconds: now, all: false })
    expect(noTable.filter((d) => d.remove).map((d) => d.object.name)).toEqual([
      'just-expired',
      'long-expired',
      'long-job',
      'long-job-holder'
    ])
    const all = decideReap(objects, { nowSeconds: now, all: true })
    expect(all.filter((d) => !d.remove).map((d) => d.object.name)).toEqual([
      'docker-nest-cache-build.81a50f035994',
      'docker-nest-cache-build'
    ])
  })
})

describe('removeNestObjects', () => {
  const container: NestObject = {
    kind: 'container',
    name: 'docker-nest-a1',
    id: 'c0ffee',
    run: '1-1-a1',
    expires: '1'
  }
  const volume: NestObject = {
    kind: 'volume',
    name: 'docker-nest-a1-data',
    run: '1-1-a1',
    expires: '1'
  }
  const IN_PROGRESS =
    'Error response from daemon: removal of container c0ffee is already in progress'
  const IN_USE =
    'Error response from daemon: remove docker-nest-a1-data: volume is in use - [c0ffee]'

  /** The one client over such a CLI. */
  const asClient = (docker: object) => cliClient(docker as unknown as DockerCli)

  /** A docker CLI whose answers to each command are taken in turn. */
  function fakeDocker(answers: Record<string, string[]>) {
    const calls: string[] = []
    return {
      calls,
      tryExec: async (args: string[]) => {
        const key = args[0] === 'volume' ? 'volume rm' : args[0]
        calls.push(key)
        const stderr = answers[key]?.shift() ?? ''
        return { exitCode: stderr ? 1 : 0, stdout: '', stderr }
      }
    }
  }

  it('removes the container, then its volume', async () => {
    const docker = fakeDocker({})
    const report = await removeNestObjects(asClient(docker), [
      volume,
      container
    ])
    expect(docker.calls).toEqual(['rm', 'volume rm'])
    expect(report).toEqual({
      removed: [container, volume],
      failed: [],
      gone: []
    })
  })

  it('waits for another reaper that is still removing the container, then removes the volume', async () => {
    const docker = fakeDocker({ rm: [IN_PROGRESS], 'volume rm': [IN_USE] })
    const report = await removeNestObjects(asClient(docker), [
      container,
      volume
    ])
    expect(docker.calls).toEqual(['rm', 'volume rm', 'volume rm'])
    expect(report).toEqual({ removed: [volume], failed: [], gone: [container] })
  })

  it('leaves the volume to that reaper when it stays in use', async () => {
    const docker = fakeDocker({
      rm: [IN_PROGRESS],
      'volume rm': Array(20).fill(IN_USE)
    })
    const report = await removeNestObjects(asClient(docker), [
      container,
      volume
    ])
    expect(report).toEqual({
      removed: [],
      failed: [],
      gone: [container, volume]
    })
  }, 10_000)

  it('reports a volume in use by a container nobody is removing as failed', async () => {
    const docker = fakeDocker({ 'volume rm': [IN_USE] })
    const report = await removeNestObjects(asClient(docker), [volume])
    expect(docker.calls).toEqual(['volume rm'])
    expect(report.failed).toEqual([{ object: volume, error: IN_USE }])
  })
})
