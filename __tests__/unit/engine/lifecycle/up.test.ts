import { describe, expect, test } from '@jest/globals'
import { parseInputs } from '../../../../src/engine/options/config.js'
import {
  removeFailedNestNow,
  up,
  type UpContext,
  type UpSteps
} from '../../../../src/engine/lifecycle/up.js'
import type { Resources } from '../../../../src/engine/lifecycle/resources.js'
import type { NestInfo } from '../../../../src/engine/dind/dind.js'
import type { DoodInfo } from '../../../../src/engine/dood/dood.js'
import type { DindOptions } from '../../../../src/engine/types.js'

/** Everything the fake steps and context saw, in order. */
type Event = string

function options(inputs: Record<string, string> = {}): DindOptions {
  return parseInputs(inputs, {})
}

const NEST = { mode: 'dind', containerName: 'docker-nest-x' } as NestInfo
const DOOD = {
  mode: 'dood',
  socket: '/var/run/docker.sock',
  dockerHost: 'unix:///var/run/docker.sock',
  label: 'docker-nest.run=r'
} as DoodInfo

interface Fakes {
  privileged?: boolean
  dindFails?: Error
  doodFails?: Error
  removeWarnings?: string[]
}

function harness(fakes: Fakes, ctxOverrides: Partial<UpContext> = {}) {
  const events: Event[] = []
  const records: Resources[] = []
  const ctx: UpContext = {
    logger: {
      info: (m) => events.push(`info ${m}`),
      warning: (m) => events.push(`warning ${m}`),
      debug: () => undefined,
      group: (title, phase) => {
        events.push(`group ${title}`)
        return phase()
      }
    },
    recorder: { record: (r) => void records.push(structuredClone(r)) },
    runPrefix: 'test',
    owner: undefined,
    hostDocker: {
      DOCKER_HOST: null,
      DOCKER_TLS_VERIFY: null,
      DOCKER_CERT_PATH: null,
      DOCKER_CONTEXT: null
    },
    certParentDir: '/tmp',
    proxy: { dir: '/tmp', cliPath: '/cli.js' },
    noPostStep: false,
    rememberProbe: (privileged) => events.push(`remember ${privileged}`),
    onRemoved: () => void events.push('removed record'),
    ...ctxOverrides
  }
  const steps: UpSteps = {
    resolveImage: async (requested) => {
      events.push(`resolve ${requested}`)
      return { image: requested }
    },
    probe: async () => {
      events.push('probe')
      return { privileged: fakes.privileged ?? true, reason: 'probed' }
    },
    startDind: async (_plan, _options, resources, ctx, starting) => {
      events.push('start dind')
      starting.fire()
      resources.container = 'docker-nest-x'
      await ctx.recorder.record(resources)
      if (fakes.dindFails) throw fakes.dindFails
      return NEST
    },
    connectDood: async () => {
      events.push('connect dood')
      if (fakes.doodFails) throw fakes.doodFails
      return DOOD
    },
    removeNest: async (resources) => {
      events.push(`remove ${resources.container}`)
      return fakes.removeWarnings ?? []
    },
    jobContainer: async () => undefined,
    doodJobContainer: async () => undefined,
    uplinkMtu: async () => 1500,
    startReaping: () => {
      events.push('reaper started')
      return { finish: async () => void events.push('reaper finished') }
    }
  }
  return { events, records, ctx, steps }
}

describe('removeFailedNestNow', () => {
  test.each([
    [true, false, false, false],
    [true, true, false, true],
    [true, false, true, true],
    [false, true, true, false],
    [false, false, true, false]
  ])(
    '[%#] cleanup %s, falling back %s, no post step %s -> %s',
    (cleanup, fallingBack, noPostStep, expected) => {
      expect(removeFailedNestNow({ cleanup, fallingBack, noPostStep })).toBe(
        expected
      )
    }
  )
})

describe('up', () => {
  test('dind: records the run before the start, reaps alongside it', async () => {
    const h = harness({})
    const result = await up(options(), h.ctx, h.steps)
    expect(result.mode).toBe('dind')
    expect(h.records[0]).toMatchObject({ version: 1, runId: /^test-/ })
    expect(h.events).toEqual([
      'reaper started',
      'resolve auto',
      'start dind',
      'reaper finished'
    ])
  })

  test('dood: starts the reaper too, records the socket', async () => {
    const h = harness({})
    const result = await up(options({ mode: 'dood' }), h.ctx, h.steps)
    expect(result).toMatchObject({ mode: 'dood', note: /bind-mount paths/ })
    expect(h.records.at(-1)).toMatchObject({
      mode: 'dood',
      socket: '/var/run/docker.sock'
    })
    expect(h.events[0]).toBe('reaper started')
    expect(h.events.at(-1)).toBe('reaper finished')
  })

  test('auto reuses an earlier probe and does not probe again', async () => {
    const h = harness({}, { cachedPrivileged: 'false' })
    const result = await up(options({ mode: 'auto' }), h.ctx, h.steps)
    expect(result.mode).toBe('dood')
    expect(h.events).not.toContain('probe')
    expect(h.events).toContain(
      'info mode: auto chose dood: cached answer of an earlier probe (DOCKER_NEST_PRIVILEGED=false).'
    )
  })

  test('auto remembers a fresh probe for later steps', async () => {
    const h = harness({ privileged: true })
    await up(options({ mode: 'auto' }), h.ctx, h.steps)
    expect(h.events).toEqual(
      expect.arrayContaining(['probe', 'remember true', 'start dind'])
    )
  })

  test('auto falls back to dood after a failed dind and removes it first', async () => {
    const h = harness({ dindFails: new Error('dockerd died') })
    const result = await up(options({ mode: 'auto' }), h.ctx, h.steps)
    expect(result.mode).toBe('dood')
    const order = h.events.filter((e) =>
      /^(start dind|remove|warning|connect dood)/.test(e)
    )
    expect(order).toEqual([
      'start dind',
      'remove docker-nest-x',
      'removed record',
      'warning mode: auto: dind did not start, using dood instead. dockerd died',
      'connect dood'
    ])
  })

  test('auto with cleanup: false keeps the failed nest for inspection', async () => {
    const h = harness({ dindFails: new Error('dockerd died') })
    await up(options({ mode: 'auto', cleanup: 'false' }), h.ctx, h.steps)
    expect(h.events.some((e) => e.startsWith('remove'))).toBe(false)
  })

  test('auto fails with both reasons when neither mode works', async () => {
    const h = harness({
      dindFails: new Error('dockerd died'),
      doodFails: new Error('no socket')
    })
    await expect(up(options({ mode: 'auto' }), h.ctx, h.steps)).rejects.toThrow(
      'mode: auto: neither mode works here.\ndind: dockerd died\ndood: no socket'
    )
    expect(h.events.at(-1)).toBe('reaper finished')
  })

  test('a failed dind is left to the post step when there is one', async () => {
    const h = harness({ dindFails: new Error('dockerd died') })
    await expect(up(options(), h.ctx, h.steps)).rejects.toThrow('dockerd died')
    expect(h.events.some((e) => e.startsWith('remove'))).toBe(false)
    expect(h.records.at(-1)).toMatchObject({ container: 'docker-nest-x' })
  })

  test('without a post step a failed dind goes at once, and its record with it', async () => {
    const h = harness(
      { dindFails: new Error('dockerd died') },
      { noPostStep: true }
    )
    await expect(up(options(), h.ctx, h.steps)).rejects.toThrow('dockerd died')
    expect(h.events).toEqual(
      expect.arrayContaining(['remove docker-nest-x', 'removed record'])
    )
  })

  test('a record whose removal left warnings is kept, and the warnings printed', async () => {
    const h = harness(
      { dindFails: new Error('dockerd died'), removeWarnings: ['volume busy'] },
      { noPostStep: true }
    )
    await expect(up(options(), h.ctx, h.steps)).rejects.toThrow('dockerd died')
    expect(h.events).toContain('warning volume busy')
    expect(h.events).not.toContain('removed record')
  })
})
