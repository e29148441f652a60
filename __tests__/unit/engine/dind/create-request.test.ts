/**
 * The sidecar's create request (plan.ts buildDindCreateRequest): the
 * container both the Engine API and the docker CLI path start.
 */
import { describe, expect, test } from '@jest/globals'
import {
  parseInputs,
  type RawInputs
} from '../../../../src/engine/options/config.js'
import {
  buildDindCreateRequest,
  buildDindRunArgs,
  makePlan
} from '../../../../src/engine/dind/plan.js'
import { isolationHostConfig } from '../../../../src/engine/dind/isolation.js'
import { runArgsFromCreate } from '../../../../src/engine/docker/run-args.js'
import { isolationArgs } from '../../../../src/engine/options/runtime.js'
import { STARTUP_SCRIPT } from '../../../../src/engine/dind/startup-script.js'

function planFor(
  inputs: RawInputs,
  extra: Partial<ReturnType<typeof makePlan>> = {}
) {
  const plan = makePlan(parseInputs({ image: 'docker:29-dind', ...inputs }), {
    runPrefix: '42-1',
    detectedMtu: undefined,
    now: new Date('2026-11-23T10:00:00Z'),
    random: 'abcd1234'
  })
  return { ...plan, ...extra }
}

function requestFor(
  inputs: RawInputs,
  extra: Partial<ReturnType<typeof makePlan>> = {}
) {
  return buildDindCreateRequest(planFor(inputs, extra))
}

describe('buildDindCreateRequest', () => {
  test('describes the default sidecar completely', () => {
    const labels = {
      'docker-nest': 'true',
      'docker-nest.run': '42-1-abcd1234',
      'docker-nest.expires': String(Date.parse('2026-11-23T16:00:00Z') / 1000)
    }
    expect(requestFor({ mtu: '1400' })).toStrictEqual({
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
    const request = requestFor({}, { jobNetwork })
    expect(request.body.HostConfig.NetworkMode).toBe(jobNetwork.name)
    expect(request.body.NetworkingConfig).toEqual({
      EndpointsConfig: endpoints
    })
  })

  test('keeps the fast-start switch and plain TCP', () => {
    const request = requestFor({ tls: 'false', 'fast-start': 'false' })
    expect(request.body.Env).toEqual([
      'DOCKER_TLS_CERTDIR=',
      'DOCKER_NEST_INNER_MTU=auto:',
      'DOCKER_NEST_PLAIN_TCP_FROM=runner',
      'DOCKER_NEST_FAST_START=false'
    ])
    expect(request.body.ExposedPorts).toEqual({ '2375/tcp': {} })
  })

  test.each<[string, RawInputs, object]>([
    [
      'sysbox: its runtime, not privileged',
      { runtime: 'sysbox-runc' },
      { Runtime: 'sysbox-runc', Privileged: false }
    ],
    [
      'another runtime: named, and privileged',
      { runtime: 'runc' },
      { Runtime: 'runc', Privileged: true }
    ],
    [
      'rootless: unprivileged: only what rootlesskit needs',
      { rootless: 'unprivileged' },
      {
        Privileged: false,
        CapAdd: ['SYS_ADMIN'],
        SecurityOpt: ['seccomp=unconfined', 'apparmor=unconfined'],
        MaskedPaths: [],
        ReadonlyPaths: [],
        Devices: [
          {
            PathOnHost: '/dev/net/tun',
            PathInContainer: '/dev/net/tun',
            CgroupPermissions: 'rwm'
          }
        ]
      }
    ]
  ])(
    '[%#] says the isolation in the request itself: %s',
    (_t, inputs, isolation) => {
      const { HostConfig: hostConfig } = requestFor(inputs).body
      expect(hostConfig).toMatchObject(isolation)
      expect(hostConfig.Mounts).toHaveLength(1)
    }
  )

  test('labels a cache volume with the cache only, the container with the run too', () => {
    const request = requestFor({ cache: 'build', 'cache-scope': 'shared' })
    const [volume] = request.body.HostConfig.Mounts
    expect(volume).toMatchObject({
      Type: 'volume',
      Source: 'docker-nest-cache-build.a4d26868017c',
      VolumeOptions: {
        Labels: {
          'docker-nest': 'true',
          'docker-nest.cache': 'build',
          'docker-nest.cache-scope': 'shared'
        }
      }
    })
    expect(request.body.Labels['docker-nest.run']).toBe('42-1-abcd1234')
  })

  test('gives the CLI the docker run form of the same request', () => {
    const inputs = { rootless: 'unprivileged', 'fast-start': 'false' }
    expect(buildDindRunArgs(planFor(inputs))).toEqual(
      runArgsFromCreate(requestFor(inputs))
    )
  })
})

describe('isolationHostConfig', () => {
  test.each<[string, boolean]>([
    ['', false],
    ['', true],
    ['runc', false],
    ['runc', true],
    ['sysbox-runc', false],
    ['io.containerd.runc.v2', false]
  ])(
    '[%#] runtime %p, rootless unprivileged %p: the same flags as the privilege probe',
    (runtime, unprivileged) => {
      const request = requestFor({})
      const { PortBindings, Mounts, NetworkMode } = request.body.HostConfig
      request.body.HostConfig = {
        PortBindings,
        Mounts,
        NetworkMode,
        ...isolationHostConfig(runtime, unprivileged)
      }
      const args = runArgsFromCreate(request)
      const flags = args.slice(
        args.lastIndexOf('--label') + 2,
        args.indexOf('--publish')
      )
      expect(flags).toEqual(isolationArgs(runtime, unprivileged))
    }
  )
})
