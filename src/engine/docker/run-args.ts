/**
 * The docker CLI fallback of a create request (create-request.ts): the
 * `docker run --detach` arguments that create and start the same container
 * the API path would. Derived from the request, never the other way round.
 *
 * Every field has its renderer in {@link FIELD_FLAGS}, whose type names
 * every field of the request: a field added to the structure does not
 * compile until it is rendered here, and a field present at run time that
 * the table does not know is refused, never dropped.
 */
import type {
  CreateBody,
  CreateRequest,
  DeviceMapping,
  HostConfig,
  Mount
} from './create-request.js'

/** The name of every field of a request, HostConfig's prefixed. */
type FieldName =
  | 'name'
  | Exclude<keyof CreateBody, 'HostConfig'>
  | `HostConfig.${keyof HostConfig}`

/** Arguments for one field; the whole request is given for fields that depend on others. */
type Render = (request: CreateRequest) => string[]

/** A request that cannot be said with `docker run`: names the field, the value and why. */
export class UnrenderableRequestError extends Error {
  constructor(field: string, value: unknown, why: string) {
    super(
      `The create request's ${field} (${JSON.stringify(value)}) has no ` +
        `docker run form: ${why}.`
    )
    this.name = 'UnrenderableRequestError'
  }
}

/** One `--flag=value` per entry. */
function each(flag: string, values: readonly string[] | undefined): string[] {
  return (values ?? []).map((value) => `${flag}=${value}`)
}

/**
 * One field of `--mount`'s comma-separated list, quoted as the CLI's CSV
 * reader expects when it holds a comma or a quote.
 */
function csvField(field: string): string {
  return /[",]/.test(field) ? `"${field.replace(/"/g, '""')}"` : field
}

/** `--mount` value of one mount. */
export function mountArg(mount: Mount): string {
  const fields = [
    `type=${mount.Type}`,
    `src=${mount.Source}`,
    `dst=${mount.Target}`,
    ...(mount.ReadOnly ? ['readonly'] : []),
    ...(mount.Type === 'volume'
      ? Object.entries(mount.VolumeOptions?.Labels ?? {}).map(
          ([key, value]) => `volume-label=${key}=${value}`
        )
      : [])
  ]
  return fields.map(csvField).join(',')
}

/** `--device` value: the short form when the path and permissions are the CLI's defaults. */
function deviceArg(device: DeviceMapping): string {
  if (
    device.PathInContainer === device.PathOnHost &&
    device.CgroupPermissions === 'rwm'
  ) {
    return device.PathOnHost
  }
  return `${device.PathOnHost}:${device.PathInContainer}:${device.CgroupPermissions}`
}

/** `--publish hostIp:hostPort:port[/proto]` per binding. */
function publishArgs(bindings: HostConfig['PortBindings']): string[] {
  return Object.entries(bindings).flatMap(([port, list]) => {
    const [number, proto = 'tcp'] = port.split('/')
    const suffix = proto === 'tcp' ? '' : `/${proto}`
    return list.flatMap((binding) => [
      '--publish',
      `${binding.HostIp}:${binding.HostPort}:${number}${suffix}`
    ])
  })
}

/** `--security-opt=systempaths=unconfined`, the CLI's only form of both lists. */
function systemPaths({ body }: CreateRequest): string[] {
  const { MaskedPaths: masked, ReadonlyPaths: readonly } = body.HostConfig
  if (masked === undefined && readonly === undefined) return []
  if (masked?.length !== 0 || readonly?.length !== 0) {
    throw new UnrenderableRequestError(
      'HostConfig.MaskedPaths and ReadonlyPaths',
      [masked, readonly],
      'the CLI only unmasks all system paths at once ' +
        '(systempaths=unconfined: both lists present and empty)'
    )
  }
  return ['--security-opt=systempaths=unconfined']
}

/** `--network-alias` per alias of the endpoint on HostConfig.NetworkMode. */
function aliasArgs({ body }: CreateRequest): string[] {
  const endpoints = Object.entries(body.NetworkingConfig?.EndpointsConfig ?? {})
  const network = body.HostConfig.NetworkMode
  return endpoints.flatMap(([name, settings]) => {
    if (name !== network) {
      throw new UnrenderableRequestError(
        `NetworkingConfig.EndpointsConfig.${name}`,
        settings,
        `docker run joins one network, HostConfig.NetworkMode '${network}'`
      )
    }
    return (settings.Aliases ?? []).flatMap((alias) => [
      '--network-alias',
      alias
    ])
  })
}

/**
 * Every field, in the order its arguments appear: flags first, then the
 * image, the entrypoint's further words and the command.
 */
const FIELD_FLAGS: { readonly [Field in FieldName]-?: Render } = {
  name: ({ name }) => ['--name', name],
  Labels: ({ body }) =>
    Object.entries(body.Labels).flatMap(([key, value]) => [
      '--label',
      `${key}=${value}`
    ]),
  'HostConfig.Runtime': ({ body }) =>
    body.HostConfig.Runtime ? [`--runtime=${body.HostConfig.Runtime}`] : [],
  'HostConfig.AutoRemove': ({ body }) =>
    body.HostConfig.AutoRemove ? ['--rm'] : [],
  'HostConfig.Privileged': ({ body }) =>
    body.HostConfig.Privileged ? ['--privileged'] : [],
  'HostConfig.CapAdd': ({ body }) => each('--cap-add', body.HostConfig.CapAdd),
  'HostConfig.SecurityOpt': ({ body }) =>
    each('--security-opt', body.HostConfig.SecurityOpt),
  'HostConfig.MaskedPaths': systemPaths,
  // Rendered with MaskedPaths, which checks that both are empty.
  'HostConfig.ReadonlyPaths': () => [],
  'HostConfig.Devices': ({ body }) =>
    each('--device', body.HostConfig.Devices?.map(deviceArg)),
  'HostConfig.PortBindings': ({ body }) =>
    publishArgs(body.HostConfig.PortBindings),
  // A published port is exposed by --publish; the others by --expose.
  ExposedPorts: ({ body }) =>
    Object.keys(body.ExposedPorts)
      .filter((port) => !body.HostConfig.PortBindings[port])
      .flatMap((port) => ['--expose', port]),
  'HostConfig.NetworkMode': ({ body }) =>
    body.HostConfig.NetworkMode === 'default'
      ? []
      : ['--network', body.HostConfig.NetworkMode],
  NetworkingConfig: aliasArgs,
  'HostConfig.Mounts': ({ body }) =>
    body.HostConfig.Mounts.flatMap((mount) => ['--mount', mountArg(mount)]),
  Env: ({ body }) => body.Env.flatMap((entry) => ['--env', entry]),
  Entrypoint: ({ body }) =>
    body.Entrypoint ? ['--entrypoint', body.Entrypoint[0] ?? ''] : [],
  Image: ({ body }) => [body.Image, ...(body.Entrypoint?.slice(1) ?? [])],
  Cmd: ({ body }) => body.Cmd
}

/** Throws for a field of `object` that {@link FIELD_FLAGS} has no renderer for. */
function refuseUnknown(object: object, prefix: string): void {
  for (const [key, value] of Object.entries(object)) {
    if (value !== undefined && !(`${prefix}${key}` in FIELD_FLAGS)) {
      throw new UnrenderableRequestError(
        `${prefix}${key}`,
        value,
        'run-args.ts has no renderer for this field; add one to FIELD_FLAGS'
      )
    }
  }
}

/**
 * `docker run --detach …` arguments that create and start the container
 * of `request`; throws {@link UnrenderableRequestError} for anything the
 * CLI cannot say.
 */
export function runArgsFromCreate(request: CreateRequest): string[] {
  const { HostConfig: hostConfig, ...config } = request.body
  refuseUnknown(config, '')
  refuseUnknown(hostConfig, 'HostConfig.')
  return [
    'run',
    '--detach',
    ...Object.values<Render>(FIELD_FLAGS).flatMap((render) => render(request))
  ]
}

/** The fields {@link runArgsFromCreate} renders, in order (for tests). */
export const RENDERED_FIELDS = Object.keys(FIELD_FLAGS) as FieldName[]
