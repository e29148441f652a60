/**
 * The runner's docker CLI (20.10 here) on the env main exported, in dind and
 * dood: run, build, exec, cp, volumes and user networks (container names
 * resolve), everything labelled with the run so dood's post removes it.
 */
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals'
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { E2E, IMAGES, requireDocker } from '../helpers/docker.js'
import {
  MODES,
  NEST_IMAGE,
  inNest,
  inNestOk,
  startNest,
  stopNest,
  workPath,
  type Nest
} from './nest.js'

const suite = E2E ? describe : describe.skip
const TIMEOUT = 120_000

suite.each(MODES)('docker CLI on the exported env (%s)', (mode) => {
  let nest: Nest
  let image = ''
  let volume = ''
  let network = ''
  let server = ''

  beforeAll(async () => {
    requireDocker([IMAGES.busybox, NEST_IMAGE])
    nest = await startNest(mode)
    image = `docker-nest-e2e-cli-${nest.tag}:1`
    volume = `docker-nest-e2e-cli-${nest.tag}`
    network = `docker-nest-e2e-cli-${nest.tag}`
    server = `docker-nest-e2e-cli-${nest.tag}`
  }, TIMEOUT)

  afterAll(async () => {
    if (!nest) return
    inNest(nest, ['rm', '--force', server])
    inNest(nest, ['network', 'rm', network])
    inNest(nest, ['volume', 'rm', '--force', volume])
    inNest(nest, ['image', 'rm', '--force', image])
    const post = await stopNest(nest)
    expect(post.stdout).not.toContain('::warning::')
  }, TIMEOUT)

  test('run: a container prints and exits with its code', () => {
    expect(
      inNestOk(nest, [
        'run',
        '--rm',
        '--label',
        nest.label,
        IMAGES.busybox,
        'echo',
        'hello from the nest'
      ])
    ).toBe('hello from the nest\n')
    const failed = inNest(nest, [
      'run',
      '--rm',
      '--label',
      nest.label,
      IMAGES.busybox,
      'sh',
      '-c',
      'exit 3'
    ])
    expect(failed.status).toBe(3)
  })

  test('build: an image from a local context, then run it', () => {
    const context = workPath(nest, 'build')
    writeFileSync(join(context, 'greeting.txt'), 'built in the nest\n')
    writeFileSync(
      join(context, 'Dockerfile'),
      `FROM ${IMAGES.busybox}\nCOPY greeting.txt /greeting.txt\n` +
        'RUN wc -c /greeting.txt > /size\n'
    )
    inNestOk(nest, ['build', '--label', nest.label, '-t', image, context])
    expect(
      inNestOk(nest, [
        'run',
        '--rm',
        '--label',
        nest.label,
        image,
        'cat',
        '/greeting.txt',
        '/size'
      ])
    ).toBe('built in the nest\n18 /greeting.txt\n')
  })

  test('volumes: data written by one container is read by the next', () => {
    inNestOk(nest, ['volume', 'create', '--label', nest.label, volume])
    const run = (script: string) =>
      inNestOk(nest, [
        'run',
        '--rm',
        '--label',
        nest.label,
        '-v',
        `${volume}:/data`,
        IMAGES.busybox,
        'sh',
        '-c',
        script
      ])
    run('echo kept > /data/file')
    expect(run('cat /data/file')).toBe('kept\n')
  })

  test('networks, exec and cp: a server reached by name on a user network', () => {
    inNestOk(nest, ['network', 'create', '--label', nest.label, network])
    inNestOk(nest, [
      'run',
      '-d',
      '--name',
      server,
      '--label',
      nest.label,
      '--network',
      network,
      IMAGES.busybox,
      'sh',
      '-c',
      'mkdir -p /www && exec httpd -f -p 8080 -h /www'
    ])
    // cp into the running container, exec in it, cp back out.
    const local = workPath(nest, 'cp')
    writeFileSync(join(local, 'index.html'), 'served by busybox\n')
    inNestOk(nest, ['cp', join(local, 'index.html'), `${server}:/www/`])
    expect(inNestOk(nest, ['exec', server, 'cat', '/www/index.html'])).toBe(
      'served by busybox\n'
    )
    inNestOk(nest, ['exec', server, 'sh', '-c', 'echo from exec > /www/x'])
    inNestOk(nest, ['cp', `${server}:/www/x`, join(local, 'x')])
    expect(readFileSync(join(local, 'x'), 'utf8')).toBe('from exec\n')
    // Another container on the network resolves the server by name.
    const fetched = inNestOk(nest, [
      'run',
      '--rm',
      '--label',
      nest.label,
      '--network',
      network,
      IMAGES.busybox,
      'sh',
      '-c',
      `for i in $(seq 50); do wget -q -O - http://${server}:8080/ && exit 0; sleep 0.1; done; exit 1`
    ])
    expect(fetched).toBe('served by busybox\n')
  })
})
