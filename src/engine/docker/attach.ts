/**
 * A container's streams over the Engine API: `POST /containers/{id}/attach`
 * upgraded to a raw stream (what `docker attach` does), and the framing the
 * daemon uses for a container's output when it has no TTY.
 */
import { readBody, startRequest, type DaemonEndpoint } from './endpoint.js'
import { EngineApiError } from './engine-api-error.js'

/** A container's attached streams, from {@link attachStreams}. */
export interface AttachedStreams {
  /** Writes `data`, then closes stdin (its output goes on). */
  send(data: Buffer): Promise<void>
  /** Drops the stream (the container's stdin ends, its output is no longer read). */
  abort(): void
}

/**
 * `POST /containers/{name}/attach?stream=1&stdin=1&stdout=1&stderr=1`,
 * upgraded to a raw stream: resolves once the daemon switched protocols.
 * `send` writes the data and half-closes, which closes the container's
 * stdin when it was created with `StdinOnce`. stdout and stderr come on the
 * same stream (what the container prints from then on, with no `logs`
 * request): each frame's payload goes to `onOutput`.
 */
export function attachStreams(
  endpoint: DaemonEndpoint,
  name: string,
  onOutput: (payload: Buffer) => void,
  debug: (message: string) => void = () => undefined
): Promise<AttachedStreams> {
  const started = performance.now()
  const path = `/containers/${encodeURIComponent(name)}/attach`
  return new Promise((resolve, reject) => {
    const req = startRequest(endpoint, {
      method: 'POST',
      path: `${path}?stream=1&stdin=1&stdout=1&stderr=1`,
      headers: { Connection: 'Upgrade', Upgrade: 'tcp' }
    })
    req.setTimeout(30_000, () =>
      req.destroy(new Error(`attach ${name}: timed out`))
    )
    req.on('upgrade', (_res, socket, head) => {
      req.setTimeout(0)
      debug(
        `engine-api: attach POST -> 101 (${Math.round(performance.now() - started)} ms)`
      )
      socket.on('error', () => undefined)
      const frames = new Demultiplexer(onOutput)
      frames.push(head)
      socket.on('data', (chunk: Buffer) => frames.push(chunk))
      // The daemon may hold the stream open until the container exits;
      // it must not keep the step alive (a write in flight still does).
      socket.unref()
      resolve({
        send: (data) =>
          new Promise<void>((done, failed) => {
            socket.once('error', failed)
            socket.end(data, () => done())
          }),
        abort: () => socket.destroy()
      })
    })
    req.on('response', (res) => {
      // Any answer but the switch to a raw stream is the daemon refusing.
      readBody(res).then(
        (body) =>
          reject(
            new EngineApiError(
              'POST',
              `/containers/${name}/attach`,
              res.statusCode ?? 0,
              body.toString('utf8')
            )
          ),
        reject
      )
    })
    req.on('error', reject)
    req.end()
  })
}

/**
 * Splits a multiplexed stream (8-byte header: stream type, 3 bytes padding,
 * 4-byte big-endian length), as the daemon sends a container's output when
 * it has no TTY, into the frames' payloads; a frame may span chunks.
 */
export class Demultiplexer {
  private rest: Buffer = Buffer.alloc(0)

  constructor(private readonly onPayload: (payload: Buffer) => void) {}

  push(chunk: Buffer): void {
    const data =
      this.rest.length > 0 ? Buffer.concat([this.rest, chunk]) : chunk
    let offset = 0
    while (offset + 8 <= data.length) {
      const end = offset + 8 + data.readUInt32BE(offset + 4)
      if (end > data.length) break
      this.onPayload(data.subarray(offset + 8, end))
      offset = end
    }
    this.rest = Buffer.from(data.subarray(offset))
  }
}

/** Joins the complete frames of a multiplexed log stream (see {@link Demultiplexer}). */
export function demultiplex(stream: Buffer): string {
  const parts: Buffer[] = []
  new Demultiplexer((payload) => parts.push(payload)).push(stream)
  return Buffer.concat(parts).toString('utf8')
}
