import { describe, expect, test } from '@jest/globals'
import { fingerprintOf, loadEarlyStart } from '../../../src/action/early.js'
import { reasonToWait } from '../../../src/action/pre.js'

const HOST = {
  DOCKER_HOST: null,
  DOCKER_TLS_VERIFY: null,
  DOCKER_CERT_PATH: null,
  DOCKER_CONTEXT: null
}

describe('reasonToWait', () => {
  test.each<[string, string | undefined, string, string | undefined]>([
    ['true', 'dind', 'linux', undefined],
    ['', 'auto', 'linux', undefined],
    ['false', 'dind', 'linux', 'early-start: false'],
    ['true', 'dood', 'linux', 'mode: dood has nothing to start'],
    [
      'true',
      undefined,
      'linux',
      'the inputs have a problem, which main reports'
    ],
    ['true', 'dind', 'darwin', 'not a Linux runner']
  ])(
    '[%#] early-start %s, mode %s on %s -> %s',
    (input, mode, platform, why) => {
      expect(reasonToWait(input, mode, platform)).toBe(why)
    }
  )
})

describe('fingerprintOf', () => {
  test('changes with any input and with the runner docker settings', () => {
    const base = fingerprintOf({ image: 'docker:29-dind' }, HOST)
    expect(fingerprintOf({ image: 'docker:29-dind' }, HOST)).toBe(base)
    expect(fingerprintOf({ image: 'docker:28-dind' }, HOST)).not.toBe(base)
    expect(
      fingerprintOf(
        { image: 'docker:29-dind' },
        { ...HOST, DOCKER_HOST: 'tcp://x:2376' }
      )
    ).not.toBe(base)
  })
})

describe('loadEarlyStart', () => {
  const good = {
    dir: '/runner/temp/docker-nest-early-abc',
    pid: 4242,
    identity: '4242:1:99',
    fingerprint: 'f'
  }

  test('reads what pre saved', () => {
    expect(loadEarlyStart(JSON.stringify(good), '/runner/temp')).toEqual(good)
  })

  test.each<[string, unknown]>([
    ['no state', undefined],
    ['not JSON', '{'],
    ['a dir outside RUNNER_TEMP', { ...good, dir: '/etc/docker-nest-early-x' }],
    ['a dir pre does not make', { ...good, dir: '/runner/temp/other' }],
    ['a nested dir', { ...good, dir: '/runner/temp/docker-nest-early-a/b' }],
    ['pid 1', { ...good, pid: 1 }],
    ['a pid that is not a number', { ...good, pid: '42' }],
    ['no identity', { ...good, identity: undefined }]
  ])('[%#] ignores %s', (_what, saved) => {
    const text =
      saved === undefined
        ? ''
        : typeof saved === 'string'
          ? saved
          : JSON.stringify(saved)
    expect(loadEarlyStart(text, '/runner/temp')).toBeUndefined()
  })
})
