/**
 * The example workflows, our own CI workflows and action.yml, validated
 * offline with GitHub's workflow parser (scripts/lint-workflows.mjs, run in a
 * child Node process: the parser's JSON imports need the loader hook there).
 */
import { describe, expect, it } from '@jest/globals'
import { spawnSync } from 'node:child_process'
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

interface Report {
  file: string
  problems: string[]
}

function lint(files: string[] = []): Report[] {
  const result = spawnSync(
    process.execPath,
    ['scripts/lint-workflows.mjs', '--json', ...files],
    { encoding: 'utf8' }
  )
  if (!result.stdout.trim()) throw new Error(result.stderr)
  return JSON.parse(result.stdout)
}

const EXAMPLES = [
  'buildx.yml',
  'compose.yml',
  'container-job.yml',
  'matrix.yml',
  'plain.yml',
  'self-hosted.yml'
]

describe('examples and workflows', () => {
  it('has the promised examples', () => {
    const present = readdirSync('examples').filter((f) => f.endsWith('.yml'))
    expect(present.sort()).toEqual(EXAMPLES)
  })

  it('parses every example, CI workflow and action.yml without a problem', () => {
    const report = lint()
    expect(report.map((entry) => entry.file)).toEqual(
      expect.arrayContaining([
        'action.yml',
        ...EXAMPLES.map((name) => `examples/${name}`),
        '.github/workflows/ci.yml',
        '.github/workflows/release.yml'
      ])
    )
    expect(report.filter((entry) => entry.problems.length > 0)).toEqual([])
  })

  it('reports schema errors, unknown inputs and unknown outputs', () => {
    const dir = mkdtempSync(join(tmpdir(), 'docker-nest-lint-'))
    try {
      const file = join(dir, 'bad.yml')
      writeFileSync(
        file,
        [
          'on: push',
          'jobs:',
          '  a:',
          '    runs-on: ubuntu-24.04',
          '    tiemout-minutes: 5',
          '    steps:',
          '      - id: docker',
          '        uses: ./',
          '        with:',
          '          mtu: 1360',
          '          registry-mirror: https://m.example',
          '      - run: echo ${{ steps.docker.outputs.docker-hots }}',
          ''
        ].join('\n')
      )
      const [entry] = lint([file])
      expect(entry.problems).toEqual([
        expect.stringMatching(/Unexpected value 'tiemout-minutes'/),
        `${file}: job 'a' passes input 'registry-mirror', which action.yml does not declare`,
        `${file}: job 'a' reads output 'docker-hots' of step 'docker', which action.yml does not declare`
      ])
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })

  it('rejects an action.yml branding icon GitHub does not offer', () => {
    const dir = mkdtempSync(join(tmpdir(), 'docker-nest-lint-'))
    try {
      const file = join(dir, 'action.yml')
      writeFileSync(
        file,
        [
          'name: x',
          'description: x',
          'branding:',
          '  icon: docker',
          '  color: blue',
          'runs:',
          '  using: node24',
          '  main: index.js',
          ''
        ].join('\n')
      )
      const [entry] = lint([file])
      expect(entry.problems).toEqual([
        expect.stringMatching(/Unexpected value 'docker'/)
      ])
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })
})
