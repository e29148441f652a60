import { describe, expect, test } from '@jest/globals'
import {
  InputError,
  parseInputs,
  type RawInputs
} from '../../../../src/engine/options/config.js'

const SHA = 'ab'.repeat(32)

/** The problems parseInputs reports for these inputs ([] when it accepts them). */
function problemsFor(inputs: RawInputs): string[] {
  try {
    parseInputs(inputs)
    return []
  } catch (error) {
    expect(error).toBeInstanceOf(InputError)
    return (error as InputError).problems
  }
}

describe('context input', () => {
  test('passes a docker context name on to the clients', () => {
    expect(parseInputs({ context: 'nest-1' }).clients.context).toBe('nest-1')
  })

  test.each(['default', 'x', '-nest', 'my nest'])(
    "[%#] refuses '%s', which docker does not take as a context name",
    (name) => {
      expect(problemsFor({ context: name })).toEqual([
        "Input 'context' must be a docker context name (letters, digits and " +
          `'_.+-', at least 2 characters, not 'default'), got '${name}'.`
      ])
    }
  )
})

describe('docker-cli inputs that would let an unchecked CLI in', () => {
  test.each<[RawInputs]>([
    [{ 'docker-cli-url': 'https://mirror.example/static' }],
    [{ 'docker-cli-url': 'http://127.0.0.1:8080/static' }],
    [{ 'docker-cli-url': 'http://127.10.0.1/static' }],
    [{ 'docker-cli-url': 'http://localhost:8080/static' }],
    [{ 'docker-cli-url': 'http://[::1]:8080/static' }],
    [
      {
        'docker-cli-url': 'http://mirror.example/static',
        'docker-cli-version': '28.5.2',
        'docker-cli-sha256': SHA
      }
    ]
  ])('[%#] accepts %o', (inputs) => {
    expect(problemsFor(inputs)).toEqual([])
  })

  test('refuses plain http to another host without a pinned digest', () => {
    expect(
      problemsFor({ 'docker-cli-url': 'http://mirror.example/static/' })
    ).toEqual([
      "Input 'docker-cli-url' must be https, got " +
        "'http://mirror.example/static': over plain http anyone on the path " +
        'can swap the tarball and its .sha256 file. Use https, or pin the ' +
        "tarball with input 'docker-cli-sha256' (plain http is also " +
        'accepted for localhost, 127.0.0.0/8 and [::1]).'
    ])
  })

  test.each([
    'http://127.0.0.1.nip.io/static',
    'http://localhost.example/static',
    'http://10.0.0.1/static',
    'http://192.168.1.10/static'
  ])('[%#] counts %s as another host', (url) => {
    expect(problemsFor({ 'docker-cli-url': url })).toEqual([
      expect.stringContaining("Input 'docker-cli-url' must be https")
    ])
  })

  test('never repeats a password from the URL it refuses', () => {
    const problems = problemsFor({
      'docker-cli-url': 'http://user:s3cr3t@mirror.example/static'
    })
    expect(problems).toEqual([
      expect.stringContaining("got 'http://mirror.example/static'")
    ])
    expect(problems.join('\n')).not.toContain('s3cr3t')
  })

  test('refuses a digest without a version, which would leave the CLI on PATH unchecked', () => {
    expect(problemsFor({ 'docker-cli-sha256': SHA })).toEqual([
      "Input 'docker-cli-sha256' pins the tarball of one release, so set " +
        "input 'docker-cli-version' too (e.g. '29.0.0'); without it the " +
        'docker CLI on PATH is used unchecked.'
    ])
  })

  test('reports a malformed digest once, not also as missing a version', () => {
    expect(problemsFor({ 'docker-cli-sha256': 'abc' })).toEqual([
      "Input 'docker-cli-sha256' must be 64 hex digits, got 'abc'."
    ])
  })
})
