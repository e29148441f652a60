import { describe, expect, it } from '@jest/globals'
import {
  chmodSync,
  chownSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  statSync,
  symlinkSync,
  writeFileSync
} from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { writeNestFile } from '../../../src/cli/nest-file.js'
import {
  StateDirError,
  fileRecorder,
  readStateFile,
  resolveStateDir
} from '../../../src/cli/state-file.js'
import type { Resources } from '../../../src/engine/lifecycle/resources.js'

function fresh(): string {
  return mkdtempSync(join(tmpdir(), 'state-file-'))
}

function record(stateDir: string): Resources {
  return {
    version: 1,
    runId: 'local-abcd1234',
    hostDocker: {
      DOCKER_HOST: null,
      DOCKER_TLS_VERIFY: null,
      DOCKER_CERT_PATH: null,
      DOCKER_CONTEXT: null
    },
    container: 'docker-nest-abcd1234',
    volume: 'docker-nest-abcd1234-data',
    certDir: join(stateDir, 'docker-nest-certs-Ab12_x')
  }
}

/** A file of someone else's that a planted symlink points at. */
function victim(): string {
  const file = join(fresh(), 'victim')
  writeFileSync(file, 'precious\n')
  return file
}

describe('the state file', () => {
  it('is written 0600 and read back, with no temp file left', async () => {
    const stateDir = join(fresh(), 'state')
    fileRecorder(stateDir).record(record(stateDir))
    expect(statSync(stateDir).mode & 0o777).toBe(0o700)
    expect(statSync(join(stateDir, 'nest.json')).mode & 0o777).toBe(0o600)
    expect(readdirSync(stateDir)).toEqual(['nest.json'])
    expect(await readStateFile(stateDir)).toEqual(record(stateDir))
  })

  it.each(['nest.json.tmp', 'nest.json'])(
    'never writes through a symlink planted as %s',
    async (planted) => {
      const stateDir = fresh()
      const target = victim()
      symlinkSync(target, join(stateDir, planted))
      fileRecorder(stateDir).record(record(stateDir))
      expect(readFileSync(target, 'utf8')).toBe('precious\n')
      expect(await readStateFile(stateDir)).toEqual(record(stateDir))
    }
  )

  it('never writes the nest file through a planted symlink either', () => {
    const stateDir = fresh()
    const target = victim()
    symlinkSync(target, join(stateDir, 'env.json.tmp'))
    writeNestFile(stateDir, {
      mode: 'dind',
      container: 'docker-nest-abcd1234',
      env: {},
      startedAt: 'now'
    })
    expect(readFileSync(target, 'utf8')).toBe('precious\n')
    expect(statSync(join(stateDir, 'env.json')).mode & 0o777).toBe(0o600)
  })

  it('refuses a record whose cert dir is not directly in the state dir', async () => {
    const stateDir = fresh()
    const elsewhere = {
      ...record(stateDir),
      certDir: join(fresh(), 'docker-nest-certs-x')
    }
    writeFileSync(join(stateDir, 'nest.json'), JSON.stringify(elsewhere))
    await expect(readStateFile(stateDir)).rejects.toThrow(
      "field 'certDir' has an unexpected value"
    )
  })

  it('is found under an absolute state dir, however --state-dir was spelt', () => {
    expect(resolveStateDir('rel/state')).toBe(resolve('rel/state'))
  })
})

describe('the state dir', () => {
  it('is refused when it is a symlink', async () => {
    const real = fresh()
    const link = join(fresh(), 'state')
    symlinkSync(real, link)
    expect(() => fileRecorder(link).record(record(link))).toThrow(StateDirError)
    expect(() => fileRecorder(link).record(record(link))).toThrow(
      `State dir ${link} is a symbolic link.`
    )
    await expect(readStateFile(link)).rejects.toThrow(/is a symbolic link/)
    expect(readdirSync(real)).toEqual([])
  })

  it('is refused when another user owns it', () => {
    const uid = process.getuid?.() ?? 0
    let stateDir = '/'
    if (uid === 0) {
      stateDir = fresh()
      chownSync(stateDir, 65534, 65534)
    }
    const owner = statSync(stateDir).uid
    expect(() => fileRecorder(stateDir).record(record(stateDir))).toThrow(
      `State dir ${stateDir} belongs to uid ${owner}, not to this user (uid ${uid}).`
    )
  })

  it('is refused when others may write to it', () => {
    const stateDir = join(fresh(), 'shared')
    mkdirSync(stateDir)
    chmodSync(stateDir, 0o1777)
    expect(() => fileRecorder(stateDir).record(record(stateDir))).toThrow(
      /is writable by other users \(mode 1777\)\. .* --state-dir/
    )
    expect(readdirSync(stateDir)).toEqual([])
  })
})
