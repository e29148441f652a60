import { describe, expect, test } from '@jest/globals'
import type { NestInfo } from '../../../src/engine/dind/dind.js'
import type { DoodInfo } from '../../../src/engine/dood/dood.js'
import { environmentFor } from '../../../src/action/outputs.js'

const dind: NestInfo = {
  mode: 'dind',
  image: 'docker:29-dind',
  dockerHost: 'tcp://127.0.0.1:32768',
  certPath: '/tmp/docker-nest-certs-x',
  tlsVerify: true,
  containerId: 'abc',
  containerName: 'docker-nest-abc',
  containerIp: '172.17.0.2',
  port: 32768,
  serverVersion: '29.0.0',
  storageDriver: 'overlayfs',
  cgroupVersion: '2',
  mtu: 1500,
  readyMs: 900
}
const plainDind: NestInfo = { ...dind, certPath: undefined, tlsVerify: false }
const dood: DoodInfo = {
  mode: 'dood',
  socket: '/var/run/docker.sock',
  dockerHost: 'unix:///var/run/docker.sock',
  serverVersion: '29.0.0',
  storageDriver: 'overlayfs',
  label: 'docker-nest.run=gh-1-x',
  readyMs: 3
}

describe('environmentFor', () => {
  test.each<[string, NestInfo | DoodInfo, boolean, Record<string, string>]>([
    [
      'dind with TLS exports the TLS client settings',
      dind,
      true,
      {
        DOCKER_HOST: 'tcp://127.0.0.1:32768',
        DOCKER_TLS_VERIFY: '1',
        DOCKER_CERT_PATH: '/tmp/docker-nest-certs-x'
      }
    ],
    [
      'dind with tls: false exports them empty, not unset',
      plainDind,
      true,
      {
        DOCKER_HOST: 'tcp://127.0.0.1:32768',
        DOCKER_TLS_VERIFY: '',
        DOCKER_CERT_PATH: ''
      }
    ],
    [
      'dood exports the socket, no TLS and the run label',
      dood,
      true,
      {
        DOCKER_HOST: 'unix:///var/run/docker.sock',
        DOCKER_TLS_VERIFY: '',
        DOCKER_CERT_PATH: '',
        DOCKER_NEST_LABEL: 'docker-nest.run=gh-1-x'
      }
    ],
    ['dind with set-host: false exports nothing', dind, false, {}],
    [
      'dood with set-host: false exports the run label only',
      dood,
      false,
      { DOCKER_NEST_LABEL: 'docker-nest.run=gh-1-x' }
    ]
  ])('[%#] %s', (_title, info, setHost, expected) => {
    expect(environmentFor(info, setHost)).toEqual(expected)
  })
})
