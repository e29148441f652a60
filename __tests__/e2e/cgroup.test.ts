/**
 * cgroup versions: runners have both (v2 on current hosted images, v1 on
 * older kernels and many self-hosted machines, such as the test machines).
 * The nest sees the runner's version: main reports it, the inner daemon
 * agrees, and a limit set in the nest holds, read where that version keeps
 * it. The start script's cgroup v2 nesting step (the one part of it that
 * differs by version) runs here too, on a stand-in cgroup2 tree, whatever
 * the host has.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { PREPARE_FUNCTIONS } from '../../src/engine/dind/startup-script.js'
import { runIdOf, runMain, runPost } from './harness/runner.js'
import {
  E2E,
  IMAGES,
  docker,
  dockerOk,
  leftovers,
  loadImageInto,
  nestEnv,
  removeLeftovers,
  requireDocker,
  tempDir
} from './helpers/docker.js'

const suite = E2E ? describe : describe.skip
const TIMEOUT = 120_000
const LIMIT = 64 * 1024 * 1024

/** The runner's cgroup version, as the start script tells it. */
const HOST_CGROUP = existsSync('/sys/fs/cgroup/cgroup.controllers') ? '2' : '1'

/**
 * Runs `script` after the start script's preparation functions in a
 * privileged busybox container whose /sys/fs/cgroup is a stand-in cgroup2
 * tree: cgroup.controllers lists three controllers and the root cgroup
 * holds two processes.
 */
function withStandInCgroup2(script: string): {
  status: number
  stdout: string
  stderr: string
} {
  const setup = [
    'mount -t tmpfs none /sys/fs/cgroup',
    'cd /sys/fs/cgroup',
    "echo 'cpu memory pids' > cgroup.controllers",
    "printf '1\\n7\\n' > cgroup.procs",
    ': > cgroup.subtree_control',
    'cd /'
  ].join('\n')
  return docker([
    'run',
    '--rm',
    '--privileged',
    IMAGES.busybox,
    'sh',
    '-c',
    `${setup}\n${PREPARE_FUNCTIONS}\n${script}`
  ])
}

suite(`cgroups (this runner: v${HOST_CGROUP})`, () => {
  const work = tempDir('docker-nest-e2e-cgroup-')
  beforeAll(() => requireDocker([IMAGES.official, IMAGES.busybox]))
  afterAll(() => work.remove())

  it(
    "reports the runner's cgroup version, the inner daemon agrees, and a memory limit set in the nest holds",
    async () => {
      const main = await runMain({
        inputs: { image: IMAGES.official },
        workDir: join(work.dir, 'limit')
      })
      const runId = runIdOf(main)
      try {
        expect(main.exitCode).toBe(0)
        expect(main.stdout).toContain(`cgroup v${HOST_CGROUP})`)
        const env = nestEnv(main.env)
        expect(
          dockerOk(['info', '--format', '{{.CgroupVersion}}'], env).trim()
        ).toBe(HOST_CGROUP)
        expect(main.summary).toContain(`| v${HOST_CGROUP} |`)

        loadImageInto(env, IMAGES.busybox)
        // v1 keeps the limit in the memory hierarchy, v2 in the unified one.
        const file =
          HOST_CGROUP === '2'
            ? '/sys/fs/cgroup/memory.max'
            : '/sys/fs/cgroup/memory/memory.limit_in_bytes'
        const limit = dockerOk(
          [
            'run',
            '--rm',
            '--memory',
            String(LIMIT),
            IMAGES.busybox,
            'cat',
            file
          ],
          env
        )
        expect(limit.trim()).toBe(String(LIMIT))

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
    'the cgroup v2 nesting step moves the root cgroup’s processes into init/ and enables every controller',
    () => {
      const result = withStandInCgroup2(
        'nest_prepare_cgroups\n' +
          'echo "container=$container"\n' +
          'echo "procs=$(tr "\\n" " " < /sys/fs/cgroup/init/cgroup.procs)"\n' +
          'echo "subtree=$(cat /sys/fs/cgroup/cgroup.subtree_control)"'
      )
      expect(result.stderr).toBe('')
      expect(result.status).toBe(0)
      expect(result.stdout.trim().split('\n')).toEqual([
        'container=docker',
        'procs=1 7 ',
        'subtree=+cpu +memory +pids'
      ])
    },
    TIMEOUT
  )

  it(
    'a root cgroup that keeps refusing the controllers: the step gives up after its retries and says why',
    () => {
      // A directory where the control file should be: every write fails,
      // as it does while processes keep landing in the root cgroup.
      const result = withStandInCgroup2(
        'rm /sys/fs/cgroup/cgroup.subtree_control\n' +
          'mkdir /sys/fs/cgroup/cgroup.subtree_control\n' +
          'nest_prepare_cgroups\necho "went on"'
      )
      expect(result.status).toBe(0)
      expect(result.stderr).toContain(
        'docker-nest: could not enable cgroup v2 nesting (cgroup.subtree_control)'
      )
      expect(result.stdout.trim()).toBe('went on')
    },
    TIMEOUT
  )
})
