/**
 * Issue 6, runner set-up: the containers of the actions-runner-controller pod
 * in runner/kubernetes/arc-runner-scale-set.values.yaml, run with docker as
 * Kubernetes would run them (command, args, privileged, emptyDirs as fresh
 * named volumes, the startupProbe polled before the runner starts), with the
 * local fixture images in place of docker:29-dind and the runner image. Then
 * the runner's user (uid 1001, group 123) uses the daemon through the shared
 * socket, and docker-nest's Action in dood mode verifies it. What Kubernetes
 * itself adds (scheduling, native-sidecar ordering) is only validated, by
 * __tests__/unit/runner/runner-configs.test.ts.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { parse as parseYaml } from 'yaml'
import { runMain, runPost } from './harness/runner.js'
import {
  E2E,
  IMAGES,
  docker,
  dockerOk,
  newRunId,
  requireDocker,
  tempDir
} from './helpers/docker.js'
import { errorOf } from './helpers/steps.js'

const suite = E2E ? describe : describe.skip
const TIMEOUT = 180_000

interface Container {
  name: string
  image: string
  command?: string[]
  args?: string[]
  env?: Array<{ name: string; value: string }>
  securityContext?: { privileged?: boolean }
  startupProbe?: { exec: { command: string[] } }
  volumeMounts?: Array<{ name: string; mountPath: string }>
}

/** `docker run` arguments for a pod container; emptyDirs become named volumes. */
function runArgs(c: Container, prefix: string, image: string): string[] {
  const [entrypoint, ...commandRest] = c.command ?? []
  return [
    ...(c.securityContext?.privileged ? ['--privileged'] : []),
    ...(c.env ?? []).flatMap((e) => ['--env', `${e.name}=${e.value}`]),
    ...(c.volumeMounts ?? []).flatMap((m) => [
      '--mount',
      `type=volume,src=${prefix}-${m.name},dst=${m.mountPath}`
    ]),
    ...(entrypoint ? ['--entrypoint', entrypoint] : []),
    image,
    ...commandRest,
    ...(c.args ?? [])
  ]
}

suite('The ARC runner pod of runner/kubernetes, run with docker', () => {
  const work = tempDir('docker-nest-e2e-runner-pod-')
  const prefix = `docker-nest-e2e-pod-${newRunId()}`
  const values = parseYaml(
    readFileSync('runner/kubernetes/arc-runner-scale-set.values.yaml', 'utf8')
  )
  const spec = values.template.spec as {
    initContainers: Container[]
    containers: Container[]
    volumes: Array<{ name: string }>
  }
  const dind = spec.initContainers[0]
  const runner = spec.containers[0]
  beforeAll(() => requireDocker([IMAGES.official]))
  afterAll(() => {
    docker(['rm', '--force', `${prefix}-dind`])
    docker(['network', 'rm', `${prefix}-net`])
    for (const v of spec.volumes) {
      docker(['volume', 'rm', '--force', `${prefix}-${v.name}`])
    }
    work.remove()
  })

  it(
    'the dind sidecar passes its startupProbe, the runner user reaches it through the socket, and docker-nest (dood) verifies it',
    async () => {
      // A pod network smaller than 1500, as CNI overlays have.
      dockerOk([
        'network',
        'create',
        '--opt',
        'com.docker.network.driver.mtu=1360',
        `${prefix}-net`
      ])
      dockerOk([
        'run',
        '--detach',
        '--name',
        `${prefix}-dind`,
        '--network',
        `${prefix}-net`,
        ...runArgs(dind, prefix, IMAGES.official)
      ])
      // The startupProbe, as the kubelet runs it: exec, every second.
      const probe = dind.startupProbe?.exec.command ?? []
      let ready = false
      for (let i = 0; i < 60 && !ready; i++) {
        ready = docker(['exec', `${prefix}-dind`, ...probe]).status === 0
        if (!ready) await new Promise((r) => setTimeout(r, 1000))
      }
      expect(ready).toBe(true)

      // The runner container: not privileged, the runner image's user
      // (uid 1001, group docker = 123), DOCKER_HOST from the pod spec.
      const asRunner = (...command: string[]) =>
        dockerOk([
          'run',
          '--rm',
          '--user',
          '1001:123',
          ...runArgs({ ...runner, command: [] }, prefix, IMAGES.official),
          ...command
        ])
      expect(asRunner('docker', 'info', '--format', '{{.Driver}}').trim()).toBe(
        'overlay2'
      )
      // --mtu followed the pod interface.
      const mtu = dockerOk([
        'exec',
        `${prefix}-dind`,
        'cat',
        '/sys/class/net/eth0/mtu'
      ]).trim()
      expect(mtu).toBe('1360')
      expect(
        asRunner(
          'docker',
          'network',
          'inspect',
          'bridge',
          '--format',
          '{{index .Options "com.docker.network.driver.mtu"}}'
        ).trim()
      ).toBe(mtu)

      // docker-nest's Action in dood mode on that socket (seen from here
      // through the volume's directory; in the pod it is /var/run/docker.sock).
      const socketDir = dockerOk([
        'volume',
        'inspect',
        '--format',
        '{{.Mountpoint}}',
        `${prefix}-dind-sock`
      ]).trim()
      const main = await runMain({
        inputs: { mode: 'dood', socket: join(socketDir, 'docker.sock') },
        workDir: join(work.dir, 'dood')
      })
      expect(errorOf(main)).toBe('')
      expect(main.exitCode).toBe(0)
      expect(main.outputs.mode).toBe('dood')
      expect(main.env.DOCKER_HOST).toBe(
        `unix://${join(socketDir, 'docker.sock')}`
      )
      expect((await runPost(main)).exitCode).toBe(0)
    },
    TIMEOUT
  )
})
