import { describe, expect, it } from '@jest/globals'
import {
  cacheResourceName,
  isNameConflict,
  parseCacheBusy,
  parseCacheName,
  parseSize,
  staleReason,
  type LockHolder
} from '../../../../src/engine/cache/cache.js'
import { withoutCache } from '../../../../src/engine/cache/start.js'
import {
  parseInputs,
  InputError
} from '../../../../src/engine/options/config.js'
import {
  formatOwner,
  type ProcessTable
} from '../../../../src/engine/lifecycle/owner.js'
import { buildDindRunArgs, makePlan } from '../../../../src/engine/dind/plan.js'

describe('cache inputs', () => {
  it.each([
    ['', true],
    ['build', true],
    ['app-ci-2', true],
    ['a', true],
    ['x'.repeat(40), true],
    ['x'.repeat(41), false],
    ['Build', false],
    ['-build', false],
    ['build-', false],
    ['my_cache', false],
    ['../../etc', false]
  ])('[%#] cache %p valid: %p', (value, valid) => {
    const problems: string[] = []
    parseCacheName(value, problems)
    expect(problems.length === 0).toBe(valid)
    if (!valid) expect(problems[0]).toContain(`got '${value}'`)
  })

  it.each([
    ['10GB', 10e9],
    ['10gb', 10e9],
    ['512MiB', 512 * 1024 ** 2],
    ['2.5G', 2.5e9],
    ['1 TB', 1e12],
    ['5000000', 5e6],
    ['', undefined]
  ])('[%#] cache-max-size %p is %p bytes', (value, bytes) => {
    const problems: string[] = []
    expect(parseSize(value, problems)).toBe(bytes)
    expect(problems).toEqual([])
  })

  it.each(['10XB', 'lots', '-1GB', '10 G B', '100KB', '0'])(
    '[%#] cache-max-size %p is refused with the valid forms',
    (value) => {
      const problems: string[] = []
      parseSize(value, problems)
      expect(problems).toEqual([
        expect.stringContaining(`Input 'cache-max-size' must be a size`)
      ])
      expect(problems[0]).toContain(`got '${value}'`)
    }
  )

  it('cache-busy is fallback or fail', () => {
    const problems: string[] = []
    expect(parseCacheBusy('fail', problems)).toBe('fail')
    parseCacheBusy('wait', problems)
    expect(problems).toEqual([
      "Input 'cache-busy' must be 'fallback' (use an empty cache and warn) or 'fail', got 'wait'."
    ])
  })

  it('parseInputs reports all cache problems at once', () => {
    const inputs = {
      cache: 'A',
      'cache-busy': 'x',
      'cache-max-size': 'big',
      'cache-scope': 'branch'
    }
    expect(() => parseInputs(inputs)).toThrow(InputError)
    try {
      parseInputs(inputs)
    } catch (error) {
      expect((error as InputError).problems).toHaveLength(4)
    }
  })
})

describe('cached plan', () => {
  const context = {
    runPrefix: '77-1',
    detectedMtu: undefined,
    now: new Date(0),
    random: 'abcd1234',
    owner: 'o'
  }
  const plan = makePlan(
    parseInputs(
      { cache: 'build', 'cache-max-size': '1GB', 'cache-scope': 'shared' },
      {}
    ),
    context
  )
  const volume = 'docker-nest-cache-build.a4d26868017c'

  it('names container and volume after the cache and its partition, labels both, keeps the run label on the container only', () => {
    expect(plan.name).toBe(volume)
    expect(plan.volume).toBe(volume)
    expect(plan.cache).toEqual({
      name: 'build',
      partition: 'shared',
      maxBytes: 1e9
    })
    expect(plan.labels).toMatchObject({
      'docker-nest.run': '77-1-abcd1234',
      'docker-nest.cache': 'build',
      'docker-nest.cache-scope': 'shared',
      'docker-nest.owner': 'o'
    })
    const args = buildDindRunArgs(plan)
    expect(args[args.indexOf('--mount') + 1]).toBe(
      `type=volume,src=${volume},dst=/var/lib/docker` +
        ',volume-label=docker-nest=true,volume-label=docker-nest.cache=build' +
        ',volume-label=docker-nest.cache-scope=shared'
    )
    expect(args).toContain('docker-nest.cache=build')
  })

  it('withoutCache gives the same run an ephemeral nest of its own', () => {
    const ephemeral = withoutCache(plan)
    expect(ephemeral.name).toBe('docker-nest-abcd1234')
    expect(ephemeral.volume).toBe('docker-nest-abcd1234-data')
    expect(ephemeral.runId).toBe(plan.runId)
    expect(ephemeral.cache).toBeUndefined()
    expect(ephemeral.labels['docker-nest.cache']).toBeUndefined()
    expect(ephemeral.labels['docker-nest.cache-scope']).toBeUndefined()
    expect(ephemeral.serverNames.dns).toContain('docker-nest-abcd1234')
    expect(ephemeral.serverNames.dns).not.toContain(volume)
    const args = buildDindRunArgs(ephemeral)
    expect(args[args.indexOf('--mount') + 1]).toContain(
      'volume-label=docker-nest.run=77-1-abcd1234'
    )
  })

  it('without cache input nothing changes', () => {
    const plain = makePlan(parseInputs({ image: 'docker:29-dind' }), context)
    expect(plain.name).toBe('docker-nest-abcd1234')
    expect(plain.cache).toBeUndefined()
    expect(plain.labels['docker-nest.cache-scope']).toBeUndefined()
    expect(cacheResourceName({ name: 'build', partition: 'shared' })).toBe(
      volume
    )
  })
})

describe('staleReason (may a cache lock be broken?)', () => {
  const boot = '5ce1dff6-01b4-43d8-b685-fa5a170663ff'
  const table: ProcessTable = {
    bootId: boot,
    pidNs: '1',
    startTimeOf: (pid) => (pid === 42 ? '100' : undefined)
  }
  const owner = (pid: number) =>
    formatOwner({ bootId: boot, pidNs: '1', pid, startTime: '100' })
  const holder = (over: Partial<LockHolder>): LockHolder => ({
    id: 'c1',
    status: 'running',
    run: 'r',
    expires: '2000',
    owner: owner(42),
    ...over
  })

  it.each([
    ['a running daemon of a live job', {}, undefined],
    [
      'a container still being created',
      { status: 'created', owner: owner(43) },
      'the job that started it has ended'
    ],
    ['a stopped daemon', { status: 'exited' }, 'its daemon has stopped'],
    ['a dead container', { status: 'dead' }, 'its daemon has stopped'],
    ['expired', { expires: '999' }, 'its expiry has passed'],
    [
      'its job ended',
      { owner: owner(43) },
      'the job that started it has ended'
    ],
    ['no owner label, not expired', { owner: '' }, undefined],
    [
      'an owner on another machine',
      {
        owner: formatOwner({
          bootId: 'ffffffff-1',
          pidNs: '1',
          pid: 43,
          startTime: '1'
        })
      },
      undefined
    ]
  ])('[%#] %s', (_name, over, reason) => {
    expect(staleReason(holder(over), 1000, table)).toBe(reason)
  })

  it('recognises the daemon’s name conflict', () => {
    expect(
      isNameConflict(
        'docker: Error response from daemon: Conflict. The container name "/docker-nest-cache-x" is already in use by container "abc". You have to remove (or rename) that container to be able to reuse that name.'
      )
    ).toBe(true)
    expect(isNameConflict('port is already allocated')).toBe(false)
  })
})
