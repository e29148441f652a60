import { afterAll, describe, expect, it } from '@jest/globals'
import {
  parseDockerdVersion,
  readDockerdVersion
} from '../../../../src/engine/runner-engine/version.js'
import { fakeRoot, removeFakeRoots } from './fake-root.js'

afterAll(removeFakeRoots)

describe('parseDockerdVersion', () => {
  it.each([
    ['Docker version 20.10.24+dfsg1, build 5d6db84\n', '20.10.24+dfsg1'],
    ['Docker version 28.5.2, build 3ef3c07\n', '28.5.2'],
    ['dockerd: unknown flag\n', undefined]
  ])('[%#] %j → %j', (output, expected) => {
    expect(parseDockerdVersion(output)).toBe(expected)
  })
})

describe('readDockerdVersion', () => {
  const root = fakeRoot({
    files: {
      '/ok': '#!/bin/sh\necho "Docker version 28.5.2, build 3ef3c07"\n',
      '/fails': '#!/bin/sh\necho "Docker version 28.5.2, build x"; exit 1\n',
      '/slow': '#!/bin/sh\nexec sleep 5\n'
    }
  })

  it('runs dockerd --version', async () => {
    expect(await readDockerdVersion(`${root}/ok`)).toBe('28.5.2')
  })

  it('is undefined when the program fails, is missing or is too slow', async () => {
    expect(await readDockerdVersion(`${root}/fails`)).toBeUndefined()
    expect(await readDockerdVersion(`${root}/missing`)).toBeUndefined()
    expect(await readDockerdVersion(`${root}/slow`, 100)).toBeUndefined()
  })
})
