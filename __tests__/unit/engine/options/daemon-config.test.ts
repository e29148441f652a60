import { describe, expect, it, test } from '@jest/globals'
import {
  InputError,
  parseInputs,
  type RawInputs
} from '../../../../src/engine/options/config.js'
import {
  daemonConfigEntries,
  lineAndColumn
} from '../../../../src/engine/options/daemon-config.js'

function problemsOf(inputs: RawInputs): string[] {
  try {
    parseInputs(inputs)
  } catch (error) {
    expect(error).toBeInstanceOf(InputError)
    return (error as InputError).problems
  }
  throw new Error(`parseInputs accepted ${JSON.stringify(inputs)}`)
}

describe('daemon-config', () => {
  it('accepts a JSON object and keeps it as is', () => {
    const config = { features: { buildkit: true }, labels: ['team=ci'] }
    expect(
      parseInputs({ 'daemon-config': JSON.stringify(config) }).daemonConfig
    ).toEqual(config)
    expect(parseInputs({}).daemonConfig).toBeUndefined()
  })

  test.each<[string, RegExp]>([
    [
      '{"debug": true,}',
      /^Input 'daemon-config' is not valid JSON: .* \(line 1, column 16\)\. It takes one JSON object/
    ],
    [
      '{\n  "debug": true\n  "labels": []\n}',
      /not valid JSON: .*\(line 3, column 3\)/
    ],
    ['{"debug": tru', /not valid JSON: .*\(/],
    ['[1, 2]', /must be a JSON object \(daemon\.json\), got an array/],
    ['"text"', /must be a JSON object \(daemon\.json\), got "text"/],
    ['null', /must be a JSON object \(daemon\.json\), got null/]
  ])('[%#] rejects %j', (value, message) => {
    const problems = problemsOf({ 'daemon-config': value })
    expect(problems).toHaveLength(1)
    expect(problems[0]).toMatch(message)
  })

  test.each<[RawInputs, string]>([
    [
      { 'daemon-config': '{"hosts": ["tcp://0.0.0.0:2375"]}' },
      `Input 'daemon-config' may not set "hosts" (docker-nest sets the listeners itself).`
    ],
    [
      { 'daemon-config': '{"tlsverify": false}' },
      `Input 'daemon-config' may not set "tlsverify" (use input 'tls').`
    ],
    [
      { 'daemon-config': '{"data-root": "/x"}' },
      `Input 'daemon-config' may not set "data-root" (the data root is the volume docker-nest mounts).`
    ],
    [
      {
        'daemon-config': '{"registry-mirrors": ["https://a.example"]}',
        'registry-mirrors': 'https://b.example'
      },
      `Input 'daemon-config' sets "registry-mirrors" and input 'registry-mirrors' sets it too; dockerd refuses a setting given twice. Set it in one place.`
    ],
    [
      {
        'daemon-config': '{"insecure-registries": ["r:5000"]}',
        'insecure-registries': 'r:5000'
      },
      `Input 'daemon-config' sets "insecure-registries" and input 'insecure-registries' sets it too; dockerd refuses a setting given twice. Set it in one place.`
    ],
    [
      { 'daemon-config': '{"mtu": 1400}', mtu: '1360' },
      `Input 'daemon-config' sets "mtu" and input 'mtu' sets it too; dockerd refuses a setting given twice. Set it in one place.`
    ],
    [
      {
        'daemon-config': '{"default-address-pools": []}',
        'default-address-pools': 'base=10.201.0.0/16,size=24'
      },
      `Input 'daemon-config' sets "default-address-pools" and input 'default-address-pools' sets it too; dockerd refuses a setting given twice. Set it in one place.`
    ],
    [
      { 'daemon-config': '{"debug": true}', 'dockerd-args': '--debug' },
      `Input 'daemon-config' sets "debug" and 'dockerd-args' passes --debug; dockerd refuses a setting given twice. Set it in one place.`
    ],
    [
      { 'daemon-config': '{"labels": []}', 'dockerd-args': '--label=a=b' },
      `Input 'daemon-config' sets "labels" and 'dockerd-args' passes --label; dockerd refuses a setting given twice. Set it in one place.`
    ],
    [
      { 'daemon-config': '{}', 'dockerd-args': '--config-file=/x.json' },
      `Input 'dockerd-args' may not set --config-file when 'daemon-config' is set: docker-nest points dockerd at the daemon.json it writes.`
    ]
  ])('[%#] rejects the clash in %o', (inputs, message) => {
    expect(problemsOf(inputs)).toEqual([message])
  })

  it('lets daemon.json decide the MTU when mtu is auto', () => {
    const options = parseInputs({ 'daemon-config': '{"mtu": 1400}' })
    expect(options.mtu).toBe('auto')
  })

  it('reports a bad daemon-config together with other bad inputs', () => {
    expect(problemsOf({ 'daemon-config': '{', mtu: 'x' })).toHaveLength(2)
  })

  it('finds line and column of an offset', () => {
    expect(lineAndColumn('ab\ncd', 0)).toEqual({ line: 1, column: 1 })
    expect(lineAndColumn('ab\ncd', 4)).toEqual({ line: 2, column: 2 })
  })

  it('copies daemon.json into /etc/docker-nest, the marker last when asked', () => {
    expect(daemonConfigEntries(undefined, true)).toEqual([])
    expect(daemonConfigEntries('{}\n', true).map((e) => e.path)).toEqual([
      'etc/docker-nest/',
      'etc/docker-nest/daemon.json',
      'etc/docker-nest/.docker-nest-ready'
    ])
    expect(daemonConfigEntries('{}\n', false)).toHaveLength(2)
  })
})
