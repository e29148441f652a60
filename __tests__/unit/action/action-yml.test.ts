import { describe, expect, it } from '@jest/globals'
import { readFileSync } from 'node:fs'
import { parse } from 'yaml'
import { INPUT_DEFAULTS } from '../../../src/engine/options/config.js'
import type { NestInfo } from '../../../src/engine/dind/dind.js'
import { outputsFor } from '../../../src/action/outputs.js'

const action = parse(readFileSync('action.yml', 'utf8'))

const info: NestInfo = {
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

describe('action.yml', () => {
  it('runs pre, main and post on node24 from the committed bundles; post always runs', () => {
    expect(action.runs).toEqual({
      using: 'node24',
      pre: 'dist/pre/index.js',
      main: 'dist/main/index.js',
      post: 'dist/post/index.js'
    })
  })

  it('declares exactly the inputs the engine validates, with the same defaults', () => {
    const declared = Object.fromEntries(
      Object.entries(action.inputs as Record<string, { default: string }>).map(
        ([name, input]) => [name, String(input.default)]
      )
    )
    expect(declared).toEqual(INPUT_DEFAULTS)
  })

  it('meets the Marketplace rules for its metadata', () => {
    // The Marketplace refuses a description of 125 characters or more.
    expect(action.description.length).toBeLessThan(125)
    expect(action.name.length).toBeGreaterThan(0)
    expect(action.branding).toEqual({
      icon: expect.any(String),
      color: expect.any(String)
    })
    // Comments say what a block is, not which issue added it.
    expect(readFileSync('action.yml', 'utf8')).not.toMatch(/#.*\bissue\s+\d/i)
  })

  it('documents every input and output', () => {
    for (const section of [action.inputs, action.outputs]) {
      for (const [name, entry] of Object.entries(
        section as Record<string, { description?: string }>
      )) {
        expect([name, (entry.description ?? '').length > 10]).toEqual([
          name,
          true
        ])
      }
    }
  })

  it('declares exactly the outputs main sets', () => {
    expect(Object.keys(action.outputs).sort()).toEqual(
      Object.keys(outputsFor(info)).sort()
    )
  })

  it('turns a nest into string outputs', () => {
    expect(outputsFor(info)).toMatchObject({
      'docker-host': 'tcp://127.0.0.1:32768',
      'tls-verify': '1',
      port: '32768',
      'ready-ms': '900',
      mode: 'dind'
    })
    expect(
      outputsFor({ ...info, tlsVerify: false, certPath: undefined })
    ).toMatchObject({
      'tls-verify': '',
      'cert-path': ''
    })
  })

  it('gives dood the daemon facts and leaves the nest outputs empty', () => {
    expect(
      outputsFor(
        {
          mode: 'dood',
          socket: '/var/run/docker.sock',
          dockerHost: 'unix:///var/run/docker.sock',
          serverVersion: '28.0.1',
          storageDriver: 'overlay2',
          label: 'docker-nest.run=1-1-abcd',
          readyMs: 3
        },
        '/usr/bin/docker'
      )
    ).toEqual({
      'docker-host': 'unix:///var/run/docker.sock',
      'cert-path': '',
      'tls-verify': '',
      'container-id': '',
      'container-ip': '',
      port: '',
      'server-version': '28.0.1',
      'storage-driver': 'overlay2',
      mtu: '',
      'ready-ms': '3',
      mode: 'dood',
      'docker-cli-path': '/usr/bin/docker',
      context: ''
    })
  })
})
