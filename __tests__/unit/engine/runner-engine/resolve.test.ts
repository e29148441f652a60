import { describe, expect, test } from '@jest/globals'
import {
  blockedBecause,
  chooseImage
} from '../../../../src/engine/runner-engine/resolve.js'
import type { HostDockerEnv } from '../../../../src/engine/types.js'
import type { RunnerEngineDiscovery } from '../../../../src/engine/runner-engine/types.js'

const LOCAL: HostDockerEnv = {
  DOCKER_HOST: null,
  DOCKER_TLS_VERIFY: null,
  DOCKER_CERT_PATH: null,
  DOCKER_CONTEXT: null
}

const FOUND = { available: true } as RunnerEngineDiscovery
const MISSING = {
  available: false,
  reason: 'no-engine',
  message: 'no dockerd in /usr/bin, /usr/sbin',
  missing: ['dockerd'],
  searched: []
} as RunnerEngineDiscovery

describe('blockedBecause', () => {
  test.each<[string, Partial<HostDockerEnv>, boolean, RegExp | undefined]>([
    ['the default socket', {}, false, undefined],
    [
      'a unix DOCKER_HOST',
      { DOCKER_HOST: 'unix:///run/docker.sock' },
      false,
      undefined
    ],
    ['the default context', { DOCKER_CONTEXT: 'default' }, false, undefined],
    ['a container job', {}, true, /runs in a container/],
    [
      'a TCP daemon',
      { DOCKER_HOST: 'tcp://docker:2376' },
      false,
      /at tcp:\/\/docker:2376, not on this machine/
    ],
    [
      'an SSH daemon',
      { DOCKER_HOST: 'ssh://build-host' },
      false,
      /not on this machine/
    ],
    ['another context', { DOCKER_CONTEXT: 'remote' }, false, /context remote/]
  ])('[%#] %s', (_what, host, inContainerJob, expected) => {
    const why = blockedBecause({
      hostDocker: { ...LOCAL, ...host },
      inContainerJob
    })
    if (expected) expect(why).toMatch(expected)
    else expect(why).toBeUndefined()
  })
})

describe('chooseImage', () => {
  test('a pinned image is always honoured, even where the runner has an engine', () => {
    expect(chooseImage('docker:28-dind', undefined, FOUND)).toEqual({
      use: 'pinned',
      image: 'docker:28-dind'
    })
    expect(chooseImage('docker:28-dind', 'blocked', MISSING)).toEqual({
      use: 'pinned',
      image: 'docker:28-dind'
    })
  })

  test.each(['auto', 'runner'])('%s uses an engine that was found', (image) => {
    expect(chooseImage(image, undefined, FOUND)).toEqual({ use: 'runner' })
  })

  test('auto falls back to the default dind image and says why', () => {
    expect(chooseImage('auto', undefined, MISSING)).toEqual({
      use: 'dind',
      image: 'docker:29-dind',
      why: 'no dockerd in /usr/bin, /usr/sbin'
    })
    expect(
      chooseImage('auto', 'this step runs in a container', undefined)
    ).toEqual({
      use: 'dind',
      image: 'docker:29-dind',
      why: 'this step runs in a container'
    })
  })

  test('runner fails with the reason and the way out', () => {
    expect(chooseImage('runner', undefined, MISSING)).toEqual({
      use: 'fail',
      message:
        "Input 'image' is 'runner', but the runner's engine cannot run a nest: no dockerd in /usr/bin, /usr/sbin. " +
        "Set image to a dind image such as 'docker:29-dind', or to 'auto' to fall back to it."
    })
  })
})
