/**
 * The committed dist/cli bundle in real shells: a failed `up` makes
 * `eval "$(docker-nest up)"` fail, so a `set -e` script stops before its
 * next command (and an interactive shell lives on); the completion scripts
 * load and list the commands and options; help fits the terminal.
 */
import { afterAll, beforeAll, describe, expect, it, test } from '@jest/globals'
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { E2E, IMAGES, requireDocker, tempDir } from './helpers/docker.js'
import { cli, haveShell, inShell } from './helpers/cli.js'

const suite = E2E ? describe : describe.skip
const TIMEOUT = 120_000
/** Not on the runner, and no registry answers for it: `up` fails at the pull. */
const ABSENT_IMAGE = 'docker-nest-test/absent:1'
/** zsh and fish come from .ci/setup-docker.sh; bash and dash are always there. */
const POSIX_SHELLS = ['bash', 'dash', 'zsh'].filter(haveShell)

suite('docker-nest in real shells', () => {
  const work = tempDir('docker-nest-e2e-shells-')
  const bin = work.dir
  beforeAll(() => requireDocker([IMAGES.official]))
  afterAll(() => work.remove())

  test.each(POSIX_SHELLS)(
    '[%s] set -e stops at a failed eval "$(docker-nest up)"',
    (shell) => {
      const stateDir = join(work.dir, `state-${shell}`)
      const run = inShell(
        bin,
        [shell, '-c'],
        `set -e
eval "$(docker-nest up --image ${ABSENT_IMAGE} --state-dir '${stateDir}')"
echo NEXT-RAN`
      )
      expect(run.stdout).not.toContain('NEXT-RAN')
      expect(run.status).toBe(1)
      expect(run.stderr).toContain(`image '${ABSENT_IMAGE}'`)
      // The failed up removed what it had made, its record too.
      expect(existsSync(join(stateDir, 'nest.json'))).toBe(false)
    },
    TIMEOUT
  )

  test.each(POSIX_SHELLS)(
    '[%s] set -e stops at a mistyped up with its usage exit code',
    (shell) => {
      const run = inShell(
        bin,
        [shell, '-c'],
        'set -e\neval "$(docker-nest up --tsl)"\necho NEXT-RAN'
      )
      expect(run.stdout).not.toContain('NEXT-RAN')
      expect(run.status).toBe(2)
      expect(run.stderr).toContain("Did you mean '--tls'?")
    }
  )

  test.each(POSIX_SHELLS)(
    '[%s] an interactive shell lives on after a failed eval',
    (shell) => {
      const flags: Record<string, string[]> = {
        bash: ['bash', '--norc', '--noprofile', '-i'],
        dash: ['dash', '-i'],
        zsh: ['zsh', '-f', '-i']
      }
      const run = inShell(
        bin,
        flags[shell],
        '',
        'eval "$(docker-nest up --tsl)"; echo "status=$?"\necho ALIVE\n'
      )
      expect(run.stdout).toContain('status=2')
      expect(run.stdout).toContain('ALIVE')
    }
  )

  it(
    'bash: source <(docker-nest up) fails under set -e too',
    () => {
      const run = inShell(
        bin,
        ['bash', '-c'],
        `set -e\nsource <(docker-nest up --image ${ABSENT_IMAGE} --state-dir '${join(work.dir, 'src')}')\necho NEXT-RAN`
      )
      expect(run.stdout).not.toContain('NEXT-RAN')
      expect(run.status).toBe(1)
    },
    TIMEOUT
  )

  const fish = haveShell('fish') ? it : it.skip
  fish(
    'fish: docker-nest up --format fish | source; or exit stops the script',
    () => {
      const run = inShell(
        bin,
        ['fish', '-c'],
        `docker-nest up --format fish --image ${ABSENT_IMAGE} --state-dir '${join(work.dir, 'fish')}' | source; or exit 3
echo NEXT-RAN`
      )
      expect(run.stdout).not.toContain('NEXT-RAN')
      expect(run.status).toBe(3)
    },
    TIMEOUT
  )

  describe('completion', () => {
    const commands = [
      'up',
      'down',
      'env',
      'wait',
      'status',
      'reap',
      'doctor',
      'completion',
      'help'
    ]
    /** Runs the bash completion function for a command line; returns its words. */
    const bashComplete = (line: string[]) => {
      const words = line.map((w) => `'${w}'`).join(' ')
      const run = inShell(
        bin,
        ['bash', '-c'],
        `source <(docker-nest completion bash)
complete -p docker-nest
COMP_WORDS=(${words}); COMP_CWORD=${line.length - 1}
_docker_nest
printf '%s\\n' "\${COMPREPLY[@]}"`
      )
      expect(run.stderr).toBe('')
      return run.stdout.trim().split('\n')
    }

    it('bash: complete -p sees it; it lists the commands and options', () => {
      const [registered, ...words] = bashComplete(['docker-nest', ''])
      expect(registered).toBe('complete -F _docker_nest docker-nest')
      expect(words).toEqual(expect.arrayContaining(commands))
      expect(words).not.toContain('socket-proxy')
      expect(bashComplete(['docker-nest', 'up', '--']).slice(1)).toEqual(
        expect.arrayContaining([
          '--image',
          '--tls',
          '--no-tls',
          '--tls-san',
          '--state-dir',
          '--format',
          '--debug',
          '--help'
        ])
      )
      expect(
        bashComplete(['docker-nest', 'env', '--format', '']).slice(1)
      ).toEqual(['sh', 'fish', 'dotenv', 'json', 'github'])
      expect(bashComplete(['docker-nest', 'completion', '']).slice(1)).toEqual(
        expect.arrayContaining(['bash', 'zsh', 'fish'])
      )
    })

    const withFish = haveShell('fish') ? it : it.skip
    withFish('fish: complete -C lists the commands and options', () => {
      const run = inShell(
        bin,
        ['fish', '-c'],
        `docker-nest completion fish | source
complete -C 'docker-nest '
echo ---
complete -C 'docker-nest wait --'`
      )
      const [top, wait] = run.stdout.split('---\n')
      const names = (text: string) =>
        text
          .trim()
          .split('\n')
          .map((l) => l.split('\t')[0])
      expect(names(top)).toEqual(expect.arrayContaining(commands))
      expect(names(wait)).toEqual(
        expect.arrayContaining(['--host', '--tls', '--no-tls', '--timeout'])
      )
    })

    const withZsh = haveShell('zsh') ? it : it.skip
    withZsh('zsh: compdef registers it; it describes the commands', () => {
      // _describe and _arguments stubbed to print what they were given.
      const run = inShell(
        bin,
        ['zsh', '-f', '-c'],
        `autoload -U compinit && compinit -u -D
source <(docker-nest completion zsh)
print -r -- "comp=\${_comps[docker-nest]}"
_describe() { print -rl -- \${(P)\${@[-1]}} }
_arguments() { print -rl -- "$@" }
words=(docker-nest ''); CURRENT=2; _docker_nest
words=(docker-nest up ''); CURRENT=3; _docker_nest`
      )
      expect(run.stdout).toContain('comp=_docker_nest')
      for (const name of commands.filter((c) => c !== 'help')) {
        expect(run.stdout).toMatch(new RegExp(`^${name}:`, 'm'))
      }
      expect(run.stdout).toMatch(/^--image=\[What the nest runs.*\]:IMAGE: $/m)
      expect(run.stdout).toMatch(/^--no-tls\[/m)
    })
  })

  it('--version, help at 60 columns, status with the daemon down', () => {
    expect(cli(['--version']).stdout).toMatch(/^docker-nest \d+\.\d+\.\d+/)
    const help = cli(['up', '--help'], { COLUMNS: '60' })
    expect(help.status).toBe(0)
    for (const line of help.stdout.split('\n')) {
      expect(line.length).toBeLessThanOrEqual(60)
    }
    const down = cli(['status'], { DOCKER_HOST: 'unix:///nonexistent.sock' })
    expect(down.status).toBe(1)
    expect(down.stderr).toBe(
      "docker-nest: The runner's Docker daemon does not answer: Cannot connect to the Docker daemon at unix:///nonexistent.sock. Is the docker daemon running? Start it, or set DOCKER_HOST to its address; 'docker-nest doctor' checks the host.\n"
    )
  })
})
