import { describe, expect, it, test } from '@jest/globals'
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  statSync,
  writeFileSync
} from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import {
  contextDirs,
  contextId,
  createDockerContext,
  dockerConfigDir,
  parseContextRecord,
  removeDockerContext
} from '../../../src/action/docker-context.js'
import { contextNameProblem } from '../../../src/engine/options/clients.js'

/** A config dir and a cert dir with three fake PEM files. */
function fixture() {
  const root = mkdtempSync(join(tmpdir(), 'docker-context-'))
  const certs = join(root, 'certs')
  mkdirSync(certs)
  for (const file of ['ca.pem', 'cert.pem', 'key.pem']) {
    writeFileSync(join(certs, file), `${file} body\n`)
  }
  return { configDir: join(root, 'config'), certs }
}

function readJson(path: string): unknown {
  return JSON.parse(readFileSync(path, 'utf8'))
}

const HOST = 'tcp://127.0.0.1:32768'

describe('contextNameProblem', () => {
  test.each([[''], ['nest'], ['my-nest.1'], ['a_b+c'], ['N2']])(
    '[%#] accepts %p',
    (name) => {
      expect(contextNameProblem(name)).toBeUndefined()
    }
  )

  test.each([['default'], ['x'], ['-nest'], ['my nest'], ['a/b'], ['ü1']])(
    '[%#] refuses %p, naming the input and the value',
    (name) => {
      expect(contextNameProblem(name)).toBe(
        "Input 'context' must be a docker context name (letters, digits and " +
          `'_.+-', at least 2 characters, not 'default'), got '${name}'.`
      )
    }
  )
})

describe('dockerConfigDir', () => {
  it('follows DOCKER_CONFIG, else ~/.docker', () => {
    expect(dockerConfigDir({ DOCKER_CONFIG: '/cfg' }, '/home/u')).toBe('/cfg')
    expect(dockerConfigDir({}, '/home/u')).toBe('/home/u/.docker')
    expect(dockerConfigDir({ DOCKER_CONFIG: '' }, '/home/u')).toBe(
      '/home/u/.docker'
    )
  })
})

describe('createDockerContext', () => {
  it('writes the docker/cli store layout: meta.json and TLS files under sha256(name)', () => {
    const { configDir, certs } = fixture()
    createDockerContext({
      name: 'nest',
      configDir,
      host: HOST,
      certPath: certs,
      runId: '42-1-ab'
    })
    // sha256("nest") (printf nest | sha256sum), as `docker context create`
    // names the folders.
    const id =
      '75ef2e329bdb50d26a4ce73c2aaa567364e4ac5b5f79f7cf6d64b4cd547a863c'
    expect(contextId('nest')).toBe(id)
    const dirs = contextDirs(configDir, 'nest')
    expect(dirs.meta).toBe(join(configDir, 'contexts/meta', id))
    expect(dirs.tls).toBe(join(configDir, 'contexts/tls', id))
    expect(readJson(join(dirs.meta, 'meta.json'))).toEqual({
      Name: 'nest',
      Metadata: {
        Description: "docker-nest: the job's Docker daemon (run 42-1-ab)",
        DockerNestRun: '42-1-ab'
      },
      Endpoints: { docker: { Host: HOST, SkipTLSVerify: false } }
    })
    expect(readdirSync(join(dirs.tls, 'docker')).sort()).toEqual([
      'ca.pem',
      'cert.pem',
      'key.pem'
    ])
    expect(readFileSync(join(dirs.tls, 'docker', 'key.pem'), 'utf8')).toBe(
      'key.pem body\n'
    )
    expect(statSync(join(dirs.tls, 'docker')).mode & 0o777).toBe(0o700)
  })

  it('writes no TLS folder without certificates (tls: false, dood)', () => {
    const { configDir } = fixture()
    createDockerContext({
      name: 'sock',
      configDir,
      host: 'unix:///var/run/docker.sock',
      runId: '1'
    })
    expect(existsSync(contextDirs(configDir, 'sock').tls)).toBe(false)
  })

  it('makes it current, keeps the other config keys and the file mode, remembers the previous one', () => {
    const { configDir, certs } = fixture()
    mkdirSync(configDir)
    const file = join(configDir, 'config.json')
    writeFileSync(
      file,
      JSON.stringify({ auths: { x: {} }, currentContext: 'mine' }),
      { mode: 0o640 }
    )
    const record = createDockerContext({
      name: 'nest',
      configDir,
      host: HOST,
      certPath: certs,
      runId: '1'
    })
    expect(record).toEqual({ name: 'nest', configDir, previous: 'mine' })
    expect(readJson(file)).toEqual({ auths: { x: {} }, currentContext: 'nest' })
    expect(statSync(file).mode & 0o777).toBe(0o640)
  })

  it('creates config.json (mode 0600) when there is none; no previous context', () => {
    const { configDir, certs } = fixture()
    const record = createDockerContext({
      name: 'nest',
      configDir,
      host: HOST,
      certPath: certs,
      runId: '1'
    })
    expect(record).toEqual({ name: 'nest', configDir })
    const file = join(configDir, 'config.json')
    expect(readJson(file)).toEqual({ currentContext: 'nest' })
    expect(statSync(file).mode & 0o777).toBe(0o600)
  })

  it('replaces a stale context of its own, refuses one the user made', () => {
    const { configDir, certs } = fixture()
    const options = { name: 'nest', configDir, host: HOST, runId: 'old' }
    createDockerContext(options)
    createDockerContext({ ...options, certPath: certs, runId: 'new' })
    const meta = join(contextDirs(configDir, 'nest').meta, 'meta.json')
    expect(readJson(meta)).toMatchObject({
      Metadata: { DockerNestRun: 'new' }
    })
    writeFileSync(meta, JSON.stringify({ Name: 'nest', Metadata: {} }))
    expect(() => createDockerContext(options)).toThrow(
      `Input 'context': a docker context named 'nest' already exists in ` +
        `${configDir} and docker-nest did not create it. Choose another ` +
        'name or remove it (docker context rm nest).'
    )
  })

  it('refuses a config.json that is not a JSON object, before writing anything', () => {
    const { configDir } = fixture()
    mkdirSync(configDir)
    writeFileSync(join(configDir, 'config.json'), '{"auths":')
    expect(() =>
      createDockerContext({ name: 'nest', configDir, host: HOST, runId: '1' })
    ).toThrow(/config\.json is not a JSON object/)
    expect(existsSync(join(configDir, 'contexts'))).toBe(false)
  })
})

describe('removeDockerContext', () => {
  it('removes both folders and restores the previous current context', () => {
    const { configDir, certs } = fixture()
    mkdirSync(configDir)
    const file = join(configDir, 'config.json')
    writeFileSync(file, JSON.stringify({ currentContext: 'mine', a: 1 }))
    const options = { name: 'nest', configDir, host: HOST, runId: '1' }
    const record = createDockerContext({ ...options, certPath: certs })
    expect(removeDockerContext(record)).toEqual([])
    const dirs = contextDirs(configDir, 'nest')
    expect(existsSync(dirs.meta)).toBe(false)
    expect(existsSync(dirs.tls)).toBe(false)
    expect(readJson(file)).toEqual({ currentContext: 'mine', a: 1 })
  })

  it('drops currentContext when there was none before', () => {
    const { configDir } = fixture()
    const options = { name: 'nest', configDir, host: HOST, runId: '1' }
    removeDockerContext(createDockerContext(options))
    expect(readJson(join(configDir, 'config.json'))).toEqual({})
  })

  it('leaves the current context alone when the job switched to another one', () => {
    const { configDir } = fixture()
    const options = { name: 'nest', configDir, host: HOST, runId: '1' }
    const record = createDockerContext(options)
    const file = join(configDir, 'config.json')
    writeFileSync(file, JSON.stringify({ currentContext: 'theirs' }))
    expect(removeDockerContext(record)).toEqual([])
    expect(readJson(file)).toEqual({ currentContext: 'theirs' })
  })

  it('never removes a context docker-nest did not write, nor unsets it as current', () => {
    const { configDir } = fixture()
    const meta = contextDirs(configDir, 'users').meta
    mkdirSync(meta, { recursive: true })
    writeFileSync(join(meta, 'meta.json'), '{"Name":"users","Metadata":{}}')
    const file = join(configDir, 'config.json')
    writeFileSync(file, '{"currentContext":"users"}')
    expect(removeDockerContext({ name: 'users', configDir })).toEqual([])
    expect(existsSync(join(meta, 'meta.json'))).toBe(true)
    expect(readFileSync(file, 'utf8')).toBe('{"currentContext":"users"}')
  })

  it('reports a broken config.json as a warning instead of throwing', () => {
    const { configDir } = fixture()
    const record = createDockerContext({
      name: 'nest',
      configDir,
      host: HOST,
      runId: '1'
    })
    writeFileSync(join(configDir, 'config.json'), 'nope')
    const warnings = removeDockerContext(record)
    expect(warnings).toHaveLength(1)
    expect(warnings[0]).toMatch(/^Could not restore the current docker context/)
  })
})

describe('parseContextRecord', () => {
  it('reads back what was saved', () => {
    const record = { name: 'nest', configDir: '/c', previous: 'p' }
    expect(parseContextRecord(JSON.stringify(record))).toEqual(record)
    expect(parseContextRecord('{"name":"nest","configDir":"/c"}')).toEqual({
      name: 'nest',
      configDir: '/c'
    })
  })

  test.each([
    ['{"name":"../../x","configDir":"/c"}'],
    ['{"name":"nest","configDir":"relative"}'],
    ['{"name":"nest","configDir":"/c","previous":3}'],
    ['null']
  ])('[%#] refuses %s', (text) => {
    expect(() => parseContextRecord(text)).toThrow(/malformed/)
  })
})
