/**
 * buildx (0.13, Debian trixie) with input `context`, dind and dood: main
 * writes a docker context into $DOCKER_CONFIG and makes it current; buildx
 * creates a docker-container builder on it (from the env alone it refuses
 * TLS data) and builds through the context's docker driver; post removes the
 * context and restores the previous current one.
 *
 * Not covered here: booting the docker-container builder. It runs the
 * moby/buildkit image, which needs a registry; Debian packages no buildkitd.
 */
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals'
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { contextDirs } from '../../../src/action/docker-context.js'
import { runMain, runPost, type StepResult } from '../harness/runner.js'
import {
  E2E,
  IMAGES,
  docker,
  requireDocker,
  tempDir
} from '../helpers/docker.js'
import { errorOf } from '../helpers/steps.js'
import {
  CLIENTS_IMAGE,
  MODES,
  NEST_IMAGE,
  inNest,
  removeWork,
  runClient,
  runClientOk,
  startNest,
  stopNest,
  workPath,
  type Nest
} from './nest.js'

const suite = E2E ? describe : describe.skip
const TIMEOUT = 180_000
const CONTEXT = 'nest'
/**
 * A context the job had before: the runner's daemon by another name (main
 * itself uses it to reach that daemon, as the docker CLI would).
 */
const PREVIOUS = 'before-nest'

function configOf(nest: Nest): { currentContext?: string } {
  return JSON.parse(
    readFileSync(join(nest.work, 'docker-config', 'config.json'), 'utf8')
  )
}

suite.each(MODES)('buildx with input context (%s)', (mode) => {
  let nest: Nest
  let post: StepResult | undefined
  let configDir = ''
  const env = () => ({ DOCKER_CONFIG: configDir })

  beforeAll(async () => {
    requireDocker([IMAGES.busybox, NEST_IMAGE, CLIENTS_IMAGE])
    nest = await startNest(mode, { context: CONTEXT }, (work) => {
      configDir = join(work, 'docker-config')
      // The job's docker config already has a current context of its own.
      const prepared = runClient(
        { work, env: {} } as unknown as Nest,
        `docker context create ${PREVIOUS} --docker host=unix:///var/run/docker.sock` +
          ` >/dev/null && docker context use ${PREVIOUS} >/dev/null`,
        { env: { DOCKER_CONFIG: configDir } }
      )
      if (prepared.status !== 0) throw new Error(prepared.stderr)
      return { DOCKER_CONFIG: configDir }
    })
  }, TIMEOUT)

  afterAll(async () => {
    if (!nest) return
    post ??= await stopNest(nest)
    removeWork(nest)
  }, TIMEOUT)

  test('main writes the context, makes it current and outputs its name', () => {
    expect(nest.main.outputs.context).toBe(CONTEXT)
    expect(nest.main.stdout).toContain(
      `Docker context '${CONTEXT}' (now current) in ${configDir}; previous: ${PREVIOUS}.`
    )
    expect(configOf(nest).currentContext).toBe(CONTEXT)
    // The docker CLI 26 reads it: same endpoint as DOCKER_HOST, and it
    // talks to the daemon through the context's TLS files alone.
    const inspected = JSON.parse(
      runClientOk(nest, `docker context inspect ${CONTEXT}`, { env: env() })
    )[0]
    expect(inspected.Endpoints.docker.Host).toBe(nest.env.DOCKER_HOST)
    expect(inspected.TLSMaterial?.docker ?? []).toEqual(
      mode === 'dind' ? ['ca.pem', 'cert.pem', 'key.pem'] : []
    )
    const viaContext = runClientOk(
      nest,
      'env -u DOCKER_HOST -u DOCKER_TLS_VERIFY -u DOCKER_CERT_PATH ' +
        "docker version --format '{{.Server.Version}}'",
      { env: env() }
    )
    expect(viaContext.trim()).toBe(nest.main.outputs['server-version'])
    // The runner's CLI (20.10) reads the store too: with no DOCKER_HOST it
    // follows currentContext to the nest.
    const viaCurrent = docker(
      ['version', '--format', '{{.Server.Version}}'],
      env()
    )
    expect(viaCurrent.stdout.trim()).toBe(nest.main.outputs['server-version'])
  })

  test('buildx creates a docker-container builder on the context (from the env alone it refuses TLS data)', () => {
    const name = `nest-builder-${nest.tag}`
    if (mode === 'dind') {
      const refused = runClient(
        nest,
        `docker buildx create --name env-${nest.tag} --driver docker-container`,
        { env: env() }
      )
      expect(refused.status).not.toBe(0)
      expect(refused.stderr).toContain('TLS data loaded from environment')
    }
    runClientOk(
      nest,
      `docker buildx create --name ${name} --driver docker-container ${CONTEXT}`,
      { env: env() }
    )
    const inspected = runClientOk(nest, `docker buildx inspect ${name}`, {
      env: env()
    })
    expect(inspected).toMatch(new RegExp(`Driver:\\s+docker-container`))
    expect(inspected).toMatch(new RegExp(`Endpoint:\\s+${CONTEXT}\\n`))
    runClientOk(nest, `docker buildx rm ${name}`, { env: env() })
  })

  test('buildx builds on the nest through the context (docker driver)', () => {
    const context = workPath(nest, 'buildx')
    const image = `docker-nest-e2e-buildx-${nest.tag}:1`
    writeFileSync(
      join(context, 'Dockerfile'),
      `FROM ${IMAGES.busybox}\nRUN echo built by buildx > /by\n`
    )
    try {
      const listed = runClientOk(nest, 'docker buildx ls', { env: env() })
      expect(listed).toMatch(
        new RegExp(`^${CONTEXT}\\s+(\\*\\s+)?docker\\s*$`, 'm')
      )
      runClientOk(
        nest,
        // A context's own builder is addressed through --context: buildx
        // refuses --builder for a context that is not the active one
        // (DOCKER_HOST keeps "default" active for the CLI).
        `docker --context ${CONTEXT} buildx build --label ${nest.label} ` +
          `--tag ${image} ${context}`,
        { env: env() }
      )
      // The image is in the nest's daemon (the runner's CLI, the step's env).
      expect(
        inNest(nest, [
          'run',
          '--rm',
          '--label',
          nest.label,
          image,
          'cat',
          '/by'
        ]).stdout
      ).toBe('built by buildx\n')
    } finally {
      inNest(nest, ['image', 'rm', '--force', image])
    }
  })

  test(
    'post removes the context and restores the previous current one',
    async () => {
      post = await stopNest(nest, true)
      expect(post.exitCode).toBe(0)
      expect(post.stdout).not.toContain('::warning::')
      expect(post.stdout).toContain(
        `Removed docker context '${CONTEXT}'; current context: ${PREVIOUS}.`
      )
      expect(configOf(nest).currentContext).toBe(PREVIOUS)
      const dirs = contextDirs(configDir, CONTEXT)
      expect([existsSync(dirs.meta), existsSync(dirs.tls)]).toEqual([
        false,
        false
      ])
      const contexts = runClientOk(
        { ...nest, env: {} },
        "docker context ls --format '{{.Name}}'",
        { env: env() }
      )
      expect(contexts.split('\n').filter(Boolean).sort()).toEqual([
        PREVIOUS,
        'default'
      ])
    },
    TIMEOUT
  )
})

suite('input context next to a context the user made', () => {
  test(
    'main refuses to take over a context of the same name; post leaves it and the current context alone',
    async () => {
      const work = tempDir('docker-nest-e2e-context-')
      const configDir = join(work.dir, 'docker-config')
      const prepare = (script: string) =>
        runClientOk(
          { work: work.dir, env: {}, runId: 'none' } as unknown as Nest,
          script,
          { env: { DOCKER_CONFIG: configDir } }
        )
      try {
        prepare(
          `docker context create ${CONTEXT} --docker host=unix:///var/run/docker.sock` +
            ` >/dev/null && docker context use ${CONTEXT} >/dev/null`
        )
        const before = readFileSync(join(configDir, 'config.json'), 'utf8')
        const main = await runMain({
          inputs: { mode: 'dood', context: CONTEXT },
          env: { DOCKER_CONFIG: configDir },
          workDir: join(work.dir, 'job')
        })
        expect(main.exitCode).toBe(1)
        expect(errorOf(main)).toBe(
          `Input 'context': a docker context named '${CONTEXT}' already ` +
            `exists in ${configDir} and docker-nest did not create it. ` +
            `Choose another name or remove it (docker context rm ${CONTEXT}).`
        )
        const post = await runPost(main)
        expect(post.exitCode).toBe(0)
        expect(post.stdout).not.toContain('::warning::')
        expect(readFileSync(join(configDir, 'config.json'), 'utf8')).toBe(
          before
        )
        expect(
          prepare(`docker context inspect --format '{{.Name}}' ${CONTEXT}`)
        ).toBe(`${CONTEXT}\n`)
      } finally {
        work.remove()
      }
    },
    TIMEOUT
  )
})
