import { describe, expect, test } from '@jest/globals'
import {
  buildProbeArgs,
  cachedProbe
} from '../../../../src/engine/lifecycle/auto.js'

describe('buildProbeArgs', () => {
  test('starts the image privileged, offline, labelled, removed on exit', () => {
    expect(buildProbeArgs('docker:29-dind', '42-1-ab-probe')).toEqual([
      'run',
      '--rm',
      '--privileged',
      '--network',
      'none',
      '--label',
      'docker-nest=true',
      '--label',
      'docker-nest.run=42-1-ab-probe',
      '--entrypoint',
      'true',
      'docker:29-dind'
    ])
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
