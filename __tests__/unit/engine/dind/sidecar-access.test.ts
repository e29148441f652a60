/**
 * The sidecar through the one Docker client: the files go on the attached
 * stdin where the client attached it, else in as a tar; the log is read
 * only where that costs no process.
 */
import { describe, expect, test } from '@jest/globals'
import { sidecarAccessVia } from '../../../../src/engine/dind/sidecar-access.js'
import { STDIN_DELIVERY_ENV } from '../../../../src/engine/dind/stdin-delivery.js'
import type { AttachedStreams } from '../../../../src/engine/docker/attach.js'
import type {
  DockerClient,
  RunHooks
} from '../../../../src/engine/docker/client.js'
import type { CreateRequest } from '../../../../src/engine/docker/create-request.js'

const request = { name: 'nest', body: {} } as unknown as CreateRequest
const entries = [{ path: 'certs/ready', mode: 0o644, content: '' }]

/** A client that attaches when `attaches`, recording what it is asked. */
function fakeClient(attaches: boolean, failRun = false) {
  const calls: string[] = []
  const sent: Buffer[] = []
  let aborted = false
  // Only the calls sidecar access makes.
  const partial = {
    via: attaches ? 'engine-api' : 'docker-cli',
    async run(_request, hooks: RunHooks = {}) {
      calls.push(`run${hooks.attach ? ` +${hooks.attach.env.join(',')}` : ''}`)
      if (attaches && hooks.attach) {
        const streams: AttachedStreams = {
          send: async (data) => void sent.push(data),
          abort: () => void (aborted = true)
        }
        hooks.attach.onAttach(Promise.resolve(streams))
        hooks.attach.onOutput(Buffer.from('docker-nest: cgroup v2\n'))
      }
      if (failRun) throw new Error('refused')
    },
    inspectContainer: async () => ({}) as never,
    copyIn: async (name, tar) =>
      void calls.push(`copyIn ${name} ${tar.length}`),
    watchExit: () => ({
      exited: new Promise(() => undefined),
      stopWatching() {}
    }),
    ...(attaches && { containerLog: async () => 'whole log' })
  } satisfies Partial<DockerClient>
  const client = partial as unknown as DockerClient
  return { client, calls, sent, aborted: () => aborted }
}

describe('sidecarAccessVia', () => {
  test('sends the files once on the attached stdin, then by copy', async () => {
    const { client, calls, sent } = fakeClient(true)
    const access = sidecarAccessVia(client)
    await access.runDetached(request, { filesByStdin: true })
    expect(calls).toEqual([`run +${STDIN_DELIVERY_ENV}=stdin`])
    expect(access.stdinPending?.('nest')).toBe(true)
    expect(access.liveLog?.('nest')?.text).toBe('docker-nest: cgroup v2\n')
    await access.copyIn('nest', entries)
    expect(sent).toHaveLength(1)
    expect(access.stdinPending?.('nest')).toBe(false)
    await access.copyIn('nest', entries)
    expect(calls.at(-1)).toMatch(/^copyIn nest \d+$/)
  })

  test('copies the files in as a tar when nothing was attached (CLI)', async () => {
    const { client, calls } = fakeClient(false)
    const access = sidecarAccessVia(client)
    await access.runDetached(request, { filesByStdin: true })
    expect(access.stdinPending?.('nest')).toBe(false)
    await access.copyIn('nest', entries)
    expect(calls).toEqual([
      `run +${STDIN_DELIVERY_ENV}=stdin`,
      'copyIn nest 1536'
    ])
    // No log without a process of its own: the daemon's facts come from GET /info.
    expect(access.cheapLog).toBeUndefined()
    expect(access.liveLog?.('nest')).toBeUndefined()
  })

  test('drops the streams of a start that failed', async () => {
    const { client, aborted } = fakeClient(true, true)
    const access = sidecarAccessVia(client)
    await expect(
      access.runDetached(request, { filesByStdin: true })
    ).rejects.toThrow('refused')
    expect(access.stdinPending?.('nest')).toBe(false)
    await new Promise((resolve) => setImmediate(resolve))
    expect(aborted()).toBe(true)
  })

  test('reads the whole log once where the client has it cheaply', async () => {
    const { client } = fakeClient(true)
    const access = sidecarAccessVia(client)
    await expect(access.cheapLog?.('other')).resolves.toBe('whole log')
  })
})
