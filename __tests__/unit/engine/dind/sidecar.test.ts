import { describe, expect, it } from '@jest/globals'
import {
  RUN_ATTEMPTS,
  runSidecar
} from '../../../../src/engine/dind/sidecar.js'
import {
  DockerCommandError,
  type DockerCli
} from '../../../../src/engine/docker/cli.js'
import { makePlan } from '../../../../src/engine/dind/plan.js'
import { parseInputs } from '../../../../src/engine/options/config.js'
import type { Logger } from '../../../../src/engine/types.js'

const plan = makePlan(parseInputs({ image: 'docker:29-dind' }), {
  runPrefix: 'local',
  detectedMtu: undefined,
  now: new Date(0),
  random: 'abcd1234'
})

const PORT_TAKEN =
  'docker: Error response from daemon: driver failed programming external ' +
  'connectivity on endpoint docker-nest-abcd1234: Error starting userland ' +
  'proxy: listen tcp4 127.0.0.1:49170: bind: address already in use.'

/** A docker CLI whose `run` fails with the given stderr texts, in order, then succeeds. */
function fakeDocker(failures: string[], removeOk = true) {
  const calls: string[] = []
  const docker = {
    async exec(args: string[]) {
      calls.push(args[0])
      const stderr = failures.shift()
      if (stderr !== undefined) throw new DockerCommandError(args, 125, stderr)
      return { exitCode: 0, stdout: 'id\n', stderr: '' }
    },
    async tryRemoveContainer(name: string) {
      calls.push(`rm ${name}`)
      return removeOk
    }
  }
  return { docker: docker as unknown as DockerCli, calls }
}

const infos: string[] = []
const logger: Logger = {
  info: (m) => infos.push(m),
  debug: () => undefined,
  warning: () => undefined,
  group: (_t, fn) => fn()
}

describe('runSidecar', () => {
  it('runs once when docker run succeeds', async () => {
    const { docker, calls } = fakeDocker([])
    await runSidecar(docker, plan, logger)
    expect(calls).toEqual(['run'])
  })

  it.each([
    PORT_TAKEN,
    'Bind for 127.0.0.1:49170 failed: port is already allocated'
  ])(
    'removes the half-made container and retries when the port is taken: %s',
    async (stderr) => {
      const { docker, calls } = fakeDocker([stderr])
      await runSidecar(docker, plan, logger)
      expect(calls).toEqual(['run', 'rm docker-nest-abcd1234', 'run'])
      expect(infos.at(-1)).toContain('retrying with a new container')
    }
  )

  it(`gives up after ${RUN_ATTEMPTS} attempts with docker's error`, async () => {
    const { docker, calls } = fakeDocker(Array(RUN_ATTEMPTS).fill(PORT_TAKEN))
    await expect(runSidecar(docker, plan, logger)).rejects.toThrow(
      'address already in use'
    )
    expect(calls.filter((call) => call === 'run')).toHaveLength(RUN_ATTEMPTS)
  })

  it('does not retry other failures', async () => {
    const { docker, calls } = fakeDocker(['Unable to find image'])
    await expect(runSidecar(docker, plan, logger)).rejects.toThrow(
      'Unable to find image'
    )
    expect(calls).toEqual(['run'])
  })

  it('stops when the half-made container cannot be removed', async () => {
    const { docker, calls } = fakeDocker([PORT_TAKEN], false)
    await expect(runSidecar(docker, plan, logger)).rejects.toThrow(
      'address already in use'
    )
    expect(calls).toEqual(['run', 'rm docker-nest-abcd1234'])
  })
})
