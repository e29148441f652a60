/**
 * dood's `cleanup: containers`: removeLabelled removes the run's labelled
 * containers, networks and volumes through the one client, frees a
 * network something still holds, and turns every refusal into a warning.
 */
import { describe, expect, test } from '@jest/globals'
import type {
  DockerClient,
  ObjectKind,
  Outcome
} from '../../../../src/engine/docker/client.js'
import { EngineApiError } from '../../../../src/engine/docker/engine-api.js'
import { removeLabelled } from '../../../../src/engine/dood/dood.js'
import type { Logger } from '../../../../src/engine/types.js'

const RUN_ID = '7-1-abcd1234'
const LABEL = `docker-nest.run=${RUN_ID}`
const OK: Outcome = { ok: true, error: '' }
const ACTIVE =
  'Error response from daemon: error while removing network: network n1 id beef0000beef has active endpoints'

/** A logger that keeps its info lines. */
function logger(): Logger & { lines: string[] } {
  const lines: string[] = []
  return {
    lines,
    info: (message) => lines.push(message),
    debug: () => undefined,
    warning: (message) => lines.push(`warning ${message}`),
    group: (_title, fn) => fn()
  }
}

/**
 * A client whose daemon holds `objects` under the run's label, records
 * each call, and answers removals from `removals` (by `kind id`, in turn;
 * success once they run out).
 */
function client(
  objects: Partial<Record<ObjectKind, string[] | Error>>,
  removals: Record<string, Outcome[]> = {},
  endpoints: string[] = []
): DockerClient & { calls: string[] } {
  const calls: string[] = []
  const removal = (what: string) => {
    calls.push(`rm ${what}`)
    return Promise.resolve(removals[what]?.shift() ?? OK)
  }
  const fake: Partial<DockerClient> = {
    labelledIds: async (kind, label) => {
      calls.push(`ls ${kind}`)
      const listed = label === LABEL ? (objects[kind] ?? []) : []
      if (listed instanceof Error) throw listed
      return listed
    },
    removeContainer: (id) => removal(`container ${id}`),
    removeNetwork: (id) => removal(`network ${id}`),
    removeVolume: (name, options) =>
      removal(`volume ${name}${options?.force ? ' --force' : ''}`),
    networkEndpoints: async (network) => {
      calls.push(`endpoints ${network}`)
      return endpoints
    },
    disconnectNetwork: async (network, endpoint) => {
      calls.push(`disconnect ${network} ${endpoint}`)
      return OK
    }
  }
  return Object.assign(fake as DockerClient, { calls })
}

describe('removeLabelled', () => {
  test('removes containers, then networks, then volumes, each listed in its turn', async () => {
    const docker = client({
      container: ['c0ffee00c0ff'],
      network: ['beef0000beef'],
      volume: ['data']
    })
    const log = logger()
    const report = await removeLabelled(RUN_ID, docker, log)
    expect(report).toEqual({
      removed: [
        'container c0ffee00c0ff',
        'network beef0000beef',
        'volume data'
      ],
      warnings: []
    })
    expect(docker.calls).toEqual([
      'ls container',
      'rm container c0ffee00c0ff',
      'ls network',
      'rm network beef0000beef',
      'ls volume',
      'rm volume data --force'
    ])
    expect(log.lines).toContain('Removed network beef0000beef')
  })

  test('detaches what still holds a network, then removes the network', async () => {
    const docker = client(
      { network: ['n1'] },
      { 'network n1': [{ ok: false, error: ACTIVE }] },
      ['job', 'stale']
    )
    const log = logger()
    const report = await removeLabelled(RUN_ID, docker, log)
    expect(report).toEqual({ removed: ['network n1'], warnings: [] })
    expect(docker.calls).toEqual([
      'ls container',
      'ls network',
      'rm network n1',
      'endpoints n1',
      'disconnect n1 job',
      'disconnect n1 stale',
      'rm network n1',
      'ls volume'
    ])
    expect(log.lines).toContain(
      'Disconnected stale from network n1: it still held an endpoint there, ' +
        'and the network is the run’s to remove.'
    )
  })

  test("warns in the daemon's words when a kind cannot be listed or an object removed", async () => {
    const refused = new EngineApiError(
      'GET',
      '/volumes',
      500,
      '{"message":"listing refused"}'
    )
    const docker = client(
      { container: ['c0ffee00c0ff'], volume: refused },
      {
        'container c0ffee00c0ff': [
          { ok: false, error: 'Error response from daemon: busy' }
        ]
      }
    )
    const log = logger()
    const report = await removeLabelled(RUN_ID, docker, log)
    expect(report).toEqual({
      removed: [],
      warnings: [
        'Could not remove container c0ffee00c0ff: Error response from daemon: busy',
        `Could not list volumes labelled ${LABEL}: Error response from daemon: listing refused`
      ]
    })
    expect(log.lines).toEqual([`No objects labelled ${LABEL} to remove.`])
  })
})
