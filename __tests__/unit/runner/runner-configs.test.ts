/**
 * Issue 6, runner set-up: the snippets in runner/ parse, validate against
 * the schemas available offline, and carry the settings a nest depends on.
 * Kubernetes: kubernetes-models (the OpenAPI schema of the Pod; it does not
 * reject unknown fields, so field names are checked against its type
 * declarations too). GitLab: smol-toml plus the keys gitlab-runner reads.
 * GitHub: @actions/workflow-parser, the parser GitHub's own tooling uses.
 */
import { describe, expect, it } from '@jest/globals'
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import { Pod } from 'kubernetes-models/v1/Pod'
import { parse as parseToml } from 'smol-toml'
import { parse as parseYaml } from 'yaml'

const RUNNER = join(process.cwd(), 'runner')
const read = (path: string) => readFileSync(join(RUNNER, path), 'utf8')

interface Mount {
  name: string
  mountPath: string
}
interface Container {
  name: string
  image: string
  command?: string[]
  args?: string[]
  env?: Array<{ name: string; value: string }>
  restartPolicy?: string
  securityContext?: { privileged?: boolean }
  startupProbe?: { exec: { command: string[] } }
  volumeMounts?: Mount[]
}
interface PodSpec {
  initContainers: Container[]
  containers: Container[]
  volumes: Array<{ name: string; emptyDir?: object; hostPath?: object }>
}

/** Property names declared by a kubernetes-models type (its .d.ts). */
function declaredFields(type: string): Set<string> {
  const require = createRequire(import.meta.url)
  const file = require.resolve(`kubernetes-models/v1/${type}`)
  const text = readFileSync(file.replace(/\.js$/, '.d.ts'), 'utf8')
  return new Set(
    [...text.matchAll(/^\s+"([A-Za-z]+)"\??:/gm)].map((match) => match[1])
  )
}

describe('runner/kubernetes/arc-runner-scale-set.values.yaml', () => {
  const values = parseYaml(read('kubernetes/arc-runner-scale-set.values.yaml'))
  const spec = values.template.spec as PodSpec
  const dind = spec.initContainers.find((c) => c.name === 'dind') as Container
  const runner = spec.containers.find((c) => c.name === 'runner') as Container

  it('is a valid Pod spec (kubernetes-models) with only declared field names', () => {
    expect(() =>
      new Pod({ metadata: { name: 'runner' }, spec } as never).validate()
    ).not.toThrow()
    const containerFields = declaredFields('Container')
    for (const container of [...spec.initContainers, ...spec.containers]) {
      expect(
        Object.keys(container).filter((key) => !containerFields.has(key))
      ).toEqual([])
    }
    // the field check knows native sidecars and would catch a typo
    expect(containerFields.has('restartPolicy')).toBe(true)
    expect(containerFields.has('restartpolicy')).toBe(false)
    const specFields = declaredFields('PodSpec')
    expect(Object.keys(spec).filter((key) => !specFields.has(key))).toEqual([])
    expect(Object.keys(values).sort()).toEqual([
      'githubConfigSecret',
      'githubConfigUrl',
      'maxRunners',
      'minRunners',
      'template'
    ])
  })

  it('runs dind as a privileged native sidecar the runner waits for', () => {
    expect(dind.restartPolicy).toBe('Always')
    expect(dind.securityContext?.privileged).toBe(true)
    expect(dind.startupProbe?.exec.command).toEqual([
      'docker',
      '--host=unix:///var/run/docker.sock',
      'version'
    ])
    // The runner itself is never privileged and never gets the node's socket.
    expect(runner.securityContext).toBeUndefined()
    expect(spec.volumes.every((volume) => volume.emptyDir)).toBe(true)
  })

  it('points the runner at the socket dockerd listens on, shared through an emptyDir', () => {
    const script = dind.args?.join(' ') ?? ''
    expect(dind.command).toEqual(['sh', '-c'])
    expect(script).toMatch(/^exec dockerd-entrypoint\.sh dockerd /)
    const host = /--host=(unix:\/\/\S+)/.exec(script)?.[1]
    expect(runner.env).toContainEqual({ name: 'DOCKER_HOST', value: host })
    const socketDir = '/var/run'
    const mountOf = (c: Container, path: string) =>
      c.volumeMounts?.find((m) => m.mountPath === path)?.name
    expect(mountOf(dind, socketDir)).toBe('dind-sock')
    expect(mountOf(runner, socketDir)).toBe('dind-sock')
    // --group 123 = the docker group of the actions-runner image's user
    expect(script).toContain('--group=123')
    expect(script).toContain('--mtu="$(cat /sys/class/net/eth0/mtu)"')
  })

  it('keeps /var/lib/docker on an emptyDir and the workspace at the same path in both containers', () => {
    const data = dind.volumeMounts?.find(
      (m) => m.mountPath === '/var/lib/docker'
    )
    expect(spec.volumes.find((v) => v.name === data?.name)?.emptyDir).toEqual(
      {}
    )
    const work = (c: Container) =>
      c.volumeMounts?.find((m) => m.mountPath === '/home/runner/_work')?.name
    expect(work(dind)).toBe('work')
    expect(work(runner)).toBe('work')
  })
})

interface RunnerToml {
  concurrent: number
  runners: Array<{
    executor: string
    docker?: {
      privileged: boolean
      volumes: string[]
      network_mtu: number
      image: string
    }
    kubernetes?: {
      privileged: boolean
      image: string
      volumes: {
        empty_dir: Array<{ name: string; mount_path: string; medium?: string }>
      }
    }
    feature_flags?: Record<string, boolean>
  }>
}

describe('runner/gitlab/docker-executor.toml', () => {
  const config = parseToml(
    read('gitlab/docker-executor.toml')
  ) as unknown as RunnerToml
  const runner = config.runners[0]

  it('is a docker-executor runner with privileged services and the shared /certs/client volume', () => {
    expect(config.runners).toHaveLength(1)
    expect(runner.executor).toBe('docker')
    expect(runner.docker).toMatchObject({
      privileged: true,
      image: 'docker:29-cli'
    })
    expect(runner.docker?.volumes).toContain('/certs/client')
  })

  it('sets the per-job network MTU, which needs FF_NETWORK_PER_BUILD', () => {
    expect(runner.docker?.network_mtu).toBeGreaterThanOrEqual(576)
    expect(runner.docker?.network_mtu).toBeLessThanOrEqual(1500)
    expect(runner.feature_flags?.FF_NETWORK_PER_BUILD).toBe(true)
  })
})

describe('runner/kubernetes/gitlab-runner-kubernetes.toml', () => {
  const config = parseToml(
    read('kubernetes/gitlab-runner-kubernetes.toml')
  ) as unknown as RunnerToml
  const k8s = config.runners[0].kubernetes

  it('is a privileged Kubernetes-executor runner with emptyDirs for the certificates and the data root', () => {
    expect(config.runners[0].executor).toBe('kubernetes')
    expect(k8s?.privileged).toBe(true)
    const dirs = Object.fromEntries(
      (k8s?.volumes.empty_dir ?? []).map((d) => [d.mount_path, d])
    )
    expect(dirs['/certs/client']).toMatchObject({ medium: 'Memory' })
    expect(dirs['/var/lib/docker']).toBeDefined()
    // Volume names become Kubernetes volume names: DNS labels.
    for (const dir of k8s?.volumes.empty_dir ?? []) {
      expect(dir.name).toMatch(/^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/)
    }
  })

  it('gives a pod that kubernetes-models accepts (job container and dind service with those volumes)', () => {
    const dirs = k8s?.volumes.empty_dir ?? []
    const mounts = dirs.map((d) => ({ name: d.name, mountPath: d.mount_path }))
    const pod = new Pod({
      metadata: { name: 'runner-job' },
      spec: {
        containers: [
          { name: 'build', image: k8s?.image, volumeMounts: mounts },
          {
            name: 'svc-0',
            image: 'docker:29-dind',
            securityContext: { privileged: k8s?.privileged },
            volumeMounts: mounts
          }
        ],
        volumes: dirs.map((d) => ({
          name: d.name,
          emptyDir: d.medium ? { medium: d.medium } : {}
        }))
      }
    } as never)
    expect(() => pod.validate()).not.toThrow()
  })
})

describe('runner/github/self-hosted-workflow.yml', () => {
  it('parses with GitHub’s workflow parser, without errors', async () => {
    const parser = await import('@actions/workflow-parser')
    const content = read('github/self-hosted-workflow.yml')
    const result = parser.parseWorkflow(
      { name: 'self-hosted-workflow.yml', content },
      new parser.NoOperationTraceWriter()
    )
    expect(result.context.errors.getErrors()).toEqual([])
    const template = await parser.convertWorkflowTemplate(
      result.context,
      result.value!
    )
    expect(template.errors ?? []).toEqual([])
    expect(template.jobs.map((job) => job.id.value)).toEqual(['vm', 'arc'])
  })

  it('the parser does report a broken workflow (so the test above can fail)', async () => {
    const parser = await import('@actions/workflow-parser')
    const result = parser.parseWorkflow(
      {
        name: 'broken.yml',
        content: 'on: push\njobs:\n  a:\n    runs-on: x\n    stepz: []\n'
      },
      new parser.NoOperationTraceWriter()
    )
    expect(result.context.errors.getErrors().length).toBeGreaterThan(0)
  })

  it('uses docker-nest in dood mode on the socket of the ARC pod', () => {
    const workflow = parseYaml(read('github/self-hosted-workflow.yml'))
    const step = workflow.jobs.arc.steps.find((s: { uses?: string }) =>
      s.uses?.startsWith('docker-nest/docker-nest@')
    )
    expect(step.with).toEqual({
      mode: 'dood',
      socket: '/var/run/docker.sock'
    })
    const values = parseYaml(
      read('kubernetes/arc-runner-scale-set.values.yaml')
    )
    const runner = values.template.spec.containers[0] as Container
    expect(runner.env).toContainEqual({
      name: 'DOCKER_HOST',
      value: `unix://${step.with.socket}`
    })
  })
})
