import { afterAll, beforeAll, describe, expect, test } from '@jest/globals'
import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import {
  chmodSync,
  copyFileSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync
} from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createServer } from 'node:net'
import {
  CONTAINERD_FIRST_FUNCTIONS,
  CONTAINERD_DIED_LINE,
  DOCKERD_SHIM,
  FAST_START_LOG_PREFIX
} from '../../../../src/engine/dind/containerd-first.js'

let bin: string

/** A PATH with only the named fake commands (`id` always prints 0). */
function pathWith(...names: string[]): string {
  const dir = mkdtempSync(join(bin, 'path-'))
  for (const name of ['id', ...names]) {
    const file = join(dir, name)
    writeFileSync(file, '#!/bin/sh\necho 0\n')
    chmodSync(file, 0o755)
  }
  return dir
}

/** Runs `nest_ctr_eligible` with the dockerd flags; returns its verdict and log. */
function eligible(path: string, args: string[], fastStart?: string) {
  const result = spawnSync(
    '/bin/sh',
    [
      '-c',
      `${CONTAINERD_FIRST_FUNCTIONS}
if nest_ctr_eligible "$@"; then echo "yes $nest_ctr_level"; else echo no; fi`,
      'test',
      ...args
    ],
    {
      env: {
        PATH: path,
        ...(fastStart === undefined
          ? {}
          : { DOCKER_NEST_FAST_START: fastStart })
      },
      encoding: 'utf8'
    }
  )
  return { verdict: result.stdout.trim(), log: result.stderr.trim() }
}

beforeAll(() => {
  bin = mkdtempSync(join(tmpdir(), 'containerd-first-'))
})
afterAll(() => rmSync(bin, { recursive: true, force: true }))

describe('nest_ctr_eligible (the fast-start decision of the start script)', () => {
  test.each<[string, string[], string[], string | undefined, string]>([
    // containerd logs warnings only unless dockerd-args set a level.
    ['plain image', ['containerd', 'docker-init'], [], undefined, 'yes warn'],
    [
      'official image',
      ['containerd', 'dockerd-entrypoint.sh'],
      [],
      'true',
      'yes warn'
    ],
    [
      'debug flag',
      ['containerd', 'docker-init'],
      ['--debug'],
      undefined,
      'yes debug'
    ],
    [
      'log level',
      ['containerd', 'docker-init'],
      ['--log-level', 'error'],
      undefined,
      'yes error'
    ],
    ['input false', ['containerd', 'docker-init'], [], 'false', 'no'],
    ['no containerd', ['docker-init'], [], undefined, 'no'],
    ['no docker-init', ['containerd'], [], undefined, 'no'],
    [
      'own --containerd',
      ['containerd', 'docker-init'],
      ['--containerd=/x.sock'],
      undefined,
      'no'
    ],
    [
      '--exec-root',
      ['containerd', 'docker-init'],
      ['--exec-root', '/x'],
      undefined,
      'no'
    ]
  ])('[%#] %s', (_title, commands, args, fastStart, expected) => {
    const { verdict, log } = eligible(pathWith(...commands), args, fastStart)
    expect(verdict).toBe(expected)
    if (expected === 'no') {
      expect(log).toMatch(new RegExp(`^${FAST_START_LOG_PREFIX} off: .+`))
    } else {
      expect(log).toBe('')
    }
  })

  test('says why when the image has no containerd', () => {
    expect(eligible(pathWith('docker-init'), []).log).toBe(
      'docker-nest: fast start off: the image has no containerd binary; ' +
        'dockerd starts its own containerd'
    )
  })
})

describe('the dockerd shim (hands over to the real dockerd once containerd has read its config)', () => {
  /** A PATH whose dockerd prints its arguments, then runs `then` (a shell line). */
  function fakeDockerd(then = ':'): string {
    const path = mkdtempSync(join(bin, 'shim-'))
    writeFileSync(
      join(path, 'dockerd'),
      `#!/bin/sh\necho "dockerd $*"\n${then}\n`
    )
    chmodSync(join(path, 'dockerd'), 0o755)
    return path
  }

  /**
   * The shim as the start script writes it, with its header; `wait` empty
   * is an official image whose containerd is known to take the config.
   */
  function shimScript(
    path: string,
    pid: number,
    sock: string,
    state: string,
    wait = '1'
  ) {
    return `PATH='${path}:/usr/bin:/bin'\npid=${pid} sock=${sock} state=${state} t0=0 wait=${wait}\n${DOCKERD_SHIM}\n`
  }

  /** Runs the shim to its end (the watch included: it holds stderr open). */
  function runShim(pid: number, sock: string, state: string, wait = '1') {
    const result = spawnSync(
      '/bin/sh',
      [
        '-c',
        shimScript(fakeDockerd(), pid, sock, state, wait),
        'dockerd',
        '--tlsverify'
      ],
      { encoding: 'utf8', timeout: 20_000 }
    )
    return { out: result.stdout.trim(), log: result.stderr.trim() }
  }

  /** Runs the shim in the background; resolves with its output and how it ended. */
  function startShim(
    path: string,
    pid: number,
    sock: string,
    state: string,
    wait = '1'
  ) {
    const child = spawn(
      '/bin/sh',
      [
        '-c',
        shimScript(path, pid, sock, state, wait),
        'dockerd',
        '--tlsverify'
      ],
      { stdio: ['ignore', 'pipe', 'pipe'] }
    )
    let out = ''
    let log = ''
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()))
    child.stderr.on('data', (chunk: Buffer) => (log += chunk.toString()))
    const ended = new Promise<{
      out: string
      log: string
      signal: string | null
    }>((resolve) =>
      child.on('close', (_code, signal) =>
        resolve({ out: out.trim(), log: log.trim(), signal })
      )
    )
    return {
      ended,
      stdoutHas: () => out.includes('dockerd '),
      log: () => log.trim(),
      stop: () => child.kill()
    }
  }

  /**
   * A fake containerd and the shim started for it with a dockerd that stays
   * up; `hasState`: containerd has already read its config.
   */
  function handedOver(name: string, wait: string, hasState: boolean) {
    const state = hasState
      ? mkdtempSync(join(bin, 'state-'))
      : join(bin, `no-state-${name}`)
    const sock = join(bin, `${name}.sock`)
    const containerd = fakeContainerd()
    const shim = startShim(
      fakeDockerd('exec sleep 30'),
      containerd.pid!,
      sock,
      state,
      wait
    )
    return { shim, containerd, sock }
  }

  const listens = (pid: number, sock: string) =>
    new RegExp(
      `^${FAST_START_LOG_PREFIX}: containerd \\(pid ${pid}\\) listens on ${sock} after \\d+ ms$`
    )

  test('hands the socket over when containerd already listens', async () => {
    const sock = join(bin, 'ctr.sock')
    const server = createServer().listen(sock)
    await new Promise((resolve) => server.once('listening', resolve))
    try {
      const { out, log } = runShim(process.pid, sock, join(bin, 'no-state'))
      expect(out).toBe(`dockerd --tlsverify --containerd=${sock}`)
      expect(log).toMatch(listens(process.pid, sock))
    } finally {
      server.close()
    }
  })

  test.each([
    ['as soon as containerd has its state directory', '1', true],
    ['without the wait (known containerd), before even that', '', false]
  ])(
    'runs dockerd %s, before the socket exists',
    async (_title, wait, hasState) => {
      const { shim, containerd, sock } = handedOver(
        `later-${wait}`,
        wait,
        hasState
      )
      const server = createServer()
      try {
        // dockerd runs while nothing listens yet…
        await waitFor(shim.stdoutHas)
        // …and the watch reports the socket once it appears.
        server.listen(sock)
        await waitFor(() => listens(containerd.pid!, sock).test(shim.log()))
        shim.stop()
        const { out } = await shim.ended
        expect(out).toBe(`dockerd --tlsverify --containerd=${sock}`)
      } finally {
        containerd.kill()
        server.close()
      }
    }
  )

  test.each([
    ['after the handover', '1', true],
    ['with no wait for its config', '', false]
  ])(
    'stops dockerd at once when containerd dies %s',
    async (_title, wait, hasState) => {
      const { shim, containerd, sock } = handedOver(
        `never-${wait}`,
        wait,
        hasState
      )
      await waitFor(shim.stdoutHas)
      containerd.kill()
      const { out, log, signal } = await shim.ended
      expect(out).toBe(`dockerd --tlsverify --containerd=${sock}`)
      expect(signal).toBe('SIGKILL')
      expect(log).toBe(CONTAINERD_DIED_LINE)
    }
  )

  test('lets dockerd start its own containerd when ours died before reading its config', () => {
    const gone = spawnSync('/bin/sh', ['-c', 'echo $$'])
      .stdout.toString()
      .trim()
    const { out, log } = runShim(
      Number(gone),
      join(bin, 'never.sock'),
      join(bin, 'no-state')
    )
    expect(out).toBe('dockerd --tlsverify')
    expect(log).toBe(
      `${FAST_START_LOG_PREFIX} off: containerd exited before it listened (its log is above); dockerd starts its own containerd`
    )
  })
})

describe('nest_ctr_start (containerd, then the direct handover or the shim)', () => {
  /**
   * Runs nest_ctr_start with its paths under a temp dir, a fake containerd
   * that records its arguments and stays up, and docker-init on PATH; prints
   * whether it hands over directly and lists the shim directory.
   */
  function start(dockerVersion: string) {
    const dir = mkdtempSync(join(bin, 'start-'))
    const path = pathWith('docker-init')
    writeFileSync(
      join(path, 'containerd'),
      `#!/bin/sh
echo "$@" > ${dir}/args
exec sleep 30
`
    )
    chmodSync(join(path, 'containerd'), 0o755)
    const result = spawnSync(
      '/bin/sh',
      [
        '-c',
        `${CONTAINERD_FIRST_FUNCTIONS}
nest_ctr_sock=${dir}/ctr/containerd.sock nest_ctr_dir=${dir}/ctr nest_ctr_bin=${dir}/bin
nest_ctr_start
nest_ctr_handoff
echo "direct=$nest_ctr_direct shim=$(ls "$nest_ctr_bin")"
kill "$nest_ctr_pid"`
      ],
      {
        env: { PATH: `${path}:/usr/bin:/bin`, DOCKER_VERSION: dockerVersion },
        encoding: 'utf8'
      }
    )
    return {
      out: result.stdout.trim(),
      config: readFileSync(join(dir, 'ctr/config.toml'), 'utf8')
    }
  }

  test('an official 20.10-28 image: no shim, and containerd without its aufs snapshotter', () => {
    const { out, config } = start('20.10.24')
    expect(out).toBe('direct=1 shim=')
    expect(config).toContain(
      'disabled_plugins = ["io.containerd.grpc.v1.cri", "io.containerd.snapshotter.v1.aufs"]'
    )
  })

  test('another containerd: the shim, which waits for its config, and only CRI off', () => {
    const { out, config } = start('29.0.1')
    expect(out).toBe('direct= shim=dockerd')
    expect(config).toContain(
      'disabled_plugins = ["io.containerd.grpc.v1.cri"]\n'
    )
  })

  test('the direct handover’s watch stops this shell’s dockerd (no other) when containerd dies', () => {
    const dir = mkdtempSync(join(bin, 'watch-'))
    // sleep named dockerd: its command name is what the watch looks for.
    copyFileSync('/bin/sleep', join(dir, 'dockerd'))
    chmodSync(join(dir, 'dockerd'), 0o755)
    const other = spawn(join(dir, 'dockerd'), ['30'], { stdio: 'ignore' })
    try {
      const result = spawnSync(
        '/bin/sh',
        [
          '-c',
          `${CONTAINERD_FIRST_FUNCTIONS}
sleep 30 &
nest_ctr_pid=$! nest_ctr_sock=${dir}/never.sock nest_ctr_t0=0
nest_ctr_watch &
${dir}/dockerd 30 &
dockerd=$!
# Until its exec the child is still named sh, and the watch would miss it.
until [ "$(cat /proc/$dockerd/comm)" = dockerd ]; do sleep 0.01; done
kill "$nest_ctr_pid"
wait "$dockerd" || echo "dockerd ended with $?"`
        ],
        { encoding: 'utf8', timeout: 10_000 }
      )
      expect(result.stdout.trim()).toBe('dockerd ended with 137')
      // The shell adds its own "Killed" for the job.
      expect(result.stderr.split('\n')[0]).toBe(CONTAINERD_DIED_LINE)
      // A dockerd that is not this shell's child lives on.
      expect(other.exitCode).toBeNull()
      expect(other.signalCode).toBeNull()
    } finally {
      other.kill()
    }
  })

  test('the direct handover’s watch reports when containerd listens', async () => {
    const dir = mkdtempSync(join(bin, 'listen-'))
    const sock = join(dir, 'ctr.sock')
    const containerd = fakeContainerd()
    const server = createServer()
    const child = spawn(
      '/bin/sh',
      [
        '-c',
        `${CONTAINERD_FIRST_FUNCTIONS}
nest_ctr_pid=${containerd.pid} nest_ctr_sock=${sock} nest_ctr_t0=0
nest_ctr_watch`
      ],
      { stdio: ['ignore', 'ignore', 'pipe'] }
    )
    let log = ''
    child.stderr.on('data', (chunk: Buffer) => (log += chunk.toString()))
    try {
      server.listen(sock)
      await new Promise((resolve) => child.on('close', resolve))
      expect(log.trim()).toMatch(
        new RegExp(
          `^${FAST_START_LOG_PREFIX}: containerd \\(pid ${containerd.pid}\\) listens on ${sock} after \\d+ ms$`
        )
      )
    } finally {
      containerd.kill()
      server.close()
    }
  })
})

/** A process that runs until killed: stands in for containerd. */
function fakeContainerd(): ChildProcess {
  return spawn('/bin/sh', ['-c', 'exec sleep 30'], { stdio: 'ignore' })
}

/** Polls `check` every 10 ms for up to 10 s. */
async function waitFor(check: () => boolean): Promise<void> {
  const deadline = Date.now() + 10_000
  while (!check()) {
    if (Date.now() > deadline) throw new Error('timed out')
    await new Promise((resolve) => setTimeout(resolve, 10))
  }
}
