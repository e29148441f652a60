/**
 * The committed dist/main and dist/post bundles, run the way the runner runs
 * them, against the real Docker daemon: a nested daemon per test, real
 * containers and builds inside it, nothing labelled left afterwards.
 */
import { afterAll, beforeAll, describe, expect, it, test } from '@jest/globals'
import { existsSync, mkdirSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { runIdOf, runMain, runPost } from './harness/runner.js'
import {
  E2E,
  IMAGES,
  docker,
  dockerOk,
  leftovers,
  removeLeftovers,
  loadImageInto,
  nestEnv,
  requireDocker,
  tempDir
} from './helpers/docker.js'

const suite = E2E ? describe : describe.skip
const TIMEOUT = 180_000

/** The run id main recorded in its state. */

suite('Action, mode dind (real nested daemons)', () => {
  const work = tempDir('docker-nest-e2e-action-')
  beforeAll(() => requireDocker(Object.values(IMAGES)))
  afterAll(() => work.remove())

  test.each([
    ['official docker:dind contract, Docker 28', IMAGES.official, /^28\./],
    ['plain image with dockerd on PATH, Docker 28', IMAGES.plain, /^28\./],
    // Compatibility rows: the engines older runners and pinned images run.
    ['official docker:dind contract, Docker 26', IMAGES.official26, /^26\./],
    [
      'official docker:dind contract, Docker 20.10',
      IMAGES.official20,
      /^20\.10\./
    ],
    [
      'plain image with dockerd on PATH, Docker 20.10',
      IMAGES.plain20,
      /^20\.10\./
    ]
  ])(
    '%s: gives later steps a private TLS daemon that runs and builds, and post removes it',
    async (_title, image, version) => {
      const main = await runMain({
        inputs: { image },
        // Job variables that must not reach the inner daemon (dind.md §1.4, §1.9).
        env: { DOCKER_DRIVER: 'vfs' },
        workDir: join(work.dir, image.replace(/\W/g, '-'))
      })
      const runId = runIdOf(main)
      try {
        expect(main.stderr).toBe('')
        expect(main.exitCode).toBe(0)

        // The exported env reaches the inner daemon over mutual TLS.
        expect(main.env.DOCKER_HOST).toMatch(/^tcp:\/\/127\.0\.0\.1:\d+$/)
        expect(main.env.DOCKER_TLS_VERIFY).toBe('1')
        const env = nestEnv(main.env)
        const info = JSON.parse(
          dockerOk(['info', '--format', '{{json .}}'], env)
        )
        expect(info.ServerVersion).toMatch(version)
        expect(info.Name).toBe(main.outputs['container-id'].slice(0, 12))
        expect(info.Driver).toBe('overlay2')

        // Outputs say the same.
        expect(main.outputs).toMatchObject({
          'docker-host': main.env.DOCKER_HOST,
          'cert-path': main.env.DOCKER_CERT_PATH,
          'tls-verify': '1',
          mode: 'dind',
          'storage-driver': 'overlay2',
          'server-version': info.ServerVersion,
          port: main.env.DOCKER_HOST.split(':').pop()
        })
        expect(main.outputs['container-ip']).toMatch(/^\d+\.\d+\.\d+\.\d+$/)
        expect(Number(main.outputs['ready-ms'])).toBeGreaterThan(0)
        expect(Number(main.outputs.mtu)).toBeGreaterThanOrEqual(576)
        expect(main.summary).toContain(info.ServerVersion)

        // Client files: fresh dir 0700, key 0600, under RUNNER_TEMP.
        const certPath = main.env.DOCKER_CERT_PATH
        expect(statSync(certPath).mode & 0o777).toBe(0o700)
        expect(statSync(join(certPath, 'key.pem')).mode & 0o777).toBe(0o600)

        // Only the server files went in: no CA key, so nothing inside can mint certificates,
        // and the official entrypoint took its verify-only branch (no key generation).
        const certsInside = dockerOk([
          'exec',
          main.outputs['container-id'],
          'sh',
          '-c',
          'cd /certs && find . -type f | sort'
        ])
        expect(certsInside.trim().split('\n')).toEqual([
          './.docker-nest-ready',
          './server/ca.pem',
          './server/cert.pem',
          './server/key.pem'
        ])

        // Real containers and a real build inside the nest.
        loadImageInto(env, IMAGES.busybox)
        expect(
          dockerOk(
            ['run', '--rm', IMAGES.busybox, 'echo', 'hello from the nest'],
            env
          )
        ).toBe('hello from the nest\n')
        const context = join(work.dir, `ctx-${runId}`)
        writeDockerfile(context)
        dockerOk(['build', '--quiet', '--tag', 'nest-built:1', context], {
          ...env,
          DOCKER_BUILDKIT: '0'
        })
        expect(
          dockerOk(['run', '--rm', 'nest-built:1', 'cat', '/built'], env)
        ).toBe('built in the nest\n')

        // The runner's own daemon does not have what we built.
        expect(docker(['image', 'inspect', 'nest-built:1']).status).not.toBe(0)

        const post = await runPost(main)
        expect(post.exitCode).toBe(0)
        expect(post.stdout).not.toContain('::warning::')
        expect(leftovers(runId)).toEqual([])
        expect(existsSync(certPath)).toBe(false)
      } finally {
        removeLeftovers(runId)
      }
    },
    TIMEOUT
  )

  it(
    'tls: false starts a plain-TCP daemon on 127.0.0.1 with --tls=false (no 15 s start delay)',
    async () => {
      const main = await runMain({
        inputs: { image: IMAGES.official, tls: 'false' },
        workDir: join(work.dir, 'no-tls')
      })
      const runId = runIdOf(main)
      try {
        expect(main.exitCode).toBe(0)
        expect(main.stdout).toContain('::warning::tls: false')
        expect(main.env).toMatchObject({
          DOCKER_TLS_VERIFY: '',
          DOCKER_CERT_PATH: ''
        })
        expect(main.outputs['cert-path']).toBe('')
        const env = nestEnv(main.env)
        expect(
          dockerOk(['version', '--format', '{{.Server.Version}}'], env)
        ).toMatch(/^28\./)
        const inspect = JSON.parse(
          dockerOk(['inspect', main.outputs['container-id']])
        )[0]
        expect(inspect.Args).toContain('--tls=false')
        // Nothing asked for IPv6: Docker 28 wrote no IPv6 firewall rules.
        expect(ip6tablesRules(main.outputs['container-id'])).not.toContain(
          'DOCKER'
        )
        expect(inspect.HostConfig.PortBindings['2375/tcp']).toEqual([
          { HostIp: '127.0.0.1', HostPort: '' }
        ])
        const post = await runPost(main)
        expect(post.exitCode).toBe(0)
        expect(leftovers(runId)).toEqual([])
      } finally {
        removeLeftovers(runId)
      }
    },
    TIMEOUT
  )

  it(
    'set-host: false exports nothing; the outputs reach the daemon and post removes it',
    async () => {
      const main = await runMain({
        inputs: { image: IMAGES.official, 'set-host': 'false' },
        workDir: join(work.dir, 'no-set-host')
      })
      const runId = runIdOf(main)
      try {
        expect(main.stderr).toBe('')
        expect(main.exitCode).toBe(0)
        for (const name of [
          'DOCKER_HOST',
          'DOCKER_TLS_VERIFY',
          'DOCKER_CERT_PATH'
        ]) {
          expect([name, main.env[name]]).toEqual([name, undefined])
        }
        expect(main.stdout).toContain('set-host: false — DOCKER_HOST')

        // A later step that wants this daemon names it from the outputs.
        const { 'docker-host': host, 'cert-path': certPath } = main.outputs
        expect(host).toMatch(/^tcp:\/\/127\.0\.0\.1:\d+$/)
        expect(main.outputs['tls-verify']).toBe('1')
        const flags = [
          '--host',
          host,
          '--tlsverify',
          '--tlscacert',
          join(certPath, 'ca.pem'),
          '--tlscert',
          join(certPath, 'cert.pem'),
          '--tlskey',
          join(certPath, 'key.pem')
        ]
        const name = dockerOk([...flags, 'info', '--format', '{{.Name}}'])
        expect(name.trim()).toBe(main.outputs['container-id'].slice(0, 12))

        const post = await runPost(main)
        expect(post.exitCode).toBe(0)
        expect(post.stdout).not.toContain('::warning::')
        expect(leftovers(runId)).toEqual([])
        expect(existsSync(certPath)).toBe(false)
      } finally {
        removeLeftovers(runId)
      }
    },
    TIMEOUT
  )

  it(
    'passes dockerd-args, mirrors and the MTU to the inner daemon',
    async () => {
      const main = await runMain({
        inputs: {
          image: IMAGES.plain,
          mtu: '1400',
          'registry-mirrors': 'https://mirror.invalid',
          'insecure-registries': 'registry.invalid:5000',
          'dockerd-args':
            '--default-ulimit nofile=1024:2048\n--label nest=e2e\n--ip6tables'
        },
        workDir: join(work.dir, 'args')
      })
      const runId = runIdOf(main)
      try {
        expect(main.exitCode).toBe(0)
        expect(main.outputs.mtu).toBe('1400')
        const env = nestEnv(main.env)
        const info = JSON.parse(
          dockerOk(['info', '--format', '{{json .}}'], env)
        )
        expect(info.RegistryConfig.Mirrors).toEqual(['https://mirror.invalid/'])
        expect(info.Labels).toContain('nest=e2e')
        expect(JSON.stringify(info.RegistryConfig.IndexConfigs)).toContain(
          'registry.invalid:5000'
        )
        const bridge = JSON.parse(
          dockerOk(['network', 'inspect', 'bridge'], env)
        )[0]
        expect(bridge.Options['com.docker.network.driver.mtu']).toBe('1400')
        // Asked for: the IPv6 firewall is dockerd's again.
        expect(ip6tablesRules(main.outputs['container-id'])).toContain(
          '-N DOCKER-USER'
        )
        expect((await runPost(main)).exitCode).toBe(0)
        expect(leftovers(runId)).toEqual([])
      } finally {
        removeLeftovers(runId)
      }
    },
    TIMEOUT
  )
})

/** The sidecar's IPv6 rules in both iptables backends (dockerd may use either). */
function ip6tablesRules(container: string): string {
  return ['ip6tables-nft', 'ip6tables-legacy']
    .map((tool) => docker(['exec', container, tool, '-S']).stdout)
    .join('\n')
}

function writeDockerfile(dir: string): void {
  mkdirSync(dir, { recursive: true })
  writeFileSync(
    join(dir, 'Dockerfile'),
    `FROM ${IMAGES.busybox}\nRUN echo 'built in the nest' > /built\n`
  )
}
