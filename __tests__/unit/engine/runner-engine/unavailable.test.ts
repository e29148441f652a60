import { afterAll, describe, expect, it } from '@jest/globals'
import { discoverRunnerEngine } from '../../../../src/engine/runner-engine/discovery.js'
import type { RunnerEngineUnavailable } from '../../../../src/engine/runner-engine/types.js'
import {
  BIN,
  fakeRoot,
  merge,
  removeFakeRoots,
  UBUNTU,
  without,
  type FakeRootSpec
} from './fake-root.js'

afterAll(removeFakeRoots)

function unavailable(spec: FakeRootSpec): RunnerEngineUnavailable {
  const result = discoverRunnerEngine({ root: fakeRoot(spec) })
  if (result.available) throw new Error(`available: ${JSON.stringify(result)}`)
  return result
}

describe('discoverRunnerEngine explains a runner it cannot use', () => {
  it('[snap] Docker from a snap', () => {
    const result = unavailable({
      files: { '/snap/docker/2976/bin/dockerd': BIN, '/usr/bin/snap': BIN },
      links: {
        '/snap/bin/docker': '/usr/bin/snap',
        '/snap/docker/current': '2976'
      }
    })
    expect(result.reason).toBe('snap')
    expect(result.message).toContain('a snap (/snap/docker, /snap/bin/docker)')
    expect(result.message).toContain('Use a dind image')
  })

  it('[snap] a dockerd on PATH that is the snap’s', () => {
    const result = unavailable({
      files: { '/snap/docker/2976/bin/dockerd': BIN },
      links: { '/usr/local/bin/dockerd': '/snap/docker/2976/bin/dockerd' }
    })
    expect(result.reason).toBe('snap')
    expect(result.message).toContain('/usr/local/bin/dockerd')
  })

  it('[cli-only] a container job with only the docker CLI and a socket', () => {
    const result = unavailable({
      files: {
        '/usr/bin/docker': BIN,
        '/.dockerenv': { content: '', mode: 0o755 }
      }
    })
    expect(result.reason).toBe('cli-only')
    expect(result.message).toContain(
      'Only the docker CLI is here (/usr/bin/docker)'
    )
    expect(result.message).toContain('this is a container: /.dockerenv exists')
    expect(result.searched).toContain('/usr/libexec/docker')
  })

  it('[docker-desktop] Docker Desktop', () => {
    const result = unavailable({
      files: {
        '/usr/bin/docker': BIN,
        '/opt/docker-desktop/bin/com.docker.backend': BIN
      }
    })
    expect(result.reason).toBe('docker-desktop')
    expect(result.message).toContain('virtual machine')
  })

  it('[no-engine] no Docker at all', () => {
    const result = unavailable({ dirs: ['/usr/bin'] })
    expect(result.reason).toBe('no-engine')
    expect(result.message).toMatch(
      /^No Docker engine on this runner: no dockerd and no docker CLI in \/usr\/local\/sbin, /
    )
  })

  it('[incomplete] dockerd without containerd and runc', () => {
    const result = unavailable(
      without(UBUNTU, '/usr/bin/containerd', '/usr/bin/runc')
    )
    expect(result.reason).toBe('incomplete')
    expect(result.missing).toEqual([
      'containerd (dockerd runs containers through it)',
      'runc (the OCI runtime that creates the containers)'
    ])
    expect(result.message).toMatch(
      /^dockerd is at \/usr\/bin\/dockerd, but containerd \(.*\), runc \(.*\) are missing from \/usr\/local\/sbin, /
    )
  })

  it('[incomplete] a file named dockerd that is not executable does not count', () => {
    const result = unavailable(
      merge(without(UBUNTU, '/usr/bin/dockerd', '/usr/bin/docker'), {
        files: { '/usr/bin/dockerd': { content: BIN, mode: 0o644 } }
      })
    )
    expect(result.reason).toBe('no-engine')
  })
})
