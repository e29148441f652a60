/**
 * Issue 6, unprivileged routes, against the real daemon:
 * - rootless: true with the dind-rootless fixture (the official contract:
 *   uid 1000, rootlesskit, socket under /run/user/1000, TLS port forwarded);
 * - runtime: the flag reaches `docker run`, and an unknown runtime fails
 *   with the input, the value and this daemon's runtimes;
 * - doctor: the rows about runtimes, privileged, cgroups, user namespaces
 *   and AppArmor say what this machine really has.
 * sysbox itself cannot run here (not installed); its arguments are unit-tested.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { runIdOf, runMain, runPost } from './harness/runner.js'
import { cli } from './helpers/cli.js'
import {
  E2E,
  IMAGES,
  createdByRun,
  docker,
  dockerOk,
  leftovers,
  loadImageInto,
  nestEnv,
  newRunId,
  removeLeftovers,
  requireDocker,
  tempDir
} from './helpers/docker.js'
import { errorOf, warningsOf, EXITED_WITH_1 } from './helpers/steps.js'

const suite = E2E ? describe : describe.skip
const TIMEOUT = 180_000
/** The docker:<ver>-dind-rootless contract, built by .ci/build-test-images.sh. */
const ROOTLESS_IMAGE = IMAGES.rootless

function hostRuntimes(): { names: string[]; default: string } {
  const [json, def] = dockerOk([
    'info',
    '--format',
    '{{json .Runtimes}}\t{{.DefaultRuntime}}'
  ])
    .trim()
    .split('\t')
  return { names: Object.keys(JSON.parse(json)).sort(), default: def }
}

suite('Unprivileged routes (real daemon)', () => {
  const work = tempDir('docker-nest-e2e-unpriv-')
  beforeAll(() => requireDocker([ROOTLESS_IMAGE, IMAGES.busybox]))
  afterAll(() => work.remove())

  it(
    'rootless: true runs the dind-rootless contract as uid 1000 with TLS, real containers inside, and post removes it',
    async () => {
      const main = await runMain({
        inputs: { rootless: 'true', image: ROOTLESS_IMAGE },
        workDir: join(work.dir, 'rootless')
      })
      const runId = runIdOf(main)
      try {
        expect(errorOf(main)).toBe('')
        expect(main.exitCode).toBe(0)
        expect(main.stdout).toContain(
          "Sidecar: privileged, the daemon's default runtime, rootless (uid 1000)"
        )
        const env = nestEnv(main.env)
        expect(env.DOCKER_TLS_VERIFY).toBe('1')
        const info = JSON.parse(
          dockerOk(['info', '--format', '{{json .}}'], env)
        )
        // The daemon really is rootless, on overlay2 thanks to the volume.
        expect(info.SecurityOptions).toContain('name=rootless')
        expect(info.Driver).toBe('overlay2')

        const id = main.outputs['container-id']
        const inspect = JSON.parse(dockerOk(['inspect', id]))[0]
        expect(inspect.Config.User).toBe('rootless')
        expect(inspect.HostConfig.Privileged).toBe(true)
        expect(
          inspect.Mounts.map((m: { Destination: string; Name: string }) => [
            m.Destination,
            m.Name
          ])
        ).toEqual([
          [
            '/home/rootless/.local/share/docker',
            `${inspect.Name.slice(1)}-data`
          ]
        ])
        // Certificates owned by uid 1000 (dockerd reads them in its user
        // namespace); the socket lives under /run/user/1000.
        expect(
          dockerOk([
            'exec',
            id,
            'stat',
            '-c',
            '%u:%g %a %n',
            '/certs/server',
            '/certs/server/key.pem'
          ])
            .trim()
            .split('\n')
        ).toEqual([
          '1000:1000 700 /certs/server',
          '1000:1000 600 /certs/server/key.pem'
        ])
        expect(
          dockerOk(['exec', id, 'sh', '-c', 'id -u; ls /run/user/1000'])
        ).toMatch(/^1000\n(.*\n)*docker\.sock\n/)

        // A real container in the rootless nest.
        loadImageInto(env, IMAGES.busybox)
        expect(
          dockerOk(
            ['run', '--rm', IMAGES.busybox, 'sh', '-c', 'echo inside'],
            env
          ).trim()
        ).toBe('inside')

        const post = await runPost(main)
        expect(post.exitCode).toBe(0)
        expect(warningsOf(post)).toEqual([])
        expect(leftovers(runId)).toEqual([])
        expect(existsSync(main.env.DOCKER_CERT_PATH)).toBe(false)
      } finally {
        removeLeftovers(runId)
      }
    },
    TIMEOUT
  )

  it(
    'rootless: unprivileged runs the same contract without --privileged, only with what rootlesskit needs',
    async () => {
      const main = await runMain({
        inputs: { rootless: 'unprivileged', image: ROOTLESS_IMAGE },
        workDir: join(work.dir, 'rootless-unprivileged')
      })
      const runId = runIdOf(main)
      try {
        expect(errorOf(main)).toBe('')
        expect(main.exitCode).toBe(0)
        const inspect = JSON.parse(
          dockerOk(['inspect', main.outputs['container-id']])
        )[0]
        expect(inspect.HostConfig.Privileged).toBe(false)
        // Docker 20.10 stores it as CAP_SYS_ADMIN
        expect(inspect.HostConfig.CapAdd).toEqual([
          expect.stringMatching(/^(CAP_)?SYS_ADMIN$/)
        ])
        expect([...inspect.HostConfig.SecurityOpt].sort()).toEqual([
          'apparmor=unconfined',
          'seccomp=unconfined'
        ])
        // systempaths=unconfined is stored as empty masked/read-only paths
        expect(inspect.HostConfig.MaskedPaths).toEqual([])
        expect(inspect.HostConfig.ReadonlyPaths).toEqual([])
        expect(
          inspect.HostConfig.Devices.map(
            (d: { PathOnHost: string }) => d.PathOnHost
          )
        ).toEqual(['/dev/net/tun'])
        const env = nestEnv(main.env)
        const info = JSON.parse(
          dockerOk(['info', '--format', '{{json .}}'], env)
        )
        expect(info.SecurityOptions).toContain('name=rootless')
        loadImageInto(env, IMAGES.busybox)
        expect(
          dockerOk(
            ['run', '--rm', IMAGES.busybox, 'sh', '-c', 'echo inside'],
            env
          ).trim()
        ).toBe('inside')
        expect((await runPost(main)).exitCode).toBe(0)
        expect(leftovers(runId)).toEqual([])
      } finally {
        removeLeftovers(runId)
      }
    },
    TIMEOUT
  )

  it(
    'a rootless image without rootless: true fails fast with the hint to set it',
    async () => {
      const main = await runMain({
        inputs: { image: ROOTLESS_IMAGE },
        workDir: join(work.dir, 'rootless-image-only')
      })
      const runId = runIdOf(main)
      try {
        expect(main.exitCode).toBe(1)
        const error = errorOf(main)
        expect(error).toMatch(EXITED_WITH_1)
        // The start script notices before it touches /certs.
        expect(error).toContain(
          'docker-nest: the image runs as a non-root user and cannot write the certificates as root (uid 1000)'
        )
        expect(error).toContain(
          'Hint: The image runs as a non-root user (a dind-rootless image?)'
        )
        expect(main.durationMs).toBeLessThan(15_000)
        expect((await runPost(main)).exitCode).toBe(0)
        expect(leftovers(runId)).toEqual([])
      } finally {
        removeLeftovers(runId)
      }
    },
    TIMEOUT
  )

  it(
    "runtime: the daemon's default runtime named explicitly starts the sidecar with --runtime and --privileged",
    async () => {
      const runtime = hostRuntimes().default
      const main = await runMain({
        inputs: { runtime, image: IMAGES.official },
        workDir: join(work.dir, 'runtime')
      })
      const runId = runIdOf(main)
      try {
        expect(main.exitCode).toBe(0)
        const inspect = JSON.parse(
          dockerOk(['inspect', main.outputs['container-id']])
        )[0]
        expect(inspect.HostConfig.Runtime).toBe(runtime)
        expect(inspect.HostConfig.Privileged).toBe(true)
        expect((await runPost(main)).exitCode).toBe(0)
        expect(leftovers(runId)).toEqual([])
      } finally {
        removeLeftovers(runId)
      }
    },
    TIMEOUT
  )

  it(
    "runtime: sysbox-runc on a daemon without sysbox fails at once, naming the input, the value and this daemon's runtimes",
    async () => {
      const runtimes = hostRuntimes().names
      expect(runtimes).not.toContain('sysbox-runc')
      const ciRun = newRunId()
      const main = await runMain({
        inputs: { runtime: 'sysbox-runc', image: IMAGES.official },
        env: { GITHUB_RUN_ID: ciRun },
        workDir: join(work.dir, 'no-sysbox')
      })
      const runId = runIdOf(main)
      try {
        expect(main.exitCode).toBe(1)
        expect(errorOf(main)).toContain(
          "Input 'runtime' is 'sysbox-runc', but the runner's Docker daemon " +
            `has no such runtime; it has: ${runtimes.join(', ')}. Install sysbox`
        )
        expect(main.durationMs).toBeLessThan(15_000)
        expect((await runPost(main)).exitCode).toBe(0)
        expect(createdByRun(ciRun)).toEqual([])
      } finally {
        removeLeftovers(runId)
      }
    },
    TIMEOUT
  )

  it(
    'doctor reports the runtimes, privileged, cgroups, user namespaces and AppArmor of this machine truthfully',
    () => {
      const result = cli([
        'doctor',
        '--format',
        'json',
        '--image',
        IMAGES.busybox
      ])
      const rows = Object.fromEntries(
        (
          JSON.parse(result.stdout) as Array<{
            check: string
            status: string
            detail: string
          }>
        ).map((row) => [row.check, row])
      )
      const { names, default: def } = hostRuntimes()
      expect(rows['container runtimes'].detail).toMatch(
        new RegExp(
          `^${names.join(', ').replace(/\./g, '\\.')} \\(default ${def}\\); sysbox-runc is ${
            names.includes('sysbox-runc') ? 'installed' : 'not installed'
          }`
        )
      )
      // The e2e suite depends on privileged containers working here.
      expect(rows['privileged containers'].status).toBe('ok')

      const v2 = existsSync('/sys/fs/cgroup/cgroup.controllers')
      expect(rows.cgroups.detail).toMatch(v2 ? /^v2 / : /^v1:/)
      expect(rows['cgroups for rootless'].detail).toMatch(
        v2 ? /^cgroup v2 / : /^cgroup v1: /
      )

      const max = readFileSync('/proc/sys/user/max_user_namespaces', 'utf8')
      expect(rows['user namespaces'].detail).toContain(
        `user.max_user_namespaces = ${max.trim()}`
      )
      const restrictPath =
        '/proc/sys/kernel/apparmor_restrict_unprivileged_userns'
      expect(rows['AppArmor and user namespaces'].detail).toContain(
        existsSync(restrictPath)
          ? `kernel.apparmor_restrict_unprivileged_userns = ${readFileSync(restrictPath, 'utf8').trim()}`
          : 'kernel.apparmor_restrict_unprivileged_userns: not present'
      )
      const tun = docker([
        'run',
        '--rm',
        '--privileged',
        IMAGES.busybox,
        'stat',
        '-c',
        '%a',
        '/dev/net/tun'
      ])
      expect(rows['/dev/net/tun'].detail).toMatch(
        new RegExp(`^mode 0?${tun.stdout.trim()}`)
      )
      expect(result.status).toBe(
        Object.values(rows).some((r) => r.status === 'fail') ? 1 : 0
      )
    },
    TIMEOUT
  )
})
