import { afterAll, describe, expect, it } from '@jest/globals'
import {
  forbiddenIn,
  isWithin,
  MountPlan
} from '../../../../src/engine/runner-engine/mount-plan.js'
import {
  BIN,
  fakeRoot,
  MERGED_USR,
  merge,
  removeFakeRoots
} from './fake-root.js'

afterAll(removeFakeRoots)

describe('forbiddenIn', () => {
  it.each([
    ['/usr', undefined],
    ['/etc/alternatives', undefined],
    ['/etc/ssl/certs', undefined],
    ['/etc/pki/tls/certs', undefined],
    ['/opt/moby/bin', undefined],
    ['/', '/'],
    ['/etc', '/etc/docker'],
    ['/etc/ssl', '/etc/ssl/private'],
    ['/etc/pki', '/etc/pki/tls/private'],
    ['/var', '/var/lib/docker'],
    ['/var/lib', '/var/lib/docker'],
    ['/var/lib/docker/overlay2', '/var/lib/docker'],
    ['/run/containerd', '/run'],
    ['/var/run', '/var/run'],
    ['/home/runner/bin', '/home'],
    ['/snap/docker/current/bin', '/snap']
  ])('[%#] a bind of %s exposes %s', (dir, expected) => {
    expect(forbiddenIn(dir)).toBe(expected)
  })

  it('compares whole path components', () => {
    expect(isWithin('/usr/lib', '/usr')).toBe(true)
    expect(isWithin('/usr', '/usr')).toBe(true)
    expect(isWithin('/usrlocal', '/usr')).toBe(false)
    expect(forbiddenIn('/running')).toBeUndefined()
  })
})

describe('MountPlan', () => {
  const root = fakeRoot(
    merge(MERGED_USR, {
      files: {
        '/home/ci/tool': BIN,
        '/usr/bin/ok': BIN,
        '/opt/a/b/deep': BIN,
        '/opt/a/top': BIN
      },
      links: {
        '/usr/sbin/tool': '/etc/alternatives/tool',
        '/etc/alternatives/tool': '/home/ci/tool'
      }
    })
  )

  it('adds nothing for a path it refuses, not even the binds of the links on its way', () => {
    const plan = new MountPlan(root)
    plan.addSystemTrees()
    const before = { binds: plan.binds, links: plan.links }
    expect(plan.cover('/usr/sbin/tool')).toEqual({
      path: '/usr/sbin/tool',
      real: '/home/ci/tool',
      bind: '/home/ci',
      forbidden: '/home'
    })
    expect({ binds: plan.binds, links: plan.links }).toEqual(before)
  })

  it('ignores a missing path and keeps only the outermost of nested binds', () => {
    const plan = new MountPlan(root)
    expect(plan.cover('/usr/bin/missing')).toBeUndefined()
    expect(plan.binds).toEqual([])
    plan.cover('/opt/a/b/deep')
    plan.cover('/opt/a/top')
    plan.cover('/usr/bin/ok')
    expect(plan.binds).toEqual(['/opt/a', '/usr/bin'])
  })
})
