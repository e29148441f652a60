import { afterAll, beforeAll, describe, expect, test } from '@jest/globals'
import * as core from '@actions/core'
import {
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync
} from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import {
  parseFileCommands,
  parsePathFile,
  prependPath
} from '../../e2e/harness/file-commands.js'
import {
  runAction,
  runMain,
  runPost,
  startMain
} from '../../e2e/harness/runner.js'

describe('parseFileCommands', () => {
  test.each([
    ['', {}],
    ['a=1\n', { a: '1' }],
    ['a=1', { a: '1' }],
    ['a=\n', { a: '' }],
    ['a=b=c\n', { a: 'b=c' }],
    ['a=x<<y\n', { a: 'x<<y' }],
    ['a<<EOF\nx=1\nEOF\n', { a: 'x=1' }],
    ['a<<EOF\none\ntwo\nEOF\n', { a: 'one\ntwo' }],
    ['a<<EOF\none\nEOF', { a: 'one' }],
    ['a<<EOF\nEOF\n', { a: '' }],
    ['a<<EOF\n\nEOF\n', { a: '' }],
    ['a<<EOF\n\n\nEOF\n', { a: '\n' }],
    ['a<<EOF\n EOF\nEOF \nEOF\n', { a: ' EOF\nEOF ' }],
    ['a<<E=F\nv\nE=F\n', { a: 'v' }],
    ['a=1\r\nb<<EOF\r\nx\r\ny\r\nEOF\r\n', { a: '1', b: 'x\r\ny' }],
    ['\n\na=1\n\n', { a: '1' }],
    ['a=1\na=2\n', { a: '2' }],
    ['a<<X\n1\nX\na=2\nb<<Y\nX\nY\n', { a: '2', b: 'X' }],
    ['my name=v\n', { 'my name': 'v' }],
    ['container-id=abc\n', { 'container-id': 'abc' }]
  ])('[%#] parses %j as %j', (text, expected) => {
    expect(Object.fromEntries(parseFileCommands(text))).toEqual(expected)
  })

  test.each([
    ['just-a-name\n', /line 1 'just-a-name': expected 'name=value'/],
    ['a=1\nbad\n', /line 2 'bad'/],
    ['=v\n', /line 1 '=v': name must not be empty/],
    ['<<EOF\nv\nEOF\n', /name and delimiter must not be empty/],
    ['a<<\nv\n\n', /name and delimiter must not be empty/],
    ['a<<EOF\nv\n', /delimiter 'EOF' not found/],
    ['a<<EOF\nv\nEOFX\n', /delimiter 'EOF' not found/],
    ['x=1\na<<EOF\n', /line 2 'a<<EOF': matching delimiter 'EOF' not/]
  ])('[%#] rejects %j', (text, message) => {
    expect(() => parseFileCommands(text)).toThrow(message)
  })

  test('Parses what @actions/core writes', () => {
    const dir = mkdtempSync(join(tmpdir(), 'file-commands-'))
    const names = ['ENV', 'OUTPUT', 'STATE']
    try {
      for (const name of names) {
        process.env[`GITHUB_${name}`] = join(dir, name)
        writeFileSync(join(dir, name), '')
      }
      core.exportVariable('DOCKER_HOST', 'tcp://127.0.0.1:2376')
      core.setOutput('multi', 'line one\nline=two\n')
      core.setOutput('multi', 'last write wins')
      core.setOutput('json', { a: 1 })
      core.saveState('resources', '{"container":"c1"}')
      const read = (name: string): Record<string, string> =>
        Object.fromEntries(
          parseFileCommands(readFileSync(join(dir, name), 'utf8'))
        )
      expect(read('ENV')).toEqual({ DOCKER_HOST: 'tcp://127.0.0.1:2376' })
      expect(read('OUTPUT')).toEqual({
        multi: 'last write wins',
        json: '{"a":1}'
      })
      expect(read('STATE')).toEqual({ resources: '{"container":"c1"}' })
      expect(readFileSync(join(dir, 'OUTPUT'), 'utf8')).toMatch(
        /^multi<<ghadelimiter_[0-9a-f-]{36}\nline one\nline=two\n\n/
      )
    } finally {
      for (const name of names) delete process.env[`GITHUB_${name}`]
      delete process.env.DOCKER_HOST
      rmSync(dir, { recursive: true, force: true })
    }
  })
})

describe('parsePathFile', () => {
  test.each([
    ['', []],
    ['/a\n', ['/a']],
    ['/a\n\n/b', ['/a', '/b']],
    ['/a\r\n/b\r/c\n', ['/a', '/b', '/c']],
    [' /a \n/a\n', [' /a ', '/a']]
  ])('[%#] parses %j as %j', (text, expected) => {
    expect(parsePathFile(text)).toEqual(expected)
  })
})

describe('prependPath', () => {
  test.each([
    ['/usr/bin', [], '/usr/bin'],
    ['/usr/bin', ['/a'], '/a:/usr/bin'],
    ['/usr/bin', ['/a', '/b'], '/b:/a:/usr/bin'],
    ['/usr/bin', ['/a', '/b', '/a'], '/a:/b:/usr/bin'],
    ['', ['/a'], '/a']
  ])('[%#] prepends to %j the additions %j', (path, additions, expected) => {
    expect(prependPath(path, additions)).toBe(expected)
  })
})

// A throwaway node24 action that writes the file formats by hand, so the
// simulator is tested without the real bundle or Docker.
const actionYml = `name: fixture
description: Writes file commands by hand.
inputs:
  who:
    description: Who to greet.
    default: world
  wait-timeout:
    description: A kebab-case input with a default.
    default: 30
  flag:
    description: No default.
    required: false
runs:
  using: node24
  main: main.js
  post: post.js
`

const mainJs = `import { appendFileSync } from 'node:fs'
import { spawn } from 'node:child_process'
const e = process.env
const write = (name, text) => appendFileSync(e['GITHUB_' + name], text)
write('OUTPUT', 'greeting<<EOF_1\\nhello ' + e.INPUT_WHO + '\\nline two\\nEOF_1\\n')
write('OUTPUT', 'seen<<EOF_2\\n' + JSON.stringify({
  inputs: Object.keys(e).filter((k) => k.startsWith('INPUT_')).sort()
    .map((k) => k + '=' + e[k]),
  actions: e.GITHUB_ACTIONS, ci: e.CI, os: e.RUNNER_OS,
  cwd: process.cwd() === e.GITHUB_WORKSPACE, temp: e.RUNNER_TEMP,
  node: process.version, nodeOptions: e.NODE_OPTIONS ?? null,
  removed: 'FIXTURE_REMOVED' in e
}) + '\\nEOF_2\\n')
write('STATE', 'container-id<<ghadelimiter_1\\nfake-' + e.GITHUB_RUN_ID + '\\nghadelimiter_1\\n')
write('ENV', 'DOCKER_HOST=tcp://127.0.0.1:2375\\nNODE_OPTIONS=--bad\\n')
write('PATH', '/opt/fake/bin\\n')
write('STEP_SUMMARY', '## main\\n')
if (e.FIXTURE_MODE === 'stubborn') process.on('SIGTERM', () => {})
if (/hang|stubborn/.test(e.FIXTURE_MODE)) setInterval(() => {}, 1000)
if (e.FIXTURE_MODE === 'malformed') write('STATE', 'oops\\n')
if (e.FIXTURE_MODE === 'orphan') {
  const sleeper = spawn('sleep', ['30'], { detached: true, stdio: 'inherit' })
  write('OUTPUT', 'orphan=' + sleeper.pid + '\\n')
  sleeper.unref()
}
if (e.FIXTURE_MODE === 'interrupt') {
  process.on('SIGINT', () => {
    write('OUTPUT', 'interrupted=true\\n')
    process.exit(1)
  })
  console.log('ready')
  setInterval(() => {}, 1000)
}
console.error('main on ' + process.version)
process.exitCode = Number(e.FIXTURE_EXIT ?? 0)
`

const postJs = `import { statSync } from 'node:fs'
const e = process.env
console.log(JSON.stringify({
  state: e['STATE_container-id'] ?? null, host: e.DOCKER_HOST ?? null,
  nodeOptions: e.NODE_OPTIONS ?? null, firstPath: e.PATH.split(':')[0],
  who: e.INPUT_WHO, outputSize: statSync(e.GITHUB_OUTPUT).size,
  runId: e.GITHUB_RUN_ID
}))
`

describe('runner simulator', () => {
  let actionDir: string
  let jobs: string
  let count = 0
  /** A work folder per job, removed with the fixture after all tests. */
  const workDir = (): string => join(jobs, `job-${++count}`)

  beforeAll(() => {
    actionDir = mkdtempSync(join(tmpdir(), 'fixture-action-'))
    jobs = join(actionDir, 'jobs')
    mkdirSync(jobs)
    writeFileSync(join(actionDir, 'action.yml'), actionYml)
    writeFileSync(join(actionDir, 'package.json'), '{"type":"module"}')
    writeFileSync(join(actionDir, 'main.js'), mainJs)
    writeFileSync(join(actionDir, 'post.js'), postJs)
  })

  afterAll(() => rmSync(actionDir, { recursive: true, force: true }))

  test('Runs main and post on Node 24 with outputs, state, env and path', async () => {
    const { main, post } = await runAction({
      actionDir,
      workDir: workDir(),
      env: { GITHUB_RUN_ID: '42', FIXTURE_REMOVED: 'x' }
    })
    expect(main.exitCode).toBe(0)
    expect(main.stderr).toMatch(/^main on v24\./)
    expect(main.outputs.greeting).toBe('hello world\nline two')
    expect(JSON.parse(main.outputs.seen)).toEqual({
      inputs: ['INPUT_FLAG=', 'INPUT_WAIT-TIMEOUT=30', 'INPUT_WHO=world'],
      actions: 'true',
      ci: 'true',
      os: 'Linux',
      cwd: true,
      temp: expect.stringMatching(/\/jobs\/job-\d+\/temp$/),
      node: expect.stringMatching(/^v24\./),
      nodeOptions: null,
      removed: true
    })
    expect(main.state).toEqual({ 'container-id': 'fake-42' })
    expect(main.env).toEqual({
      DOCKER_HOST: 'tcp://127.0.0.1:2375',
      NODE_OPTIONS: '--bad'
    })
    expect(main.path).toEqual(['/opt/fake/bin'])
    expect(main.summary).toBe('## main\n')
    expect(post.exitCode).toBe(0)
    expect(JSON.parse(post.stdout)).toEqual({
      state: 'fake-42',
      host: 'tcp://127.0.0.1:2375',
      nodeOptions: null,
      firstPath: '/opt/fake/bin',
      who: 'world',
      outputSize: 0,
      runId: '42'
    })
    expect(post.outputs).toEqual({})
  })

  test('Passes inputs by name and removes env set to undefined', async () => {
    process.env.FIXTURE_REMOVED = 'inherited'
    try {
      const main = await runMain({
        actionDir,
        workDir: workDir(),
        inputs: { who: 'nest', 'wait-timeout': '5' },
        env: { FIXTURE_REMOVED: undefined }
      })
      const seen = JSON.parse(main.outputs.seen)
      expect(seen.inputs).toEqual([
        'INPUT_FLAG=',
        'INPUT_WAIT-TIMEOUT=5',
        'INPUT_WHO=nest'
      ])
      expect(seen.removed).toBe(false)
      const post = await runPost(main)
      expect(JSON.parse(post.stdout).who).toBe('nest')
    } finally {
      delete process.env.FIXTURE_REMOVED
    }
  })

  test('Rejects an input that action.yml does not declare', async () => {
    await expect(
      runMain({ actionDir, workDir: workDir(), inputs: { 'wait-timout': '5' } })
    ).rejects.toThrow(/Unknown input 'wait-timout'/)
  })

  test('Runs post even when main fails', async () => {
    const { main, post } = await runAction({
      actionDir,
      workDir: workDir(),
      env: { FIXTURE_EXIT: '3' }
    })
    expect(main.exitCode).toBe(3)
    expect(post.exitCode).toBe(0)
    expect(JSON.parse(post.stdout).state).toMatch(/^fake-\d+$/)
  })

  test('Stops a step with SIGTERM after timeoutMs', async () => {
    const main = await runMain({
      actionDir,
      workDir: workDir(),
      // Long enough for Node to start the fixture on a loaded machine.
      timeoutMs: 1500,
      env: { FIXTURE_MODE: 'hang' }
    })
    expect(main.exitCode).toBe(143)
    expect(main.outputs.greeting).toBe('hello world\nline two')
  })

  test('Kills a step that ignores SIGTERM 2.5 s later', async () => {
    const main = await runMain({
      actionDir,
      workDir: workDir(),
      // Long enough for Node to start the fixture on a loaded machine.
      timeoutMs: 1500,
      env: { FIXTURE_MODE: 'stubborn' }
    })
    expect(main.exitCode).toBe(137)
    expect(main.durationMs).toBeGreaterThanOrEqual(3900)
  }, 15_000)

  test('Lets the caller interrupt main and still run post', async () => {
    const { child, result } = startMain({
      actionDir,
      workDir: workDir(),
      env: { FIXTURE_MODE: 'interrupt' }
    })
    child.stdout?.on('data', (chunk: string) => {
      if (chunk.includes('ready')) child.kill('SIGINT')
    })
    const main = await result
    expect(main.exitCode).toBe(1)
    expect(main.outputs.interrupted).toBe('true')
    const post = await runPost(main)
    expect(JSON.parse(post.stdout).state).toBe(main.state['container-id'])
  })

  test('Rejects a malformed file command like the runner', async () => {
    await expect(
      runMain({
        actionDir,
        workDir: workDir(),
        env: { FIXTURE_MODE: 'malformed' }
      })
    ).rejects.toThrow(
      /file command 'state': File command line 4 'oops': expected/
    )
  })

  test('Stops waiting for stdout held by a descendant 5 s after exit', async () => {
    const main = await runMain({
      actionDir,
      workDir: workDir(),
      env: { FIXTURE_MODE: 'orphan' }
    })
    try {
      expect(main.exitCode).toBe(0)
      expect(main.durationMs).toBeGreaterThanOrEqual(4900)
      expect(main.stderr).toMatch(/\[runner-sim\] stdout\/stderr still open/)
    } finally {
      process.kill(Number(main.outputs.orphan), 'SIGKILL')
    }
  }, 15_000)

  test.each([
    ['post-if: success()', /only post-if: always\(\) is simulated/],
    ['post-if: ${{ always() }}', null]
  ])('[%#] checks %s', async (postIf, error) => {
    const dir = mkdtempSync(join(tmpdir(), 'fixture-post-if-'))
    try {
      writeFileSync(join(dir, 'action.yml'), `${actionYml}  ${postIf}\n`)
      writeFileSync(join(dir, 'package.json'), '{"type":"module"}')
      writeFileSync(join(dir, 'main.js'), mainJs)
      writeFileSync(join(dir, 'post.js'), postJs)
      const run = runAction({ actionDir: dir, workDir: join(dir, 'job') })
      if (error) await expect(run).rejects.toThrow(error)
      else expect((await run).post.exitCode).toBe(0)
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })
})
