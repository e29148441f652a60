import { describe, expect, it } from '@jest/globals'
import {
  DockerCommandError,
  captureHostDockerEnv,
  envForHostDaemon
} from '../../../../src/engine/docker/cli.js'

describe('envForHostDaemon', () => {
  const base = {
    PATH: '/usr/bin',
    DOCKER_HOST: 'tcp://127.0.0.1:2376',
    DOCKER_TLS_VERIFY: '1',
    DOCKER_CONTENT_TRUST: '1'
  }

  it("points the client at the runner's daemon, not at the nest a step exported", () => {
    const host = captureHostDockerEnv({ DOCKER_HOST: 'unix:///run/d.sock' })
    const env = envForHostDaemon(host, base)
    expect(env.DOCKER_HOST).toBe('unix:///run/d.sock')
    expect(env).not.toHaveProperty('DOCKER_TLS_VERIFY')
    expect(env.PATH).toBe('/usr/bin')
  })

  it("keeps the user's content trust setting (a signed sidecar image stays required)", () => {
    const env = envForHostDaemon(captureHostDockerEnv({}), base)
    expect(env.DOCKER_CONTENT_TRUST).toBe('1')
    expect(
      envForHostDaemon(captureHostDockerEnv({}), { PATH: '/usr/bin' })
    ).not.toHaveProperty('DOCKER_CONTENT_TRUST')
  })
})

describe('DockerCommandError', () => {
  it('names a multi-line argument (the start script) instead of printing it', () => {
    const error = new DockerCommandError(
      ['run', '--name', 'x', 'image', '-c', 'set -eu\necho a\necho b'],
      125,
      'Unable to find image\npull access denied'
    )
    expect(error.message).toBe(
      'docker run --name x image -c <3-line script> failed (exit 125): ' +
        'Unable to find image\npull access denied'
    )
  })
})
