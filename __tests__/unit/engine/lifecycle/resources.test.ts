import { describe, expect, it, test } from '@jest/globals'
import {
  ResourcesFormatError,
  parseResources,
  serializeResources,
  type Resources
} from '../../../../src/engine/lifecycle/resources.js'

/** RUNNER_TEMP of the job that saved the records below. */
const root = '/home/runner/work/_temp'

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
    expect(parseResources(serializeResources(full), root)).toEqual(full)
  })

  it('round-trips a cached nest (no volume: the cache volume is kept)', () => {
    const cached: Resources = {
      ...full,
      container: 'docker-nest-cache-build',
      volume: undefined,
      cache: { name: 'build', maxBytes: 10e9 }
    }
    expect(parseResources(serializeResources(cached), root)).toEqual(cached)
  })

  it('accepts a record saved before anything was created', () => {
    const early = { version: 1, runId: 'r', hostDocker: full.hostDocker }
    expect(parseResources(JSON.stringify(early), root)).toEqual({
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
      { ...full, cache: { name: '../../x' } }
    ],
    [
      "field 'cache' has an unexpected value",
      { ...full, cache: { name: 'x', maxBytes: -1 } }
    ]
  ])('[%#] rejects a record with %s', (message, record) => {
    const json = typeof record === 'string' ? record : JSON.stringify(record)
    expect(() => parseResources(json, root)).toThrow(ResourcesFormatError)
    expect(() => parseResources(json, root)).toThrow(message)
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
    expect(parseResources(serializeResources(dood), root)).toEqual(dood)
  })

  test.each<[string, unknown]>([
    ["field 'mode' has an unexpected value", { ...dood, mode: 'dind' }],
    ["field 'socket' has an unexpected value", { ...dood, socket: 'rel.sock' }]
  ])('rejects %s', (message, record) => {
    expect(() => parseResources(JSON.stringify(record), root)).toThrow(message)
  })
})

describe('parseResources trusts only what this run made', () => {
  const certs = (certDir: string) => ({ ...full, certDir })

  test.each<[string, unknown]>([
    [
      'a cert dir that climbs out of RUNNER_TEMP',
      certs(`${root}/../../etc/docker-nest-certs-x`)
    ],
    ['a cert dir elsewhere', certs('/etc/docker-nest-certs-x')],
    ['a cert dir below RUNNER_TEMP', certs(`${root}/a/docker-nest-certs-x`)],
    ['a cert dir spelt with .', certs(`${root}/./docker-nest-certs-x`)],
    ['a relative cert dir', certs('docker-nest-certs-x')],
    ['a cert dir that is RUNNER_TEMP itself', certs(root)],
    [
      'the container of another run',
      { ...full, container: 'docker-nest-ffff0000' }
    ],
    [
      'the volume of another run',
      { ...full, volume: 'docker-nest-ffff0000-data' }
    ],
    [
      'a cache volume as the volume to remove',
      { ...full, volume: 'docker-nest-cache-build' }
    ],
    [
      'any volume in a cached nest’s record',
      {
        ...full,
        container: 'docker-nest-cache-build',
        cache: { name: 'build' }
      }
    ],
    [
      'a cached nest’s container that is no cache’s',
      {
        ...full,
        volume: undefined,
        container: 'postgres',
        cache: { name: 'b' }
      }
    ],
    [
      'a run id that would widen a label filter',
      { ...full, runId: '42-1-abcd1234,name=x' }
    ]
  ])('[%#] refuses %s', (_case, record) => {
    expect(() => parseResources(JSON.stringify(record), root)).toThrow(
      /field '(certDir|container|volume|runId)' has an unexpected value/
    )
  })

  it('accepts RUNNER_TEMP spelt with a trailing slash', () => {
    expect(parseResources(serializeResources(full), `${root}/`).certDir).toBe(
      full.certDir
    )
  })

  it('takes the cert dir only from the directory it is read back for', () => {
    expect(() =>
      parseResources(serializeResources(full), '/home/other/state')
    ).toThrow("field 'certDir' has an unexpected value")
  })
})
