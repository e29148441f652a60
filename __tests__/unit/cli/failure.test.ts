import { describe, expect, it, test } from '@jest/globals'
import { InputError } from '../../../src/engine/options/config.js'
import { DockerCommandError } from '../../../src/engine/docker/cli.js'
import {
  evalGuard,
  exitCodeOf,
  failureMessage
} from '../../../src/cli/failure.js'
import { UsageError } from '../../../src/cli/usage.js'

describe('evalGuard', () => {
  test.each<[string[], number, boolean, string | undefined]>([
    [['up'], 1, false, '(exit 1) # docker-nest up failed (exit 1)'],
    [['up', '--tsl'], 2, false, '(exit 2) # docker-nest up failed (exit 2)'],
    [
      ['env', '--format=sh'],
      1,
      false,
      '(exit 1) # docker-nest env failed (exit 1)'
    ],
    [
      ['up', '--format', 'fish'],
      1,
      false,
      'false # docker-nest up failed (exit 1)'
    ],
    [
      ['up', '--format=fish'],
      1,
      false,
      'false # docker-nest up failed (exit 1)'
    ],
    [['up', '--format', 'json'], 1, false, undefined],
    [['up', '--format', 'dotenv'], 1, false, undefined],
    [['up', '--format', 'github'], 1, false, undefined],
    [['up'], 0, false, undefined],
    [['up'], 1, true, undefined],
    [['status'], 1, false, undefined],
    [['down'], 1, false, undefined],
    [[], 2, false, undefined]
  ])(
    '[%#] %j exit %d (stdout a terminal: %s) prints %j',
    (argv, code, tty, line) => {
      expect(evalGuard(argv, code, tty)).toBe(line)
    }
  )
})

describe('failureMessage', () => {
  const ps = [
    'ps',
    '--all',
    '--format',
    '{{.Names}}\t{{.Label "docker-nest.run"}}'
  ]
  test.each([
    'Cannot connect to the Docker daemon at unix:///var/run/docker.sock. Is the docker daemon running?',
    'error during connect: Get "http://%2Fvar%2Frun%2Fdocker.sock/v1.47/containers/json": open //./pipe/docker_engine: The system cannot find the file specified.',
    'permission denied while trying to connect to the Docker daemon socket at unix:///var/run/docker.sock: Get …: dial unix /var/run/docker.sock: connect: permission denied'
  ])(
    '[%#] a daemon that does not answer is said without the docker command',
    (stderr) => {
      const message = failureMessage(
        new DockerCommandError(ps, 1, stderr),
        false
      )
      expect(message).toMatch(/^The runner's Docker daemon does not answer: /)
      expect(message).toContain(stderr)
      expect(message).toContain("'docker-nest doctor' checks the host")
      expect(message).not.toContain('{{')
      expect(message).not.toContain('docker ps')
    }
  )

  it('keeps the docker command with --debug, and for other failures', () => {
    const down = new DockerCommandError(
      ps,
      1,
      'Cannot connect to the Docker daemon at x.'
    )
    expect(failureMessage(down, true)).toContain('docker ps --all')
    const other = new DockerCommandError(['rm', 'x'], 1, 'No such container: x')
    expect(failureMessage(other, false)).toContain('docker rm x failed')
  })

  it('maps usage and input errors to 2, the rest to 1', () => {
    expect(exitCodeOf(new UsageError('x'))).toBe(2)
    expect(exitCodeOf(new InputError(['x']))).toBe(2)
    expect(exitCodeOf(new Error('x'))).toBe(1)
    expect(exitCodeOf('thrown string')).toBe(1)
  })
})
