/**
 * The GitLab components in real pipelines (gitlab-ci-local, docker executor,
 * the host daemon): the dind component with TLS and with `tls: false`, and
 * the dood component, each running and building a container; a runner that
 * is not privileged gets a diagnosis instead of a hang; GitLab's schema and
 * the typed inputs reject bad pipelines.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { parseAllDocuments } from 'yaml'
import { join } from 'node:path'
import {
  E2E,
  IMAGES,
  docker,
  requireDocker,
  tempDir
} from './helpers/docker.js'
import {
  GITLAB_IMAGES,
  makeProject,
  prepareGitlabImages,
  removeVolume,
  runPipeline,
  serviceReadySeconds
} from './helpers/gitlab.js'

const suite = E2E ? describe : describe.skip
const TIMEOUT = 240_000
const { repository, version } = GITLAB_IMAGES

/** An include of one of our components with the local test images. */
function include(component: string, inputs: Record<string, unknown>): string {
  const lines = Object.entries({
    image: repository,
    'docker-version': version,
    ...inputs
  })
    .map(([key, value]) => `      ${key}: ${JSON.stringify(value)}`)
    .join('\n')
  return `  - component: $CI_SERVER_FQDN/$CI_PROJECT_PATH/${component}@$CI_COMMIT_SHA\n    inputs:\n${lines}\n`
}

/** Runs and builds a container against whatever DOCKER_HOST the component set. */
const USE_DOCKER = `
    - docker load -i busybox.tar
    - docker run --rm ${GITLAB_IMAGES.busybox} echo "ran-in-$CI_JOB_NAME"
    - |
      printf 'FROM %s\\nRUN echo built-in-%s > /built\\n' ${GITLAB_IMAGES.busybox} "$CI_JOB_NAME" | docker build -q -t "nest-built-$CI_JOB_NAME-$CI_PIPELINE_ID" -
    - docker run --rm "nest-built-$CI_JOB_NAME-$CI_PIPELINE_ID" cat /built
    - docker rmi "nest-built-$CI_JOB_NAME-$CI_PIPELINE_ID"`

/** A job's output line: gitlab-ci-local pads job names to a common width. */
function jobLine(job: string, text: string): RegExp {
  return new RegExp(`^${job}\\s+> ${text}`, 'm')
}

suite('GitLab components (gitlab-ci-local)', () => {
  const work = tempDir('docker-nest-e2e-gitlab-')
  const volume = `docker-nest-e2e-certs-${process.pid}-${Date.now()}`
  let counter = 0
  const project = (pipeline: string): string => {
    const dir = join(work.dir, `p${++counter}`)
    mkdirSync(dir)
    makeProject(dir, pipeline)
    return dir
  }

  beforeAll(() => {
    requireDocker([IMAGES.official, IMAGES.busybox])
    prepareGitlabImages()
  })
  afterAll(() => {
    removeVolume(volume)
    work.remove()
  })

  it(
    'dind with TLS (pre-seeded ECDSA keys) and with tls: false: jobs run and build containers',
    () => {
      const dir = project(
        `include:\n${include('dind', {})}${include('dind', { 'job-prefix': 'plain', tls: false, mtu: 1400 })}` +
          `tls:\n  extends: .docker-nest-dind\n  script:${USE_DOCKER}\n` +
          `    - openssl x509 -in "$DOCKER_CERT_PATH/cert.pem" -noout -text | grep -o id-ecPublicKey\n` +
          `plain:\n  extends: .plain-dind\n  script:${USE_DOCKER}\n` +
          `    - echo "host=$DOCKER_HOST verify=[$DOCKER_TLS_VERIFY]"\n` +
          `    - docker network inspect bridge --format 'mtu={{index .Options "com.docker.network.driver.mtu"}}'\n`
      )
      const run = runPipeline(dir, [
        '--privileged',
        '--volume',
        `${volume}:/certs/client`,
        'tls',
        'plain'
      ])
      if (run.status !== 0) console.log(run.output)
      expect(run.status).toBe(0)
      for (const job of ['tls', 'plain']) {
        expect(run.output).toMatch(jobLine(job, `ran-in-${job}`))
        expect(run.output).toMatch(jobLine(job, `built-in-${job}$`))
        expect(run.output).toMatch(
          jobLine(
            job,
            'docker-nest: Docker 28\\.\\S+ at tcp://docker:237[56] is ready'
          )
        )
      }
      expect(run.output).toMatch(jobLine('tls', 'id-ecPublicKey'))
      expect(run.output).toMatch(
        jobLine(
          'tls',
          'docker-nest: .* service ready \\d+\\.\\d+ s after it started'
        )
      )
      expect(run.output).toMatch(
        jobLine('plain', 'host=tcp://docker:2375 verify=\\[\\]')
      )
      expect(run.output).toMatch(jobLine('plain', 'mtu=1400'))
      // gitlab-ci-local sometimes keeps only the first lines of a service
      // log, so the service-side times are reported, not required.
      const ready = Object.entries(run.serviceLogs)
        .map(([file, log]) => [file, serviceReadySeconds(log)] as const)
        .filter(([, seconds]) => seconds !== undefined)
      console.log(
        `GitLab dind service ready (start → API listen): ${ready.map(([f, s]) => `${f}: ${s!.toFixed(2)} s`).join(', ') || 'logs incomplete'}`
      )
      for (const [, seconds] of ready) expect(seconds).toBeGreaterThan(0)
      // --tls=false was added: without it dockerd sleeps 15 s before it
      // listens, and the job (started ~3 s after the service) would wait >10 s.
      const plainWait =
        /^plain\s+> docker-nest: .* is ready \(waited (\d+\.\d+) s in the job/m.exec(
          run.output
        )
      expect(Number(plainWait?.[1])).toBeLessThan(10)
    },
    TIMEOUT
  )

  it(
    'dood binds the runner socket: the job runs and builds on the host daemon; after_script removes what it labelled',
    () => {
      const marker = `docker-nest-e2e-dood=${process.pid}-${Date.now()}`
      const dir = project(
        `include:\n${include('dood', {})}dood:\n  extends: .docker-nest-dood\n  script:${USE_DOCKER}\n` +
          `    - docker run -d --label "$DOCKER_NEST_LABEL" --label ${marker} ${GITLAB_IMAGES.busybox} sleep 600\n`
      )
      const run = runPipeline(dir, [
        '--volume',
        '/var/run/docker.sock:/var/run/docker.sock',
        'dood'
      ])
      if (run.status !== 0) console.log(run.output)
      expect(run.status).toBe(0)
      expect(run.output).toMatch(
        jobLine('dood', "docker-nest: using the runner's Docker")
      )
      expect(run.output).toMatch(jobLine('dood', 'ran-in-dood'))
      expect(run.output).toMatch(jobLine('dood', 'built-in-dood$'))
      expect(run.output).toMatch(
        jobLine(
          'dood',
          'docker-nest: removed 1 container\\(s\\) labelled docker-nest.job='
        )
      )
      const left = docker(['ps', '-aq', '--filter', `label=${marker}`])
      docker(['rm', '-fv', ...left.stdout.split('\n').filter(Boolean)])
      expect(left.stdout.trim()).toBe('')
    },
    TIMEOUT
  )

  it(
    'dood without the socket volume fails fast with the config.toml fix',
    () => {
      const dir = project(
        `include:\n${include('dood', { 'wait-timeout': 2 })}dood:\n  extends: .docker-nest-dood\n  script: [docker info]\n`
      )
      const run = runPipeline(dir, ['dood'])
      expect(run.status).not.toBe(0)
      expect(run.output).toContain(
        'the runner does not mount the socket into jobs'
      )
      expect(run.output).toContain('/var/run/docker.sock:/var/run/docker.sock')
    },
    TIMEOUT
  )

  it(
    'a runner that is not privileged: the wait ends at wait-timeout with a diagnosis',
    () => {
      const dir = project(
        `include:\n${include('dind', { 'wait-timeout': 8 })}job:\n  extends: .docker-nest-dind\n  script: [docker info]\n`
      )
      const started = Date.now()
      const run = runPipeline(dir, [
        '--volume',
        `${volume}-unpriv:/certs/client`,
        'job'
      ])
      removeVolume(`${volume}-unpriv`)
      expect(run.status).not.toBe(0)
      expect(Date.now() - started).toBeLessThan(60_000)
      expect(run.output).toContain('did not answer within 8s')
      // The service died before dockerd listened: whichever symptom the job
      // saw first, the message names privileged = true.
      expect(run.output).toContain('privileged = true')
      expect(Object.values(run.serviceLogs).join('\n')).toMatch(
        /permission denied|Operation not permitted|not permitted/i
      )
    },
    TIMEOUT
  )

  it(
    "GitLab's schema accepts the components; typed inputs reject bad values",
    () => {
      const ok = project(
        `include:\n${include('dind', { mtu: 1360, 'registry-mirror': 'https://mirror.example.com', 'service-alias': 'dind', 'wait-timeout': 30 })}` +
          `${include('dood', { 'job-prefix': 'host' })}` +
          `a:\n  extends: .docker-nest-dind\n  script: [docker info]\nb:\n  extends: .host-dood\n  script: [docker info]\n`
      )
      const preview = runPipeline(ok, ['--preview'])
      expect(preview.output).not.toMatch(
        /not expected to be here|must be|must match/
      )
      expect(preview.status).toBe(0)
      expect(preview.output).toContain('DOCKER_TLS_SAN: DNS:dind')
      expect(preview.output).toContain('DOCKER_HOST: tcp://dind:2376')

      const bad: Array<[Record<string, unknown>, RegExp]> = [
        [{ tls: 'maybe' }, /tls.*boolean/i],
        [{ mtu: 'big' }, /mtu.*not a number/i],
        [
          { 'service-alias': 'Bad_Alias' },
          /service-alias.*does not match required regex/i
        ],
        [
          { 'registry-mirror': 'mirror.example.com' },
          /registry-mirror.*does not match required regex/i
        ]
      ]
      for (const [inputs, message] of bad) {
        const dir = project(
          `include:\n${include('dind', inputs)}a:\n  extends: .docker-nest-dind\n  script: [docker info]\n`
        )
        const run = runPipeline(dir, ['--preview'])
        expect({ inputs, status: run.status }).toEqual({ inputs, status: 1 })
        expect(run.output).toMatch(message)
      }
    },
    TIMEOUT
  )

  it('the wait runs under busybox sh (docker:cli has no bash): missing certificates, then refused connections', () => {
    const jobs = parseAllDocuments(
      readFileSync('templates/dind/template.yml', 'utf8')
    )[1].toJS() as Record<string, { before_script?: string[] }>
    const wait = Object.entries(jobs).find(([name]) =>
      name.endsWith('-dind')
    )![1].before_script![0]
    const dir = join(work.dir, 'busybox-wait')
    mkdirSync(join(dir, 'certs'), { recursive: true })
    writeFileSync(join(dir, 'wait.sh'), wait)
    // A docker CLI that fails like one facing a closed port.
    writeFileSync(
      join(dir, 'docker'),
      '#!/bin/sh\necho "error during connect: dial tcp 172.18.0.2:2376: connect: connection refused" >&2\nexit 1\n'
    )
    chmodSync(join(dir, 'docker'), 0o755)
    const run = () =>
      docker([
        'run',
        '--rm',
        '-v',
        `${dir}:/x`,
        '-e',
        'PATH=/x:/bin',
        '-e',
        'DOCKER_HOST=tcp://docker:2376',
        '-e',
        'DOCKER_CERT_PATH=/x/certs',
        '-e',
        'DOCKER_NEST_WAIT_TIMEOUT=1',
        IMAGES.busybox,
        'sh',
        '-ec',
        '. /x/wait.sh'
      ])
    const noCerts = run()
    expect(noCerts.status).toBe(1)
    expect(noCerts.stdout).toContain('did not answer within 1s')
    expect(noCerts.stdout).toContain(
      'the client certificates never appeared in /x/certs'
    )
    for (const file of ['ca.pem', 'cert.pem', 'key.pem'])
      writeFileSync(join(dir, 'certs', file), 'x')
    const refused = run()
    expect(refused.status).toBe(1)
    expect(refused.stdout).toContain('last error: error during connect')
    expect(refused.stdout).toContain('nothing listens on docker:2376')
  })
})
