/**
 * Reads the sidecar's `docker run` arguments (plan.ts's buildDindRunArgs,
 * the one place they are decided) back into an Engine API create request,
 * so main can create and start the sidecar without a CLI process. Only the
 * flags listed here are translated; any other flag (one a later feature
 * adds) makes {@link createRequestFromRunArgs} return undefined, and the
 * docker CLI runs the arguments as they are. Nothing is ever dropped.
 */

/** `POST /containers/create?name=…` and its JSON body. */
export interface CreateRequest {
  name: string
  body: {
    Image: string
    Entrypoint?: string[]
    Cmd: string[]
    Env: string[]
    /** Set by sidecar-access.ts for stdin delivery (stdin-delivery.ts). */
    OpenStdin?: boolean
    StdinOnce?: boolean
    Labels: Record<string, string>
    ExposedPorts: Record<string, object>
    HostConfig: {
      Privileged: boolean
      PortBindings: Record<string, { HostIp: string; HostPort: string }[]>
      Mounts: {
        Type: 'volume'
        Source: string
        Target: string
        VolumeOptions?: { Labels: Record<string, string> }
      }[]
      NetworkMode: string
      Runtime?: string
    }
    NetworkingConfig?: {
      EndpointsConfig: Record<string, { Aliases?: string[] }>
    }
  }
}

/** Splits `key=value` at the first `=`. */
function keyValue(text: string): [string, string] {
  const at = text.indexOf('=')
  return at < 0 ? [text, ''] : [text.slice(0, at), text.slice(at + 1)]
}

/** `--publish ip:hostPort:containerPort[/proto]`; undefined for other forms. */
function publish(
  value: string
): [string, { HostIp: string; HostPort: string }] | undefined {
  const match = /^(\d{1,3}(?:\.\d{1,3}){3}):(\d*):(\d+)(?:\/(tcp|udp))?$/.exec(
    value
  )
  if (!match) return undefined
  return [
    `${match[3]}/${match[4] ?? 'tcp'}`,
    { HostIp: match[1], HostPort: match[2] }
  ]
}

/** `--mount type=volume,src=…,dst=…,volume-label=k=v…`; undefined for other mounts. */
function volumeMount(
  value: string
): CreateRequest['body']['HostConfig']['Mounts'][number] | undefined {
  const fields = value.split(',').map(keyValue)
  const labels: Record<string, string> = {}
  let type = ''
  let source = ''
  let target = ''
  for (const [key, field] of fields) {
    if (key === 'type') type = field
    else if (key === 'src' || key === 'source') source = field
    else if (key === 'dst' || key === 'target' || key === 'destination')
      target = field
    else if (key === 'volume-label') {
      const [name, label] = keyValue(field)
      labels[name] = label
    } else return undefined
  }
  if (type !== 'volume' || !target) return undefined
  return {
    Type: 'volume',
    Source: source,
    Target: target,
    ...(Object.keys(labels).length > 0 && { VolumeOptions: { Labels: labels } })
  }
}

/**
 * The create request for `docker run --detach …` arguments, or undefined
 * when they hold anything this translation does not know.
 */
export function createRequestFromRunArgs(
  args: string[]
): CreateRequest | undefined {
  if (args[0] !== 'run') return undefined
  const body: CreateRequest['body'] = {
    Image: '',
    Cmd: [],
    Env: [],
    Labels: {},
    ExposedPorts: {},
    HostConfig: {
      Privileged: false,
      PortBindings: {},
      Mounts: [],
      NetworkMode: 'default'
    }
  }
  let name = ''
  let detached = false
  let network: string | undefined
  const aliases: string[] = []
  let i = 1
  for (; i < args.length && args[i].startsWith('-'); i++) {
    const flag = args[i]
    if (flag === '--detach') {
      detached = true
      continue
    }
    if (flag === '--privileged') {
      body.HostConfig.Privileged = true
      continue
    }
    const value = args[++i]
    if (value === undefined) return undefined
    if (flag === '--name') name = value
    else if (flag === '--label') {
      const [key, label] = keyValue(value)
      body.Labels[key] = label
    } else if (flag === '--publish') {
      const binding = publish(value)
      if (!binding) return undefined
      body.ExposedPorts[binding[0]] = {}
      ;(body.HostConfig.PortBindings[binding[0]] ??= []).push(binding[1])
    } else if (flag === '--mount') {
      const mount = volumeMount(value)
      if (!mount) return undefined
      body.HostConfig.Mounts.push(mount)
    } else if (flag === '--env') body.Env.push(value)
    else if (flag === '--entrypoint') body.Entrypoint = [value]
    else if (flag === '--network') network = value
    else if (flag === '--network-alias') aliases.push(value)
    else if (flag === '--runtime') body.HostConfig.Runtime = value
    else return undefined
  }
  if (!detached || !name || i >= args.length) return undefined
  body.Image = args[i]
  body.Cmd = args.slice(i + 1)
  if (network) {
    body.HostConfig.NetworkMode = network
    body.NetworkingConfig = {
      EndpointsConfig: {
        [network]: aliases.length > 0 ? { Aliases: aliases } : {}
      }
    }
  } else if (aliases.length > 0) return undefined
  return { name, body }
}
