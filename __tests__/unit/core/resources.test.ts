import { describe, expect, it, test } from '@jest/globals'
import {
  ResourcesFormatError,
  parseResources,
  serializeResources,
  type Resources
} from '../../../src/core/resources.js'

const full: Resources = {
  version: 1,
  runId: '42-1-abcd1234',
  hostDocker: {
    DOCKER_HOST: null,
    DOCKER_TLS_VERIFY: null,
    DOCKER_CERT_PATH: null,
    DOCKER_CONTEXT: 'ci'
  },
  container: 'docker-nest-abcd1234',
  volume: 'docker-nest-abcd1234-data',
  certDir: '/home/runner/work/_temp/docker-nest-certs-Ab12_x'
}

describe('parseResources', () => {
  it('round-trips a full record', () => {
    expect(parseResources(serializeResources(full))).toEqual(full)
  })

  it('round-trips a cached nest (no volume: the cache volume is kept)', () => {
    const cached: Resources = {
      ...full,
      container: 'docker-nest-cache-build',
      volume: undefined,
      cache: { name: 'build', maxBytes: 10e9 }
    }
    expect(parseResources(serializeResources(cached))).toEqual(cached)
  })

  it('accepts a record saved before anything was created', () => {
    const early = { version: 1, runId: 'r', hostDocker: full.hostDocker }
    expect(parseResources(JSON.stringify(early))).toEqual({
      ...early,
      container: undefined,
      volume: undefined,
      certDir: undefined
    })
  })

  test.each<[string, unknown]>([
    ['not JSON', '{'],
    ['unknown version', { ...full, version: 2 }],
    ["field 'runId' is missing", { ...full, runId: '' }],
    ["field 'hostDocker' is missing", { ...full, hostDocker: undefined }],
    [
      "field 'container' has an unexpected value",
      { ...full, container: 'my-database' }
    ],
    [
      "field 'volume' has an unexpected value",
      { ...full, volume: 'docker-nest-x; rm -rf /' }
    ],
    [
      "field 'certDir' has an unexpected value",
      { ...full, certDir: '/home/runner' }
    ],
    [
      "field 'DOCKER_HOST' has an unexpected value",
      { ...full, hostDocker: { DOCKER_HOST: 5 } }
    ],
    ["field 'cache' has an unexpected value", { ...full, cache: {} }],
    [
      "field 'cache.name' has an unexpected value",
      { ...full, cache: { name: '../x' } }
    ],
    [
      "field 'cache' has an unexpected value",
      { ...full, cache: { name: 'x', maxBytes: -1 } }
    ]
  ])('[%#] rejects a record with %s', (message, record) => {
    const json = typeof record === 'string' ? record : JSON.stringify(record)
    expect(() => parseResources(json)).toThrow(ResourcesFormatError)
    expect(() => parseResources(json)).toThrow(message)
  })
})

describe('parseResources, dood records', () => {
  const dood: Resources = {
    version: 1,
    runId: '42-1-abcd1234',
    hostDocker: full.hostDocker,
    mode: 'dood',
    socket: '/var/run/docker.sock'
  }

  it('round-trips a dood record', () => {
    expect(parseResources(serializeResources(dood))).toEqual(dood)
  })

  test.each<[string, unknown]>([
    ["field 'mode' has an unexpected value", { ...dood, mode: 'dind' }],
    ["field 'socket' has an unexpected value", { ...dood, socket: 'rel.sock' }]
  ])('rejects %s', (message, record) => {
    expect(() => parseResources(JSON.stringify(record))).toThrow(message)
  })
})
