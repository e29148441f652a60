/**
 * `docker-nest socket-proxy` (internal): the forwarder behind the Action's
 * `socket-proxy: true`. Started by main, stopped by deleting its socket.
 */
import { serveSocketProxy } from '../../engine/dood/socket-proxy.js'
import { EXIT, UsageError } from '../usage.js'
import type { Command } from './types.js'

function owner(value: unknown): { uid: number; gid: number } | undefined {
  if (value === undefined) return undefined
  const match = /^(\d+):(\d+)$/.exec(String(value))
  if (!match) {
    throw new UsageError(
      `Option '--owner' must be UID:GID, got '${String(value)}'.`
    )
  }
  return { uid: Number(match[1]), gid: Number(match[2]) }
}

export const socketProxy: Command = {
  name: 'socket-proxy',
  summary:
    'internal: serve --listen (owned by --owner, 0600) forwarding to --target until the --listen file is deleted',
  options: {
    listen: { type: 'string', placeholder: 'PATH', help: 'socket to serve' },
    target: {
      type: 'string',
      placeholder: 'PATH',
      help: 'the real Docker socket'
    },
    owner: {
      type: 'string',
      placeholder: 'UID:GID',
      help: 'owner of the served socket'
    }
  },
  async run({ values, logger }) {
    const listen = values.listen as string | undefined
    const target = values.target as string | undefined
    if (!listen || !target) {
      throw new UsageError("socket-proxy needs '--listen' and '--target'.")
    }
    logger.info(`socket-proxy: serving ${listen} -> ${target}`)
    await serveSocketProxy({ listen, target, owner: owner(values.owner) })
    logger.info('socket-proxy: socket removed, stopping')
    return EXIT.ok
  }
}
