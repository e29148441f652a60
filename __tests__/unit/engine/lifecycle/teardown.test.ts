import { describe, expect, it } from '@jest/globals'
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  symlinkSync,
  writeFileSync
} from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { cliClient } from '../../../../src/engine/docker/cli-client.js'
import type {
  DockerCli,
  DockerResult
} from '../../../../src/engine/docker/cli.js'
import type { Resources } from '../../../../src/engine/lifecycle/resources.js'
import { teardown } from '../../../../src/engine/lifecycle/teardown.js'
import type { Logger } from '../../../../src/engine/types.js'

const runId = '42-1-abcd1234'
const record: Resources = {
  version: 1,
  runId,
  hostDocker: {
    DOCKER_HOST: null,
    DOCKER_TLS_VERIFY: null,
    DOCKER_CERT_PATH: null,
    DOCKER_CONTEXT: null
  },
  container: 'docker-nest-abcd1234',
  volume: 'docker-nest-abcd1234-data'
}

const ok = (stdout = ''): DockerResult => ({ exitCode: 0, stdout, stderr: '' })
const fail = (stderr: string): DockerResult => ({
  exitCode: 1,
  stdout: '',
  stderr
})
/** What `docker inspect` prints for a container, as far as teardown reads it. */
const container = (run: string, running = true) =>
  ok(
    JSON.stringify([
      {
        Id: 'c0ffee',
        State: { Running: running },
        Config: { Labels: { 'docker-nest.run': run }, Env: [] }
      }
    ])
  )
/** What `docker volume inspect` prints. */
const volume = (name: string, labels: Record<string, string> | null) =>
  ok(JSON.stringify([{ Name: name, Labels: labels }]))
const NO_CONTAINER = fail('Error: No such container: docker-nest-abcd1234')
const NO_VOLUME = fail('Error response from daemon: get x: no such volume')

/**
 * The one client over a docker CLI that answers `inspect` and `volume
 * inspect` as given, every other command with success, and records each
 * call.
 */
function fakeDocker(answers: { inspect: DockerResult; volume: DockerResult }) {
  const calls: string[] = []
  const tryExec = async (args: string[]): Promise<DockerResult> => {
    const call = args.filter((arg) => !arg.includes('{{')).join(' ')
    calls.push(call)
    if (args[0] === 'inspect') return answers.inspect
    if (args[0] === 'volume' && args[1] === 'inspect') return answers.volume
    return ok()
  }
  return { docker: cliClient({ tryExec } as unknown as DockerCli), calls }
}

function logger(): Logger & { warnings: string[] } {
  const warnings: string[] = []
  return {
    warnings,
    info: () => undefined,
    debug: () => undefined,
    warning: (message) => warnings.push(message),
    group: (_title, fn) => fn()
  }
}

describe('teardown', () => {
  it("stops and removes this run's container by id, then its volume", async () => {
    const { docker, calls } = fakeDocker({
      inspect: container(runId),
      volume: volume(record.volume!, { 'docker-nest.run': runId })
    })
    const log = logger()
    const report = await teardown(record, docker, log)
    expect(calls).toEqual([
      'volume inspect docker-nest-abcd1234-data',
      'inspect --type container docker-nest-abcd1234',
      'kill --signal TERM c0ffee',
      'wait c0ffee',
      'rm --force --volumes c0ffee',
      'volume rm --force docker-nest-abcd1234-data'
    ])
    expect(report).toEqual({
      removed: [
        'container docker-nest-abcd1234',
        'volume docker-nest-abcd1234-data'
      ],
      warnings: [],
      skipped: []
    })
    expect(log.warnings).toEqual([])
  })

  it('neither stops nor removes a container or volume of another run, and says so', async () => {
    const { docker, calls } = fakeDocker({
      inspect: container('7-1-abcd1234'),
      volume: volume(record.volume!, null)
    })
    const log = logger()
    const report = await teardown(record, docker, log)
    expect(calls.filter((call) => !call.includes('inspect'))).toEqual([])
    expect(report).toEqual({
      removed: [],
      warnings: [],
      skipped: [
        'container docker-nest-abcd1234',
        'volume docker-nest-abcd1234-data'
      ]
    })
    expect(log.warnings).toEqual([
      "Leaving container docker-nest-abcd1234: it carries docker-nest.run=7-1-abcd1234, not this run's 42-1-abcd1234.",
      "Leaving volume docker-nest-abcd1234-data: it carries docker-nest.run=(none), not this run's 42-1-abcd1234."
    ])
  })

  it('never removes a cache volume, even one a record names and labels as this run', async () => {
    // Older versions named cache 'data' docker-nest-cache-data, which is
    // also the data volume of a run id ending in '-cache': only the label
    // tells them apart.
    const cacheRecord = {
      ...record,
      runId: '42-1-cache',
      container: undefined,
      volume: 'docker-nest-cache-data'
    }
    const { docker, calls } = fakeDocker({
      inspect: NO_CONTAINER,
      volume: volume('docker-nest-cache-data', {
        'docker-nest.run': '42-1-cache',
        'docker-nest.cache': 'data'
      })
    })
    const log = logger()
    const report = await teardown(cacheRecord, docker, log)
    expect(calls).toEqual(['volume inspect docker-nest-cache-data'])
    expect(report.skipped).toEqual(['volume docker-nest-cache-data'])
    expect(log.warnings).toEqual([
      'Leaving volume docker-nest-cache-data: it carries docker-nest.cache=data, and a cache outlives every run.'
    ])
  })

  it('is quiet about what is already gone', async () => {
    const { docker, calls } = fakeDocker({
      inspect: NO_CONTAINER,
      volume: NO_VOLUME
    })
    const log = logger()
    const report = await teardown(record, docker, log)
    expect(calls).toHaveLength(2)
    expect(report).toEqual({ removed: [], warnings: [], skipped: [] })
    expect(log.warnings).toEqual([])
  })

  it('removes a stopped container without signalling it', async () => {
    const { docker, calls } = fakeDocker({
      inspect: container(runId, false),
      volume: NO_VOLUME
    })
    const report = await teardown(record, docker, logger())
    expect(calls.slice(2)).toEqual(['rm --force --volumes c0ffee'])
    expect(report.removed).toEqual(['container docker-nest-abcd1234'])
  })

  it('warns, and removes nothing, when the daemon cannot say whose a container is', async () => {
    const { docker, calls } = fakeDocker({
      inspect: fail('Cannot connect to the Docker daemon'),
      volume: NO_VOLUME
    })
    const report = await teardown(record, docker, logger())
    expect(calls).toHaveLength(2)
    expect(report.warnings).toEqual([
      'Could not check container docker-nest-abcd1234 (Cannot connect to the Docker daemon); remove it with: docker rm -f -v docker-nest-abcd1234'
    ])
  })

  it('deletes a symlink in the cert dir’s place, never what it points to', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'teardown-'))
    const elsewhere = join(dir, 'elsewhere')
    mkdirSync(elsewhere)
    writeFileSync(join(elsewhere, 'keep'), 'x')
    const certDir = join(dir, 'docker-nest-certs-x')
    symlinkSync(elsewhere, certDir)
    const { docker } = fakeDocker({ inspect: NO_CONTAINER, volume: NO_VOLUME })
    await teardown({ ...record, certDir }, docker, logger())
    expect(existsSync(certDir)).toBe(false)
    expect(existsSync(join(elsewhere, 'keep'))).toBe(true)
  })
})
