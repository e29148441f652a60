/**
 * The runner set-up files for reaping (issue 6) parse and say what they must:
 * systemd units (also checked with systemd-analyze verify where it exists),
 * the GitHub hook script (shellcheck, where it exists) and the GitLab
 * config.toml snippet.
 */
import { describe, expect, it } from '@jest/globals'
import { spawnSync } from 'node:child_process'
import {
  mkdtempSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync
} from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parse as parseToml } from 'smol-toml'

const runner = resolve(
  dirname(fileURLToPath(import.meta.url)),
  '../../../runner'
)
const read = (path: string) => readFileSync(join(runner, path), 'utf8')

/** A systemd unit file as section → key → values (keys may repeat). */
export function parseUnit(
  text: string
): Record<string, Record<string, string[]>> {
  const unit: Record<string, Record<string, string[]>> = {}
  let section: Record<string, string[]> | undefined
  for (const raw of text.split('\n')) {
    const line = raw.trim()
    if (line === '' || line.startsWith('#') || line.startsWith(';')) continue
    const header = /^\[([A-Za-z]+)\]$/.exec(line)
    if (header) {
      section = unit[header[1]] = {}
      continue
    }
    const entry = /^([A-Za-z]+)=(.*)$/.exec(line)
    if (!entry || !section) throw new Error(`Not a unit file line: ${line}`)
    ;(section[entry[1]] ??= []).push(entry[2])
  }
  return unit
}

const has = (tool: string) =>
  spawnSync('sh', ['-c', `command -v ${tool}`]).status === 0

describe('systemd units', () => {
  const service = parseUnit(read('systemd/docker-nest-reap.service'))
  const timer = parseUnit(read('systemd/docker-nest-reap.timer'))

  it('the service runs docker-nest reap once, after Docker', () => {
    expect(service.Service.Type).toEqual(['oneshot'])
    expect(service.Service.ExecStart).toEqual([
      '/usr/local/bin/docker-nest reap'
    ])
    expect(service.Unit.After).toContain('docker.service')
  })

  it('the timer starts it after boot and then periodically, and is installable', () => {
    expect(timer.Timer.Unit).toEqual(['docker-nest-reap.service'])
    expect(timer.Timer.OnBootSec).toBeDefined()
    expect(timer.Timer.OnUnitActiveSec).toBeDefined()
    expect(timer.Install.WantedBy).toEqual(['timers.target'])
  })

  ;(has('systemd-analyze') ? it : it.skip)(
    'systemd-analyze verify accepts both (ExecStart pointed at a real file)',
    () => {
      const dir = mkdtempSync(join(tmpdir(), 'docker-nest-units-'))
      try {
        writeFileSync(
          join(dir, 'docker-nest-reap.service'),
          read('systemd/docker-nest-reap.service').replaceAll(
            '/usr/local/bin/docker-nest',
            '/bin/true'
          )
        )
        writeFileSync(
          join(dir, 'docker-nest-reap.timer'),
          read('systemd/docker-nest-reap.timer')
        )
        const result = spawnSync(
          'systemd-analyze',
          ['verify', 'docker-nest-reap.service', 'docker-nest-reap.timer'],
          { cwd: dir, encoding: 'utf8' }
        )
        expect(result.stderr).toBe('')
        expect(result.status).toBe(0)
      } finally {
        rmSync(dir, { recursive: true, force: true })
      }
    }
  )
})

describe('GitHub runner hook', () => {
  it('is executable and always exits 0', () => {
    expect(
      statSync(join(runner, 'github/job-started.sh')).mode & 0o111
    ).not.toBe(0)
    const text = read('github/job-started.sh')
    expect(text).toContain('ACTIONS_RUNNER_HOOK_JOB_STARTED')
    expect(text.trimEnd().endsWith('exit 0')).toBe(true)
  })

  ;(has('shellcheck') ? it : it.skip)('passes shellcheck', () => {
    const result = spawnSync(
      'shellcheck',
      [join(runner, 'github/job-started.sh')],
      {
        encoding: 'utf8'
      }
    )
    expect(result.stdout).toBe('')
    expect(result.status).toBe(0)
  })
})

describe('GitLab runner snippet', () => {
  it('is valid TOML with a pre_build_script that never fails the job', () => {
    const config = parseToml(read('gitlab/reap-pre-build.toml')) as {
      runners: Array<{ executor: string; pre_build_script: string }>
    }
    expect(config.runners[0].executor).toBe('shell')
    expect(config.runners[0].pre_build_script).toBe('docker-nest reap || true')
  })
})
