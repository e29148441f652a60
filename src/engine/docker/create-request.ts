/**
 * The one description of a container docker-nest starts: the Engine API's
 * `POST /containers/create?name=…` request, trimmed to the fields used.
 * The API path sends it as it is; the CLI path renders the same structure
 * as `docker run --detach` arguments (run-args.ts), so both start the
 * identical container.
 *
 * Upstream structs (moby `api/types/container`): `Config`, `HostConfig`,
 * and `api/types/mount.Mount`, `api/types/network.EndpointSettings`;
 * https://docs.docker.com/reference/api/engine/version/v1.41/#tag/Container/operation/ContainerCreate
 */

/** `POST /containers/create?name=…` and its JSON body. */
export interface CreateRequest {
  /** The container name (`?name=`, `docker run --name`). */
  name: string
  body: CreateBody
}

/** The create body: the container's config, its HostConfig and networks. */
export interface CreateBody {
  Image: string
  /** Replaces the image's entrypoint; `docker run --entrypoint` takes the first word, the rest go before Cmd. */
  Entrypoint?: string[]
  Cmd: string[]
  /** `NAME=value` entries. */
  Env: string[]
  Labels: Record<string, string>
  /** `"2376/tcp": {}`; a port with a binding in HostConfig.PortBindings is published, others only exposed. */
  ExposedPorts: Record<string, Record<string, never>>
  HostConfig: HostConfig
  /** The endpoint on HostConfig.NetworkMode, when it needs settings (aliases). */
  NetworkingConfig?: { EndpointsConfig: Record<string, EndpointSettings> }
}

/** How the container is isolated, published, mounted and networked. */
export interface HostConfig {
  Privileged: boolean
  /** OCI runtime name; absent = the daemon's default. */
  Runtime?: string
  /** Capabilities added, e.g. `SYS_ADMIN`. */
  CapAdd?: string[]
  /** e.g. `seccomp=unconfined`, `apparmor=unconfined`. */
  SecurityOpt?: string[]
  /**
   * Paths masked in /proc and /sys. Only the empty list, which unmasks all
   * of them: the CLI can say nothing else (`--security-opt
   * systempaths=unconfined` sets it and ReadonlyPaths to `[]`).
   */
  MaskedPaths?: []
  /** Read-only paths in /proc; only `[]`, together with MaskedPaths. */
  ReadonlyPaths?: []
  Devices?: DeviceMapping[]
  /** `"2376/tcp": [{ HostIp: "127.0.0.1", HostPort: "" }]`; '' = an ephemeral host port. */
  PortBindings: Record<string, PortBinding[]>
  /** Volumes and host paths, in order. */
  Mounts: Mount[]
  /** `default` (the daemon's bridge) or a network name. */
  NetworkMode: string
  /** The daemon removes the container once it exits (`docker run --rm`). */
  AutoRemove?: boolean
}

/** One published port. */
export interface PortBinding {
  HostIp: string
  HostPort: string
}

/** A host device given to the container. */
export interface DeviceMapping {
  PathOnHost: string
  PathInContainer: string
  /** e.g. `rwm`. */
  CgroupPermissions: string
}

/** A named volume; created with its labels when it does not exist yet. */
export interface VolumeMount {
  Type: 'volume'
  Source: string
  Target: string
  ReadOnly?: boolean
  VolumeOptions?: { Labels: Record<string, string> }
}

/** A host path bound into the container. */
export interface BindMount {
  Type: 'bind'
  Source: string
  Target: string
  ReadOnly?: boolean
}

/** One entry of HostConfig.Mounts. */
export type Mount = VolumeMount | BindMount

/** Settings of the container's endpoint on one network. */
export interface EndpointSettings {
  /** Extra names the container has on a user-defined network. */
  Aliases?: string[]
}
