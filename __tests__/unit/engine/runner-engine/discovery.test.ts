import { afterAll, describe, expect, it } from '@jest/globals'
import {
  discoverRunnerEngine,
  readOnlyBinds
} from '../../../../src/engine/runner-engine/discovery.js'
import {
  forbiddenIn,
  isWithin,
  NEVER_BOUND
} from '../../../../src/engine/runner-engine/mount-plan.js'
import type {
  RunnerEngine,
  RunnerEngineDiscovery,
  RunnerEngineUnavailable
} from '../../../../src/engine/runner-engine/types.js'
import {
  BIN,
  fakeRoot,
  merge,
  removeFakeRoots,
  RUNNER_SECRETS,
  UBUNTU,
  without,
  type FakeRootSpec
} from './fake-root.js'

afterAll(removeFakeRoots)

function discover(spec: FakeRootSpec): RunnerEngineDiscovery {
  return discoverRunnerEngine({ root: fakeRoot(merge(spec, RUNNER_SECRETS)) })
}

function available(spec: FakeRootSpec): RunnerEngine {
  const result = discover(spec)
  if (!result.available) throw new Error(`unavailable: ${result.message}`)
  return result
}

function unavailable(spec: FakeRootSpec): RunnerEngineUnavailable {
  const result = discover(spec)
  if (result.available) throw new Error(`available: ${JSON.stringify(result)}`)
  return result
}

/** No bind may show the runner daemon's state, config, sockets or keys. */
function expectNothingForbidden(engine: RunnerEngine): void {
  for (const bind of engine.binds) {
    expect([bind, forbiddenIn(bind)]).toEqual([bind, undefined])
    for (const bad of NEVER_BOUND) expect(isWithin(bad, bind)).toBe(false)
  }
}

describe('discoverRunnerEngine on a merged-/usr Debian or Ubuntu runner', () => {
  const engine = available(UBUNTU)

  it('finds the engine where PATH would', () => {
    expect(engine.paths).toEqual({
      dockerd: '/usr/bin/dockerd',
      containerd: '/usr/bin/containerd',
      containerdShim: '/usr/bin/containerd-shim-runc-v2',
      runc: '/usr/bin/runc',
      iptables: '/usr/sbin/iptables',
      shell: '/usr/bin/sh',
      init: '/usr/bin/docker-init',
      proxy: '/usr/bin/docker-proxy',
      ip6tables: '/usr/sbin/ip6tables',
      modprobe: '/usr/sbin/modprobe'
    })
  })

  it('binds /usr, the alternatives the iptables links go through, and the certificates; nothing else', () => {
    expect(engine.binds).toEqual([
      '/etc/alternatives',
      '/etc/ssl/certs',
      '/usr'
    ])
    expect(readOnlyBinds(engine)).toEqual([
      '/etc/alternatives:/etc/alternatives:ro',
      '/etc/ssl/certs:/etc/ssl/certs:ro',
      '/usr:/usr:ro'
    ])
    expectNothingForbidden(engine)
  })

  it('carries the merged-/usr links in the root image instead of binding them', () => {
    expect(engine.links).toEqual([
      { path: '/bin', target: 'usr/bin' },
      { path: '/lib', target: 'usr/lib' },
      { path: '/lib64', target: 'usr/lib64' },
      { path: '/sbin', target: 'usr/sbin' }
    ])
  })

  it('keeps the default PATH, names the CA bundle and warns about nothing', () => {
    expect(engine.searchPath).toBe(
      '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin'
    )
    expect(engine.caBundle).toBe('/etc/ssl/certs/ca-certificates.crt')
    expect(engine.warnings).toEqual([])
  })

  it('gives the same answer every time', () => {
    expect(available(UBUNTU)).toEqual(engine)
  })
})

/** RHEL 7 / Debian 10 style: /bin, /sbin, /lib, /lib64 are real directories. */
const NON_MERGED: FakeRootSpec = {
  files: {
    '/usr/bin/dockerd': BIN,
    '/usr/bin/containerd': BIN,
    '/usr/bin/containerd-shim-runc-v2': BIN,
    '/usr/sbin/runc': BIN,
    '/usr/bin/docker-init': BIN,
    '/usr/bin/docker-proxy': BIN,
    '/bin/sh': BIN,
    '/sbin/iptables': BIN,
    '/sbin/ip6tables': BIN,
    '/sbin/modprobe': BIN,
    '/lib64/ld-linux-x86-64.so.2': BIN,
    '/lib/x86_64-linux-gnu/libc.so.6': BIN,
    '/lib/modules/4.19.0-27-amd64/modules.dep': { content: '', mode: 0o644 },
    '/etc/ssl/certs/ca-certificates.crt': { content: 'pem', mode: 0o644 }
  },
  dirs: ['/usr/lib', '/usr/share']
}

describe('discoverRunnerEngine on a runner without merged /usr', () => {
  const engine = available(NON_MERGED)

  it('binds each real system tree and carries no links', () => {
    expect(engine.binds).toEqual([
      '/bin',
      '/etc/ssl/certs',
      '/lib',
      '/lib64',
      '/sbin',
      '/usr'
    ])
    expect(engine.links).toEqual([])
    expectNothingForbidden(engine)
  })

  it('finds iptables and modprobe in /sbin, and the modules through the /lib bind', () => {
    expect(engine.paths.iptables).toBe('/sbin/iptables')
    expect(engine.paths.modprobe).toBe('/sbin/modprobe')
    expect(engine.paths.shell).toBe('/bin/sh')
    expect(engine.warnings).toEqual([])
  })
})

describe('discoverRunnerEngine on a Fedora or RHEL runner (moby-engine)', () => {
  const FEDORA = merge(
    without(
      UBUNTU,
      '/usr/bin/dockerd',
      '/usr/bin/docker-init',
      '/usr/bin/docker-proxy'
    ),
    {
      files: {
        '/usr/libexec/docker/dockerd': BIN,
        '/usr/libexec/docker/docker-init': BIN,
        '/usr/libexec/docker/docker-proxy': BIN,
        '/etc/pki/ca-trust/extracted/pem/tls-ca-bundle.pem': {
          content: 'pem',
          mode: 0o644
        },
        '/etc/pki/tls/private/localhost.key': { content: 'key', mode: 0o600 }
      },
      links: {
        '/etc/pki/tls/certs/ca-bundle.crt':
          '/etc/pki/ca-trust/extracted/pem/tls-ca-bundle.pem',
        '/etc/ssl/certs': '../pki/tls/certs'
      }
    }
  )
  // Fedora has no /etc/ssl/certs directory of its own: drop Ubuntu's.
  const spec = without(
    FEDORA,
    '/etc/ssl/certs/ca-certificates.crt',
    '/etc/ssl/certs/ISRG_Root_X1.pem'
  )
  const engine = available(spec)

  it('finds dockerd and its helpers in /usr/libexec/docker and puts that directory on the nest’s PATH', () => {
    expect(engine.paths.dockerd).toBe('/usr/libexec/docker/dockerd')
    expect(engine.paths.init).toBe('/usr/libexec/docker/docker-init')
    expect(engine.paths.proxy).toBe('/usr/libexec/docker/docker-proxy')
    expect(engine.searchPath.split(':').at(-1)).toBe('/usr/libexec/docker')
  })

  it('binds the certificate directories, not /etc/pki (private keys), and links /etc/ssl/certs', () => {
    expect(engine.caBundle).toBe('/etc/pki/tls/certs/ca-bundle.crt')
    expect(engine.binds).toEqual([
      '/etc/alternatives',
      '/etc/pki/ca-trust/extracted/pem',
      '/etc/pki/tls/certs',
      '/usr'
    ])
    expect(engine.links).toContainEqual({
      path: '/etc/ssl/certs',
      target: '../pki/tls/certs'
    })
    expectNothingForbidden(engine)
  })
})

describe('discoverRunnerEngine follows links into other trees', () => {
  it('binds the directory a linked dockerd really lives in', () => {
    const engine = available(
      merge(without(UBUNTU, '/usr/bin/dockerd'), {
        files: { '/opt/moby/bin/dockerd': BIN },
        links: { '/usr/local/bin/dockerd': '../../../opt/moby/bin/dockerd' }
      })
    )
    expect(engine.paths.dockerd).toBe('/usr/local/bin/dockerd')
    expect(engine.binds).toContain('/opt/moby/bin')
    expectNothingForbidden(engine)
  })

  it('covers the interpreter a program needs (its #! line or ELF loader)', () => {
    const engine = available(
      merge(UBUNTU, {
        files: {
          '/usr/bin/runc': '#!/opt/wrappers/bin/run\n',
          '/opt/wrappers/bin/run': BIN
        }
      })
    )
    expect(engine.binds).toContain('/opt/wrappers/bin')
  })

  it('refuses a program whose interpreter is missing', () => {
    const result = unavailable(
      merge(UBUNTU, {
        files: { '/usr/bin/runc': '#!/lib/ld-musl-x86_64.so.1\n' }
      })
    )
    expect(result.reason).toBe('incomplete')
    expect(result.missing).toEqual([
      '/lib/ld-musl-x86_64.so.1 (the interpreter /usr/bin/runc needs)'
    ])
  })

  it('refuses an engine that only a forbidden bind would reach, naming the path', () => {
    const result = unavailable(
      merge(without(UBUNTU, '/usr/bin/dockerd'), {
        files: { '/home/ci/bin/dockerd': BIN },
        links: { '/usr/local/bin/dockerd': '/home/ci/bin/dockerd' }
      })
    )
    expect(result.reason).toBe('unbindable')
    expect(result.message).toContain(
      '/usr/local/bin/dockerd (really /home/ci/bin/dockerd) would need a bind of /home/ci/bin, which exposes /home'
    )
  })
})

describe('discoverRunnerEngine warns about optional programs', () => {
  it('leaves out an optional program only a forbidden bind would reach', () => {
    const engine = available(
      merge(without(UBUNTU, '/usr/bin/docker-proxy'), {
        files: { '/home/ci/docker-proxy': BIN },
        links: { '/usr/bin/docker-proxy': '/home/ci/docker-proxy' }
      })
    )
    expect(engine.paths.proxy).toBeUndefined()
    expect(engine.binds).toEqual(available(UBUNTU).binds)
    expect(engine.warnings.slice(0, 2)).toEqual([
      '/usr/bin/docker-proxy is left out: /usr/bin/docker-proxy (really /home/ci/docker-proxy) would need a bind of /home/ci, which exposes /home.',
      'No docker-proxy: publishing ports inside the nest (`docker run -p`) fails unless dockerd runs with --userland-proxy=false.'
    ])
  })

  it('warns when Docker is a snap as well', () => {
    const engine = available(
      merge(UBUNTU, { links: { '/snap/bin/docker': '/usr/bin/snap' } })
    )
    expect(engine.warnings).toEqual([
      "Docker is also installed as a snap (/snap/bin/docker): the runner's daemon may be the snap's, while the nest runs /usr/bin/dockerd."
    ])
  })

  it('names tini as the init, and the missing docker-proxy, ip6tables and modules', () => {
    const engine = available(
      merge(
        without(
          UBUNTU,
          '/usr/bin/docker-init',
          '/usr/bin/docker-proxy',
          '/usr/sbin/ip6tables',
          '/usr/lib/modules/6.8.0-1017-azure/modules.dep'
        ),
        { files: { '/usr/bin/tini': BIN } }
      )
    )
    expect(engine.paths.init).toBe('/usr/bin/tini')
    expect(engine.warnings).toEqual([
      'No docker-init; tini is at /usr/bin/tini: pass dockerd --init-path=/usr/bin/tini for `docker run --init`.',
      'No docker-proxy: publishing ports inside the nest (`docker run -p`) fails unless dockerd runs with --userland-proxy=false.',
      'No ip6tables: IPv6 networks inside the nest get no firewall rules; start dockerd with --ip6tables=false.',
      "No /lib/modules: the nest can only use kernel modules already loaded (the runner's dockerd loads bridge, overlay and netfilter ones)."
    ])
  })

  it('warns when there are no CA certificates', () => {
    const engine = available(
      without(
        UBUNTU,
        '/etc/ssl/certs/ca-certificates.crt',
        '/etc/ssl/certs/ISRG_Root_X1.pem'
      )
    )
    expect(engine.caBundle).toBeUndefined()
    expect(engine.warnings.join('\n')).toMatch(
      /^No CA certificates \(looked for \/etc\/ssl\/certs\/ca-certificates.crt, /m
    )
  })
})
