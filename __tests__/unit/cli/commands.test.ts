import { describe, expect, it, test } from '@jest/globals'
import {
  endpointOf,
  parseStatusRows
} from '../../../src/cli/commands/status.js'
import {
  explainWaitError,
  parseTarget
} from '../../../src/cli/commands/wait.js'

describe('wait', () => {
  test.each<[string, boolean, object]>([
    ['tcp://docker:2376', true, { host: 'docker', port: 2376, certPath: '/c' }],
    [
      'tcp://docker',
      false,
      { host: 'docker', port: 2375, certPath: undefined }
    ],
    ['tcp://[::1]:2376', true, { host: '::1', port: 2376 }],
    [
      'unix:///var/run/docker.sock',
      false,
      { socketPath: '/var/run/docker.sock' }
    ]
  ])('[%#] %s (tls %s)', (host, tls, expected) => {
    expect(parseTarget(host, tls, '/c')).toMatchObject(expected)
  })

  it('rejects other URLs as usage errors', () => {
    expect(() => parseTarget('http://docker:2375', false, '/c')).toThrow(
      /must be tcp:\/\/HOST:PORT or unix:\/\/\/PATH, got 'http:\/\/docker:2375'/
    )
  })

  const tcp = parseTarget('tcp://docker:2376', true, '/certs/client')
  test.each<[object, RegExp]>([
    [
      { code: 'NO_CERTS' },
      /never appeared in \/certs\/client.*volumes = \["\/certs\/client"\].*privileged/
    ],
    [{ code: 'ENOTFOUND' }, /'docker' does not resolve.*not privileged/],
    [
      { code: 'ECONNREFUSED' },
      /Nothing listens on docker:2376.*try 2375 without TLS/
    ],
    [
      {
        code: 'ERR_TLS_CERT_ALTNAME_INVALID',
        message: "Host: docker. is not in the cert's altnames"
      },
      /does not name 'docker'.*DOCKER_TLS_SAN/
    ],
    [{ code: 'EPROTO', message: 'wrong version number' }, /speaks plain HTTP/],
    [
      {
        code: 'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
        message: 'unable to verify the first certificate'
      },
      /belong to another daemon/
    ]
  ])('[%#] explains %j', (error, message) => {
    expect(explainWaitError(Object.assign(new Error(''), error), tcp)).toMatch(
      message
    )
  })

  it('explains a missing socket', () => {
    const unix = parseTarget('unix:///var/run/docker.sock', false, '')
    expect(
      explainWaitError(Object.assign(new Error(''), { code: 'ENOENT' }), unix)
    ).toMatch(/no socket at \/var\/run\/docker.sock/)
  })
})

describe('status', () => {
  it('parses docker ps rows into age, expiry and endpoint', () => {
    const now = Date.parse('2026-11-23T12:00:00Z') / 1000
    const rows = parseStatusRows(
      'docker-nest-ab12\tlocal-ab12\t' +
        String(now + 3600) +
        '\trunning\t2026-11-23 11:58:00 +0000 UTC\t127.0.0.1:49153->2376/tcp\n',
      now,
      'local-ab12'
    )
    expect(rows).toEqual([
      {
        name: 'docker-nest-ab12',
        run: 'local-ab12',
        state: 'running',
        ageSeconds: 120,
        expiresInSeconds: 3600,
        mode: 'dind',
        endpoint: 'tcp://127.0.0.1:49153 (TLS)',
        current: true
      }
    ])
  })

  it('shows a plain endpoint and no endpoint', () => {
    expect(endpointOf('127.0.0.1:40000->2375/tcp')).toBe(
      'tcp://127.0.0.1:40000 (plain)'
    )
    expect(endpointOf('')).toBe('-')
  })
})
