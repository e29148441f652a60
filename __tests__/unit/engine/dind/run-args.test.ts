import { describe, expect, test } from '@jest/globals'
import {
  parseInputs,
  type RawInputs
} from '../../../../src/engine/options/config.js'
import { buildDindRunArgs, makePlan } from '../../../../src/engine/dind/plan.js'
import { createRequestFromRunArgs } from '../../../../src/engine/dind/run-args.js'
import { STARTUP_SCRIPT } from '../../../../src/engine/dind/startup-script.js'

function argsFor(
  inputs: RawInputs,
  extra: Partial<ReturnType<typeof makePlan>> = {}
) {
  const plan = makePlan(parseInputs(inputs), {
    runPrefix: '42-1',
    detectedMtu: undefined,
    now: new Date('2026-11-23T10:00:00Z'),
    random: 'abcd1234'
  })
  return buildDindRunArgs({ ...plan, ...extra })
}

describe('createRequestFromRunArgs', () => {
  test('translates the default sidecar into the same container docker run would create', () => {
    const request = createRequestFromRunArgs(argsFor({ mtu: '1400' }))
    const labels = {
      'docker-nest': 'true',
      'docker-nest.run': '42-1-abcd1234',
      'docker-nest.expires': String(Date.parse('2026-11-23T16:00:00Z') / 1000)
    }
    expect(request).toEqual({
      name: 'docker-nest-abcd1234',
      body: {
        Image: 'docker:29-dind',
        Entrypoint: ['sh'],
        Cmd: ['-c', STARTUP_SCRIPT, 'docker-nest-start', '--ip6tables=false'],
        // The start script applies the MTU (it may lower it to its eth0's).
        Env: ['DOCKER_TLS_CERTDIR=/certs', 'DOCKER_NEST_INNER_MTU=1400'],
        Labels: labels,
        ExposedPorts: { '2376/tcp': {} },
        HostConfig: {
          Privileged: true,
          PortBindings: { '2376/tcp': [{ HostIp: '127.0.0.1', HostPort: '' }] },
          Mounts: [
            {
              Type: 'volume',
              Source: 'docker-nest-abcd1234-data',
              Target: '/var/lib/docker',
              VolumeOptions: { Labels: labels }
            }
          ],
          NetworkMode: 'default'
        }
      }
    })
  })

  test.each<[string, { name: string; alias: boolean }, object]>([
    [
      'user-defined network with the docker alias',
      { name: 'github_network_1', alias: true },
      { github_network_1: { Aliases: ['docker'] } }
    ],
    ['default bridge', { name: 'bridge', alias: false }, { bridge: {} }]
  ])('[%#] joins the job network: %s', (_title, jobNetwork, endpoints) => {
    const request = createRequestFromRunArgs(argsFor({}, { jobNetwork }))
    expect(request?.body.HostConfig.NetworkMode).toBe(jobNetwork.name)
    expect(request?.body.NetworkingConfig).toEqual({
      EndpointsConfig: endpoints
    })
  })

  test('keeps the fast-start switch and plain TCP', () => {
    const request = createRequestFromRunArgs(
      argsFor({ tls: 'false', 'fast-start': 'false' })
    )
    expect(request?.body.Env).toEqual([
      'DOCKER_TLS_CERTDIR=',
      'DOCKER_NEST_INNER_MTU=auto:',
      'DOCKER_NEST_PLAIN_TCP_FROM=runner',
      'DOCKER_NEST_FAST_START=false'
    ])
    expect(request?.body.ExposedPorts).toEqual({ '2375/tcp': {} })
  })

  test.each<[string, string[]]>([
    [
      'an unknown flag',
      ['run', '--detach', '--name', 'x', '--cap-add', 'ALL', 'img']
    ],
    [
      'a bind mount',
      [
        'run',
        '--detach',
        '--name',
        'x',
        '--mount',
        'type=bind,src=/a,dst=/b',
        'img'
      ]
    ],
    [
      'a publish form it does not parse',
      ['run', '--detach', '--name', 'x', '--publish', '2376', 'img']
    ],
    ['no --detach', ['run', '--name', 'x', 'img']],
    ['not a run', ['create', '--name', 'x', 'img']]
  ])('[%#] leaves %s to the CLI', (_title, args) => {
    expect(createRequestFromRunArgs(args)).toBeUndefined()
  })
})
