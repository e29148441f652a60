/**
 * Issue 6, unprivileged routes: input validation, the `docker run` arguments
 * for `runtime` (sysbox drops --privileged) and `rootless` (data root, image,
 * certificate owner), the unknown-runtime error, and the rootless log hints.
 */
import { describe, expect, it, test } from '@jest/globals'
import { execFileSync } from 'node:child_process'
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import {
  DEFAULT_DIND_IMAGE,
  InputError,
  parseInputs,
  type RawInputs
} from '../../../../src/engine/options/config.js'
import { buildProbeRequest } from '../../../../src/engine/lifecycle/auto.js'
import { isolationHostConfig } from '../../../../src/engine/dind/isolation.js'
import { runArgsFromCreate } from '../../../../src/engine/docker/run-args.js'
import { classifyLog } from '../../../../src/engine/dind/diagnose.js'
import {
  DockerCommandError,
  type DockerCli
} from '../../../../src/engine/docker/cli.js'
import { buildDindRunArgs, makePlan } from '../../../../src/engine/dind/plan.js'
import {
  DEFAULT_DIND_ROOTLESS_IMAGE,
  ROOTLESS_DATA_ROOT,
  certOwnerFor
} from '../../../../src/engine/options/rootless.js'
import {
  ROOTLESS_UNPRIVILEGED_ARGS,
  explainUnknownRuntime,
  isolationArgs,
  parseRuntimes
} from '../../../../src/engine/options/runtime.js'
import { STARTUP_SCRIPT } from '../../../../src/engine/dind/startup-script.js'
import { createTar } from '../../../../src/engine/docker/tar.js'

function argsFor(inputs: RawInputs): string[] {
  return buildDindRunArgs(
    makePlan(parseInputs(inputs), {
      runPrefix: 'local',
      detectedMtu: undefined,
      now: new Date(0),
      random: 'abcd1234'
    })
  )
}

function problemsFor(inputs: RawInputs): string[] {
  try {
    parseInputs(inputs)
  } catch (error) {
    return (error as InputError).problems
  }
  throw new Error(`accepted ${JSON.stringify(inputs)}`)
}

/** The flags before the image: isolation, publish, mounts, env. */
function runFlags(args: string[], image: string): string[] {
  return args.slice(0, args.indexOf(image))
}

describe('input runtime', () => {
  test.each<[string, string[]]>([
    ['', ['--privileged']],
    ['sysbox-runc', ['--runtime=sysbox-runc']],
    ['runc', ['--runtime=runc', '--privileged']],
    [
      'io.containerd.runc.v2',
      ['--runtime=io.containerd.runc.v2', '--privileged']
    ]
  ])('[%#] runtime %p gives the isolation flags %p', (runtime, expected) => {
    const args = runFlags(argsFor({ runtime }), DEFAULT_DIND_IMAGE)
    expect(
      args.filter((a) => a === '--privileged' || a.startsWith('--runtime'))
    ).toEqual(expected)
  })

  it('drops --privileged for sysbox but keeps the rest of the run the same', () => {
    const plain = argsFor({})
    const sysbox = argsFor({ runtime: 'sysbox-runc' })
    expect(sysbox).not.toContain('--privileged')
    expect(sysbox.filter((a) => a !== '--runtime=sysbox-runc')).toEqual(
      plain.filter((a) => a !== '--privileged')
    )
    // sysbox refuses these (limitations.md); docker-nest never passes them
    expect(sysbox.join(' ')).not.toMatch(/--(userns|pid|network)[= ]host/)
  })

  test.each([
    'sysbox runc',
    '-x',
    '--privileged',
    'a;b',
    '../../runc',
    'x'.repeat(129)
  ])('[%#] rejects the runtime name %p, naming the input', (runtime) => {
    expect(problemsFor({ runtime })).toEqual([
      expect.stringMatching(/^Input 'runtime' must be a runtime name .*got '/)
    ])
  })

  it('reads the runtime names from docker info', () => {
    expect(
      parseRuntimes('{"runc":{"path":"runc"},"io.containerd.runc.v2":{}}')
    ).toEqual(['io.containerd.runc.v2', 'runc'])
    expect(parseRuntimes('not json')).toEqual([])
    expect(parseRuntimes('null')).toEqual([])
  })

  it('mode auto probes with the same isolation as the sidecar', () => {
    const probe = runArgsFromCreate(
      buildProbeRequest('docker:29-dind', 'r-probe', {
        isolation: isolationHostConfig('sysbox-runc')
      })
    )
    expect(probe).toContain('--runtime=sysbox-runc')
    expect(probe).not.toContain('--privileged')
    expect(
      runArgsFromCreate(buildProbeRequest('docker:29-dind', 'r-probe'))
    ).toContain('--privileged')
  })

  it('isolation flags default to privileged when the runtime is unset', () => {
    expect(isolationArgs(undefined)).toEqual(['--privileged'])
  })
})

describe('explainUnknownRuntime', () => {
  const runtimes = '{"runc":{"path":"runc"},"nest-runc":{"path":"/x"}}'
  function docker(infoExit = 0) {
    const calls: string[][] = []
    const cli = {
      async tryExec(args: string[]) {
        calls.push(args)
        return { exitCode: infoExit, stdout: runtimes, stderr: '' }
      }
    } as unknown as DockerCli
    return { cli, calls }
  }

  test.each([
    'docker: Error response from daemon: Unknown runtime specified sysbox-runc.',
    'Error response from daemon: unknown or invalid runtime name: sysbox-runc'
  ])(
    '[%#] names input, value and the daemon runtimes for %p',
    async (stderr) => {
      const { cli, calls } = docker()
      const error = await explainUnknownRuntime(
        cli,
        'sysbox-runc',
        new DockerCommandError(['run'], 125, stderr)
      )
      expect(error?.message).toMatch(
        /^Input 'runtime' is 'sysbox-runc', but the runner's Docker daemon has no such runtime; it has: nest-runc, runc\. Install sysbox/
      )
      expect(calls).toEqual([['info', '--format', '{{json .Runtimes}}']])
    }
  )

  it('asks nothing more when the failure is something else or no runtime was set', async () => {
    const { cli, calls } = docker()
    const other = new DockerCommandError(['run'], 125, 'pull access denied')
    expect(await explainUnknownRuntime(cli, 'sysbox-runc', other)).toBe(
      undefined
    )
    const unknown = new DockerCommandError(
      ['run'],
      125,
      'Unknown runtime specified x'
    )
    expect(await explainUnknownRuntime(cli, '', unknown)).toBe(undefined)
    expect(calls).toEqual([])
  })

  it('still explains when docker info fails', async () => {
    const { cli } = docker(1)
    const error = await explainUnknownRuntime(
      cli,
      'kata',
      new DockerCommandError(['run'], 125, 'Unknown runtime specified kata')
    )
    expect(error?.message).toMatch(
      /it has: unknown \(docker info failed\)\. Register it in \/etc\/docker\/daemon\.json/
    )
  })
})

describe('input rootless', () => {
  it('switches the default image, and only the default, to the rootless variant', () => {
    expect(parseInputs({ rootless: 'true' }).image).toBe(
      DEFAULT_DIND_ROOTLESS_IMAGE
    )
    // the Action passes action.yml's default for an unset input
    expect(parseInputs({ rootless: 'true', image: 'auto' }).image).toBe(
      'docker:29-dind-rootless'
    )
    expect(
      parseInputs({ rootless: 'true', image: DEFAULT_DIND_IMAGE }).image
    ).toBe('docker:29-dind-rootless')
    expect(
      parseInputs({ rootless: 'true', image: 'mirror/dind:27-dind-rootless' })
        .image
    ).toBe('mirror/dind:27-dind-rootless')
    expect(parseInputs({}).image).toBe('auto')
  })

  it('mounts the data volume on the rootless data root and keeps --privileged', () => {
    const args = argsFor({ rootless: 'true' })
    const mount = args[args.indexOf('--mount') + 1]
    expect(mount).toMatch(
      new RegExp(
        `^type=volume,src=docker-nest-abcd1234-data,dst=${ROOTLESS_DATA_ROOT},`
      )
    )
    expect(args).toContain('--privileged')
    expect(args).toContain('docker:29-dind-rootless')
    expect(args).toContain('DOCKER_TLS_CERTDIR=/certs')
  })

  it('rejects a junk boolean and the sysbox combination, naming the inputs', () => {
    expect(problemsFor({ rootless: 'yes' })).toEqual([
      "Input 'rootless' must be 'true', 'false' or 'unprivileged', got 'yes'."
    ])
    expect(problemsFor({ rootless: 'true', runtime: 'sysbox-runc' })).toEqual([
      expect.stringMatching(
        /^Input 'rootless' must be false with runtime 'sysbox-runc'/
      )
    ])
  })

  it('owns the copied certificates by uid 1000 when rootless, root otherwise', () => {
    expect(certOwnerFor(true)).toEqual({ uid: 1000, gid: 1000 })
    expect(certOwnerFor(false)).toEqual({ uid: 0, gid: 0 })
    const dir = mkdtempSync(join(tmpdir(), 'unpriv-tar-'))
    try {
      const tar = join(dir, 'c.tar')
      writeFileSync(
        tar,
        createTar([
          { path: 'certs/', mode: 0o755, uid: 1000, gid: 1000 },
          {
            path: 'certs/key.pem',
            mode: 0o600,
            content: 'k',
            uid: 1000,
            gid: 1000
          },
          { path: 'root.pem', mode: 0o644, content: 'r' }
        ])
      )
      const listing = execFileSync('tar', ['--numeric-owner', '-tvf', tar], {
        encoding: 'utf8'
      })
      expect(listing).toMatch(/^drwxr-xr-x 1000\/1000 .* certs\/$/m)
      expect(listing).toMatch(/^-rw------- 1000\/1000 .* certs\/key\.pem$/m)
      expect(listing).toMatch(/^-rw-r--r-- 0\/0 .* root\.pem$/m)
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })
})

describe('input rootless: unprivileged', () => {
  it('drops --privileged for exactly what rootlesskit needs, keeping the rootless contract', () => {
    const options = parseInputs({ rootless: 'unprivileged' })
    expect(options).toMatchObject({
      rootless: true,
      rootlessUnprivileged: true,
      image: DEFAULT_DIND_ROOTLESS_IMAGE
    })
    const args = argsFor({ rootless: 'unprivileged' })
    const flags = runFlags(args, DEFAULT_DIND_ROOTLESS_IMAGE)
    expect(flags).not.toContain('--privileged')
    expect(
      flags.filter((a) => /^--(cap-add|security-opt|device)/.test(a))
    ).toEqual([...ROOTLESS_UNPRIVILEGED_ARGS])
    expect(args[args.indexOf('--mount') + 1]).toContain(
      `dst=${ROOTLESS_DATA_ROOT},`
    )
    // with an explicit non-sysbox runtime the same flags follow it
    expect(isolationArgs('runc', true)).toEqual([
      '--runtime=runc',
      ...ROOTLESS_UNPRIVILEGED_ARGS
    ])
  })

  it('is refused with sysbox, like rootless: true', () => {
    expect(
      problemsFor({ rootless: 'unprivileged', runtime: 'sysbox-runc' })
    ).toEqual([expect.stringMatching(/^Input 'rootless' must be false/)])
  })
})

describe('start script as a non-root user', () => {
  it('hands over to the official entrypoint before anything needing root, and refuses a plain image clearly', () => {
    // The official entrypoint is chosen first; a non-root plain image is
    // refused before the root-only preparation is called.
    const official = STARTUP_SCRIPT.indexOf('nest_official=1')
    const refuse = STARTUP_SCRIPT.indexOf('elif [ "$nest_uid" != 0 ]')
    const prepare = STARTUP_SCRIPT.indexOf('then nest_prepare_cgroups')
    expect(official).toBeGreaterThan(0)
    expect(refuse).toBeGreaterThan(official)
    expect(refuse).toBeLessThan(prepare)
    expect(classifyLog(STARTUP_SCRIPT.slice(refuse))[0].id).toBe(
      'rootless-image'
    )
  })

  it('runs as uid 1000 up to the hand-over: waits for certs, then execs the entrypoint', () => {
    const dir = mkdtempSync(join(tmpdir(), 'unpriv-start-'))
    chmodSync(dir, 0o755) // readable by uid 1000, like /certs in the image
    try {
      writeFileSync(join(dir, '.docker-nest-ready'), '')
      writeFileSync(
        join(dir, 'dockerd-entrypoint.sh'),
        '#!/bin/sh\necho "entrypoint $(id -u) $*"\n',
        { mode: 0o755 }
      )
      const out = execFileSync(
        'sh',
        ['-c', STARTUP_SCRIPT, 'docker-nest-start', '--mtu=1400'],
        {
          encoding: 'utf8',
          env: { PATH: `${dir}:/usr/bin:/bin`, DOCKER_TLS_CERTDIR: dir },
          // a real uid 1000 when the tests run as root (CI), else ourselves
          ...(process.getuid?.() === 0 ? { uid: 1000, gid: 1000 } : {}),
          timeout: 10_000
        }
      )
      expect(out.trim()).toMatch(/^entrypoint \d+ --mtu=1400$/)
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })
})

describe('rootless log hints', () => {
  test.each<[string, string]>([
    [
      "error: attempting to run rootless dockerd but missing 'rootlesskit' (perhaps the 'docker:dind-rootless' image variant is intended?)",
      'rootless-image'
    ],
    [
      'error: attempting to run rootless dockerd but missing necessary entries in /etc/subuid and/or /etc/subgid for 1000',
      'rootless-subuid'
    ],
    [
      "error: attempting to run rootless dockerd but need 'kernel.unprivileged_userns_clone' (/proc/sys/kernel/unprivileged_userns_clone) set to 1",
      'userns-clone'
    ],
    [
      "error: attempting to run rootless dockerd but need 'user.max_user_namespaces' (/proc/sys/user/max_user_namespaces) set to a sufficiently large value",
      'max-user-namespaces'
    ],
    [
      '[rootlesskit:parent] error: failed to start the child: fork/exec /proc/self/exe: operation not permitted',
      'apparmor-userns'
    ],
    [
      '[rootlesskit:parent] error: failed to setup UID/GID map: newuidmap 42 [0 1000 1 1 100000 65536] failed: newuidmap: write to uid_map failed: Operation not permitted',
      'newuidmap'
    ],
    [
      '[rootlesskit:parent] error: failed to setup network &{...}: setting up tap tap0: executing [[nsenter -t 365 -n -m -U --preserve-credentials ip tuntap add name tap0 mode tap]]: exit status 1',
      'rootless-tun'
    ],
    [
      'failed to load listeners: open /certs/server/key.pem: permission denied',
      'rootless-certs'
    ],
    [
      "mkdir: cannot create directory '/certs/ca': Permission denied",
      'rootless-certs'
    ],
    [
      'docker-nest: the image runs as a non-root user and cannot write the certificates as root (uid 1000)',
      'rootless-certs'
    ]
  ])('[%#] classifies %p first', (log, id) => {
    expect(classifyLog(log)[0]?.id).toBe(id)
  })
})
