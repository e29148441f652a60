import { describe, expect, test } from '@jest/globals'
import {
  namesById,
  permissionMessage,
  resolveSocket,
  type SocketEnv
} from '../../../../src/engine/dood/socket.js'

function env(existing: string[], extra: Partial<SocketEnv> = {}): SocketEnv {
  return { exists: (path) => existing.includes(path), ...extra }
}

describe('resolveSocket', () => {
  test.each<[string, string, SocketEnv, string, string]>([
    [
      'input wins',
      '/x.sock',
      env(['/var/run/docker.sock'], { dockerHost: 'unix:///y.sock' }),
      '/x.sock',
      "input 'socket'"
    ],
    [
      'a unix DOCKER_HOST',
      '',
      env(['/var/run/docker.sock'], { dockerHost: 'unix:///y.sock' }),
      '/y.sock',
      'DOCKER_HOST'
    ],
    [
      'a tcp DOCKER_HOST is skipped',
      '',
      env(['/var/run/docker.sock'], { dockerHost: 'tcp://1.2.3.4:2376' }),
      '/var/run/docker.sock',
      'default'
    ],
    [
      'the default socket',
      '',
      env(['/var/run/docker.sock'], { xdgRuntimeDir: '/run/user/1000' }),
      '/var/run/docker.sock',
      'default'
    ],
    [
      'the rootless socket',
      '',
      env(['/run/user/1000/docker.sock'], { xdgRuntimeDir: '/run/user/1000' }),
      '/run/user/1000/docker.sock',
      'rootless'
    ]
  ])('[%#] %s', (_title, input, socketEnv, path, source) => {
    expect(resolveSocket(input, socketEnv)).toEqual({ path, source })
  })

  test('says what it tried when there is no socket', () => {
    expect(() =>
      resolveSocket(
        '',
        env([], { xdgRuntimeDir: '/run/user/1000', dockerHost: 'tcp://h:2375' })
      )
    ).toThrow(
      'No Docker socket found: tried /var/run/docker.sock, /run/user/1000/docker.sock ' +
        '(DOCKER_HOST=tcp://h:2375 is not a unix socket, so it was not used).'
    )
  })
})

describe('permissionMessage', () => {
  test('names owner, group, mode, the user and their groups, and the fixes', () => {
    const message = permissionMessage({
      path: '/var/run/docker.sock',
      uid: 0,
      gid: 105,
      mode: 0o660,
      userUid: 1001,
      userGroups: [1001, 4],
      users: namesById(
        'root:x:0:0::/root:/bin/sh\nrunner:x:1001:1001::/home/runner:/bin/bash'
      ),
      groups: namesById('docker:x:105:\nrunner:x:1001:\nadm:x:4:syslog')
    })
    expect(message).toContain(
      'Permission denied on the Docker socket /var/run/docker.sock: it is owned by ' +
        'user root (0), group docker (105), mode 0660, and this step runs as ' +
        'user runner (1001) in groups runner (1001), adm (4).'
    )
    expect(message).toContain('sudo usermod -aG docker <runner user>')
    expect(message).toContain('options: --group-add 105')
    expect(message).toContain('does not change the permissions')
  })
})
