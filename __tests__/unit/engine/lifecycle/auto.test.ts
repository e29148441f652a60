import { describe, expect, test } from '@jest/globals'
import { DockerCommandError } from '../../../../src/engine/docker/cli.js'
import type { DockerClient } from '../../../../src/engine/docker/client.js'
import type { CreateRequest } from '../../../../src/engine/docker/create-request.js'
import { runArgsFromCreate } from '../../../../src/engine/docker/run-args.js'
import { isolationHostConfig } from '../../../../src/engine/dind/isolation.js'
import {
  buildProbeRequest,
  cachedProbe,
  probePrivileged
} from '../../../../src/engine/lifecycle/auto.js'

describe('buildProbeRequest', () => {
  test('starts the image privileged, offline, labelled, removed on exit', () => {
    const request = buildProbeRequest('docker:29-dind', '42-1-ab-probe')
    expect(request).toEqual({
      name: '42-1-ab-probe',
      body: {
        Image: 'docker:29-dind',
        Entrypoint: ['true'],
        Cmd: [],
        Env: [],
        Labels: {
          'docker-nest': 'true',
          'docker-nest.run': '42-1-ab-probe'
        },
        ExposedPorts: {},
        HostConfig: {
          Privileged: true,
          AutoRemove: true,
          PortBindings: {},
          Mounts: [],
          NetworkMode: 'none'
        }
      }
    })
    // What the docker CLI runs where it must.
    expect(runArgsFromCreate(request)).toEqual([
      'run',
      '--detach',
      '--name',
      '42-1-ab-probe',
      '--label',
      'docker-nest=true',
      '--label',
      'docker-nest.run=42-1-ab-probe',
      '--rm',
      '--privileged',
      '--network',
      'none',
      '--entrypoint',
      'true',
      'docker:29-dind'
    ])
  })

  test('isolates like the sidecar and sees the runner’s engine read-only', () => {
    const { body } = buildProbeRequest('root:1', 'r-probe', {
      isolation: isolationHostConfig('sysbox-runc'),
      env: ['PATH=/engine/bin'],
      binds: ['/usr/bin']
    })
    expect(body.Env).toEqual(['PATH=/engine/bin'])
    expect(body.HostConfig).toMatchObject({
      Runtime: 'sysbox-runc',
      Privileged: false,
      Mounts: [
        { Type: 'bind', Source: '/usr/bin', Target: '/usr/bin', ReadOnly: true }
      ]
    })
  })
})

describe('probePrivileged', () => {
  /** A client whose run succeeds, or fails with `error`. */
  function client(error?: Error) {
    const runs: { request: CreateRequest; timeoutMs?: number }[] = []
    const docker = {
      async run(request: CreateRequest, hooks: { timeoutMs?: number } = {}) {
        runs.push({ request, timeoutMs: hooks.timeoutMs })
        if (error) throw error
      }
    } as unknown as DockerClient
    return { docker, runs }
  }

  test('says yes once the container started, within the timeout', async () => {
    const { docker, runs } = client()
    const result = await probePrivileged(docker, 'img:1', 'r-probe', 5000)
    expect(result.privileged).toBe(true)
    expect(result.reason).toMatch(
      /^a privileged container from img:1 started in \d+ ms$/
    )
    expect(runs.map((r) => [r.request.name, r.timeoutMs])).toEqual([
      ['r-probe', 5000]
    ])
  })

  test('says no with the exit code and the last lines of docker run', async () => {
    const { docker } = client(
      new DockerCommandError(
        ['run'],
        125,
        'line 1\nline 2\ndocker: Error response from daemon: privileged mode is not allowed.\nline 4'
      )
    )
    const result = await probePrivileged(docker, 'img:1', 'r-probe')
    expect(result.privileged).toBe(false)
    expect(result.reason).toMatch(
      /^a privileged container from img:1 could not start \(exit 125 after \d+ ms: line 2 docker: Error response from daemon: privileged mode is not allowed\. line 4\)$/
    )
  })
})

describe('cachedProbe', () => {
  test.each<[string | undefined, boolean | undefined]>([
    ['true', true],
    ['false', false],
    [undefined, undefined],
    ['', undefined],
    ['yes', undefined]
  ])('[%#] %s -> %s', (value, privileged) => {
    expect(cachedProbe(value)?.privileged).toBe(privileged)
  })
})
