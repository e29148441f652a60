import { describe, expect, test } from '@jest/globals'
import { assertLinux } from '../../../src/action/main.js'

describe('assertLinux', () => {
  test.each(['win32', 'darwin'])(
    '[%#] refuses %s with the way out',
    (platform) => {
      expect(() => assertLinux(platform)).toThrow(
        `docker-nest needs a Linux runner; this one is ${platform}. Run the job on 'ubuntu-latest' or a Linux self-hosted runner.`
      )
    }
  )

  test('accepts linux', () => {
    expect(() => assertLinux('linux')).not.toThrow()
  })
})
