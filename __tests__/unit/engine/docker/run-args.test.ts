import { describe, expect, test } from '@jest/globals'
import type {
  BindMount,
  CreateBody,
  CreateRequest,
  HostConfig,
  VolumeMount
} from '../../../../src/engine/docker/create-request.js'
import {
  RENDERED_FIELDS,
  UnrenderableRequestError,
  mountArg,
  runArgsFromCreate
} from '../../../../src/engine/docker/run-args.js'

const volume = {
  Type: 'volume',
  Source: 'data',
  Target: '/var/lib/docker',
  ReadOnly: true,
  VolumeOptions: { Labels: { 'a.b': 'c' } }
} satisfies Required<VolumeMount>

const bind = {
  Type: 'bind',
  Source: '/usr/bin/dockerd',
  Target: '/usr/local/bin/dockerd',
  ReadOnly: true
} satisfies Required<BindMount>

/** Every field of the structure set (the types make it list them all). */
function everyField(): CreateRequest {
  const hostConfig: Required<HostConfig> = {
    Privileged: true,
    Runtime: 'runc',
    CapAdd: ['SYS_ADMIN'],
    SecurityOpt: ['seccomp=unconfined'],
    MaskedPaths: [],
    ReadonlyPaths: [],
    Devices: [
      {
        PathOnHost: '/dev/fuse',
        PathInContainer: '/dev/fuse',
        CgroupPermissions: 'rwm'
      }
    ],
    PortBindings: { '2376/tcp': [{ HostIp: '127.0.0.1', HostPort: '' }] },
    Mounts: [structuredClone(volume), structuredClone(bind)],
    NetworkMode: 'job',
    AutoRemove: true
  }
  const body: Required<CreateBody> = {
    Image: 'img:1',
    Entrypoint: ['sh', '-e'],
    Cmd: ['-c', 'true'],
    Env: ['A=1'],
    Labels: { x: 'y' },
    ExposedPorts: { '2376/tcp': {}, '9000/udp': {} },
    HostConfig: hostConfig,
    NetworkingConfig: { EndpointsConfig: { job: { Aliases: ['docker'] } } }
  }
  return { name: 'nest', body }
}

/**
 * The request with one field (`HostConfig.X` for HostConfig's) emptied:
 * a list or map made empty, a string '', a flag flipped; an empty list
 * (MaskedPaths) removed.
 */
function without(field: string): CreateRequest {
  const request = everyField()
  const [owner, key] = field.startsWith('HostConfig.')
    ? [request.body.HostConfig, field.slice('HostConfig.'.length)]
    : field === 'name'
      ? [request, field]
      : [request.body, field]
  const fields = owner as unknown as Record<string, unknown>
  const value = fields[key]
  if (Array.isArray(value) && value.length === 0) delete fields[key]
  else if (Array.isArray(value)) fields[key] = []
  else if (typeof value === 'object') fields[key] = {}
  else if (typeof value === 'string') fields[key] = ''
  else fields[key] = !value
  return request
}

/** The arguments, or the error that refused the request. */
function attempt(request: CreateRequest): string[] | Error {
  try {
    return runArgsFromCreate(request)
  } catch (error) {
    return error as Error
  }
}

describe('runArgsFromCreate', () => {
  test('renders every field of the structure, in docker run order', () => {
    expect(runArgsFromCreate(everyField())).toEqual([
      'run',
      '--detach',
      '--name',
      'nest',
      '--label',
      'x=y',
      '--runtime=runc',
      '--rm',
      '--privileged',
      '--cap-add=SYS_ADMIN',
      '--security-opt=seccomp=unconfined',
      '--security-opt=systempaths=unconfined',
      '--device=/dev/fuse',
      '--publish',
      '127.0.0.1::2376',
      '--expose',
      '9000/udp',
      '--network',
      'job',
      '--network-alias',
      'docker',
      '--mount',
      'type=volume,src=data,dst=/var/lib/docker,readonly,volume-label=a.b=c',
      '--mount',
      'type=bind,src=/usr/bin/dockerd,dst=/usr/local/bin/dockerd,readonly',
      '--env',
      'A=1',
      '--entrypoint',
      'sh',
      'img:1',
      '-e',
      '-c',
      'true'
    ])
  })

  test('has a renderer for each field of the sample, and the sample has every rendered field', () => {
    const { name: _name, body } = everyField()
    const { HostConfig: hostConfig, ...config } = body
    expect([...RENDERED_FIELDS].sort()).toEqual(
      [
        'name',
        ...Object.keys(config),
        ...Object.keys(hostConfig).map((key) => `HostConfig.${key}`)
      ].sort()
    )
  })

  test.each(RENDERED_FIELDS.map((field) => [field]))(
    '[%#] does not drop %s: emptied, the arguments differ, or the request is refused',
    (field) => {
      const full = runArgsFromCreate(everyField())
      const result = attempt(without(field))
      if (result instanceof Error) {
        expect(result).toBeInstanceOf(UnrenderableRequestError)
      } else expect(result).not.toEqual(full)
    }
  )

  test.each<[string, Record<string, unknown>]>([
    ['volume', volume],
    ['bind', bind]
  ])('[%#] renders every field of a %s mount', (_type, mount) => {
    const full = mountArg(mount as unknown as VolumeMount)
    for (const key of Object.keys(mount).filter((k) => k !== 'Type')) {
      const { [key]: _dropped, ...rest } = mount
      expect([key, mountArg(rest as unknown as VolumeMount)]).not.toEqual([
        key,
        full
      ])
    }
  })

  test('quotes a --mount field that holds a comma or a quote, as the CLI reads CSV', () => {
    expect(
      mountArg({ Type: 'bind', Source: '/a,b', Target: '/say "hi"' })
    ).toBe('type=bind,"src=/a,b","dst=/say ""hi"""')
  })

  test('gives an empty entrypoint as --entrypoint ""', () => {
    const request = everyField()
    request.body.Entrypoint = []
    const args = runArgsFromCreate(request)
    expect(args.slice(args.indexOf('--entrypoint'), -2)).toEqual([
      '--entrypoint',
      '',
      'img:1'
    ])
  })

  test('names a device by its path when it keeps path and permissions, else in full', () => {
    const request = everyField()
    request.body.HostConfig.Devices = [
      {
        PathOnHost: '/dev/a',
        PathInContainer: '/dev/b',
        CgroupPermissions: 'r'
      }
    ]
    expect(runArgsFromCreate(request)).toContain('--device=/dev/a:/dev/b:r')
  })

  test.each<[string, (request: CreateRequest) => void, RegExp]>([
    [
      'a field the renderer does not know',
      (request) => Object.assign(request.body, { OpenStdin: true }),
      /OpenStdin \(true\) has no docker run form: run-args\.ts has no renderer/
    ],
    [
      'a HostConfig field the renderer does not know',
      (request) => Object.assign(request.body.HostConfig, { Init: true }),
      /HostConfig\.Init \(true\) has no docker run form/
    ],
    [
      'masked paths without read-only paths',
      (request) => delete request.body.HostConfig.ReadonlyPaths,
      /MaskedPaths and ReadonlyPaths .* only unmasks all system paths at once/
    ],
    [
      'an endpoint on another network',
      (request) => (request.body.HostConfig.NetworkMode = 'other'),
      /EndpointsConfig\.job .*joins one network, HostConfig\.NetworkMode 'other'/
    ]
  ])('[%#] refuses %s, naming it', (_title, change, message) => {
    const request = everyField()
    change(request)
    expect(() => runArgsFromCreate(request)).toThrow(message)
  })
})
