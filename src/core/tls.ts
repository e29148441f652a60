// In-process PKI for the dind sidecar: one ECDSA P-256 CA per run, a server
// certificate for dockerd and a client certificate for the Docker CLI.
// Generating it here takes ~15 ms instead of the entrypoint's 3-5 s of RSA
// 4096, and lets us hand dockerd only server/{ca,cert,key}.pem so the stock
// entrypoint takes its verify-only branch and never sees the CA key
// (see reference/dind.md §1.3, §7.2).
import { webcrypto } from 'node:crypto'
import { chmod, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { isIPv4, isIPv6 } from 'node:net'
import { join } from 'node:path'
import type * as X509 from '@peculiar/x509'

/** Extra names for the server certificate. */
export interface SubjectAltNames {
  /** DNS names the daemon is reached by, e.g. `docker`, `localhost`. */
  dns: string[]
  /** IPv4 or IPv6 addresses, e.g. `127.0.0.1`, `::1`. */
  ip: string[]
}

/** Options for {@link CertificateAuthority.create}. */
export interface CertificateAuthorityOptions {
  /** Clock to issue from; defaults to the current time. */
  now?: Date
  /** Lifetime of the CA and every certificate it issues; default 7 days. */
  validityHours?: number
}

/** A leaf certificate and its private key, both PEM. */
export interface IssuedCertificate {
  /** The certificate (`BEGIN CERTIFICATE`). */
  certPem: string
  /** The private key as unencrypted PKCS#8 (`BEGIN PRIVATE KEY`). */
  keyPem: string
}

const DEFAULT_VALIDITY_HOURS = 7 * 24
// Backdate notBefore so a runner or daemon whose clock lags a little does
// not reject a certificate that is "not yet valid".
const CLOCK_SKEW_MS = 5 * 60 * 1000
const KEY_ALGORITHM: webcrypto.EcKeyGenParams = {
  name: 'ECDSA',
  namedCurve: 'P-256'
}
const SIGNING_ALGORITHM: webcrypto.EcdsaParams = {
  name: 'ECDSA',
  hash: 'SHA-256'
}
const CERT_DIR_PREFIX = 'docker-nest-certs-'

type X509Module = typeof X509
let x509Module: Promise<X509Module> | undefined

/**
 * Loads @peculiar/x509 on first use. It cannot be imported statically: its
 * DI container (tsyringe) throws at load time unless a Reflect metadata
 * polyfill was installed first, and static imports run before any code here.
 */
function loadX509(): Promise<X509Module> {
  x509Module ??= importX509()
  return x509Module
}

async function importX509(): Promise<X509Module> {
  installReflectMetadataShim()
  const x509 = await import('@peculiar/x509')
  x509.cryptoProvider.set(webcrypto)
  return x509
}

type MetadataKey = string | symbol
interface ReflectMetadata {
  getMetadata?: (key: MetadataKey, target: object) => unknown
  getOwnMetadata?: (key: MetadataKey, target: object) => unknown
  defineMetadata?: (key: MetadataKey, value: unknown, target: object) => void
}

/**
 * Installs the three Reflect metadata functions tsyringe calls, unless a real
 * polyfill (reflect-metadata) is already present. @peculiar/x509 only uses
 * parameterless `@injectable()` classes, so no metadata is ever emitted and
 * this small store is enough; it saves shipping a global polyfill.
 */
function installReflectMetadataShim(): void {
  const reflect = Reflect as unknown as ReflectMetadata
  if (reflect.getMetadata) return
  const store = new WeakMap<object, Map<MetadataKey, unknown>>()
  const own = (key: MetadataKey, target: object): unknown =>
    store.get(target)?.get(key)
  reflect.getOwnMetadata = own
  reflect.getMetadata = (key, target) => {
    for (let t: object | null = target; t; t = Object.getPrototypeOf(t)) {
      if (store.get(t)?.has(key)) return own(key, t)
    }
    return undefined
  }
  reflect.defineMetadata = (key, value, target) => {
    const map = store.get(target) ?? new Map<MetadataKey, unknown>()
    store.set(target, map.set(key, value))
  }
}

/** 16 random bytes as hex, top bit cleared so the DER INTEGER is positive. */
function randomSerial(): string {
  const bytes = webcrypto.getRandomValues(new Uint8Array(16))
  bytes[0] = (bytes[0] & 0x7f) | 0x01
  return Buffer.from(bytes).toString('hex')
}

/**
 * Returns the IP in the form @peculiar/x509 encodes correctly: its IPv6
 * parser reads embedded IPv4 (`::ffff:1.2.3.4`) as hex groups, so IPv6 is
 * first normalised by the WHATWG URL parser, which also rejects zone ids.
 */
function canonicalIp(ip: string): string {
  if (isIPv4(ip)) return ip
  if (isIPv6(ip) && !ip.includes('%')) {
    return new URL(`http://[${ip}]/`).hostname.slice(1, -1)
  }
  throw new Error(`Invalid IP address for the server certificate: '${ip}'.`)
}

function checkDnsName(name: string): string {
  // dNSName is an IA5String; anything else would make the certificate
  // unusable rather than fail here with a clear message.
  if (!/^[\x21-\x7e]+$/.test(name)) {
    throw new Error(`Invalid DNS name for the server certificate: '${name}'.`)
  }
  return name.toLowerCase()
}

/** De-duplicated SAN entries: DNS names first, then IP addresses. */
function toGeneralNames(names: SubjectAltNames): X509.JsonGeneralNames {
  const dns = [...new Set(names.dns.map(checkDnsName))]
  const ip = [...new Set(names.ip.map(canonicalIp))]
  if (dns.length + ip.length === 0) {
    throw new Error('The server certificate needs at least one DNS name or IP.')
  }
  return [
    ...dns.map((value) => ({ type: 'dns' as const, value })),
    ...ip.map((value) => ({ type: 'ip' as const, value }))
  ]
}

/** @peculiar/x509 omits the final newline, which some PEM readers want. */
function toPem(pem: string): string {
  return `${pem.trimEnd()}\n`
}

interface LeafProfile {
  commonName: string
  extendedKeyUsage: string
  altNames?: X509.JsonGeneralNames
}

/**
 * A throw-away certificate authority for one run. Its private key is a
 * non-extractable CryptoKey in a #private field: no method returns it and
 * subtle.exportKey refuses it, so only certificates leave this object.
 */
export class CertificateAuthority {
  /** The CA certificate, PEM; the trust anchor for both sides. */
  readonly certPem: string
  readonly #x509: X509Module
  readonly #cert: X509.X509Certificate
  readonly #signingKey: webcrypto.CryptoKey
  readonly #keyId: string

  private constructor(
    x509: X509Module,
    cert: X509.X509Certificate,
    signingKey: webcrypto.CryptoKey,
    keyId: string
  ) {
    this.#x509 = x509
    this.#cert = cert
    this.#signingKey = signingKey
    this.#keyId = keyId
    this.certPem = toPem(cert.toString('pem'))
  }

  /** Creates a CA with a fresh key pair and a self-signed certificate. */
  static async create(
    options: CertificateAuthorityOptions = {}
  ): Promise<CertificateAuthority> {
    const hours = options.validityHours ?? DEFAULT_VALIDITY_HOURS
    if (!Number.isFinite(hours) || hours <= 0) {
      throw new RangeError(`validityHours must be positive, got ${hours}.`)
    }
    const now = options.now?.getTime() ?? Date.now()
    const x509 = await loadX509()
    const keys = await webcrypto.subtle.generateKey(KEY_ALGORITHM, false, [
      'sign',
      'verify'
    ])
    const ski = await x509.SubjectKeyIdentifierExtension.create(keys.publicKey)
    const serial = randomSerial()
    const usages =
      x509.KeyUsageFlags.keyCertSign |
      x509.KeyUsageFlags.cRLSign |
      x509.KeyUsageFlags.digitalSignature
    const cert = await x509.X509CertificateGenerator.createSelfSigned({
      serialNumber: serial,
      // The serial in the name keeps two CAs apart in logs and trust stores.
      name: `CN=docker-nest CA ${serial.slice(0, 16)}`,
      notBefore: new Date(now - CLOCK_SKEW_MS),
      notAfter: new Date(now + hours * 3600 * 1000),
      keys,
      signingAlgorithm: SIGNING_ALGORITHM,
      extensions: [
        new x509.BasicConstraintsExtension(true, 0, true),
        new x509.KeyUsagesExtension(usages, true),
        ski
      ]
    })
    return new CertificateAuthority(x509, cert, keys.privateKey, ski.keyId)
  }

  /** Issues dockerd's certificate (EKU serverAuth) for exactly these names. */
  async issueServerCertificate(
    names: SubjectAltNames
  ): Promise<IssuedCertificate> {
    // async so that invalid names reject like every other failure here.
    return this.#issue({
      commonName: 'docker-nest server',
      extendedKeyUsage: this.#x509.ExtendedKeyUsage.serverAuth,
      altNames: toGeneralNames(names)
    })
  }

  /** Issues the Docker CLI's certificate (EKU clientAuth). */
  async issueClientCertificate(): Promise<IssuedCertificate> {
    return this.#issue({
      commonName: 'docker-nest client',
      extendedKeyUsage: this.#x509.ExtendedKeyUsage.clientAuth
    })
  }

  async #issue(profile: LeafProfile): Promise<IssuedCertificate> {
    const x509 = this.#x509
    const keys = await webcrypto.subtle.generateKey(KEY_ALGORITHM, true, [
      'sign',
      'verify'
    ])
    const extensions: X509.Extension[] = [
      new x509.BasicConstraintsExtension(false, undefined, true),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.digitalSignature, true),
      new x509.ExtendedKeyUsageExtension([profile.extendedKeyUsage]),
      new x509.AuthorityKeyIdentifierExtension(this.#keyId),
      await x509.SubjectKeyIdentifierExtension.create(keys.publicKey)
    ]
    if (profile.altNames) {
      extensions.push(
        new x509.SubjectAlternativeNameExtension(profile.altNames)
      )
    }
    const cert = await x509.X509CertificateGenerator.create({
      serialNumber: randomSerial(),
      subject: `CN=${profile.commonName}`,
      // Reuse the CA's encoded name so issuer and subject match byte for byte.
      issuer: this.#cert.subjectName,
      // Leaves share the CA's window, so they can never outlive it.
      notBefore: this.#cert.notBefore,
      notAfter: this.#cert.notAfter,
      publicKey: keys.publicKey,
      signingKey: this.#signingKey,
      signingAlgorithm: SIGNING_ALGORITHM,
      extensions
    })
    const pkcs8 = await webcrypto.subtle.exportKey('pkcs8', keys.privateKey)
    return {
      certPem: toPem(cert.toString('pem')),
      keyPem: toPem(x509.PemConverter.encode(pkcs8, 'PRIVATE KEY'))
    }
  }
}

async function writeWithMode(
  path: string,
  data: string,
  mode: number
): Promise<void> {
  // 'wx' refuses to follow a planted file or symlink; chmod afterwards
  // because the umask can narrow the mode given at creation.
  await writeFile(path, data, { mode, flag: 'wx' })
  await chmod(path, mode)
}

/**
 * Writes ca.pem, cert.pem and key.pem for the Docker CLI (DOCKER_CERT_PATH)
 * into a new directory under `parentDir`: the directory is 0700, key.pem
 * 0600 and the certificates 0644. A fresh directory per call keeps
 * concurrent daemons from overwriting each other's keys (docker/cli#6102).
 * `onCreated` gets the directory as soon as it exists (to record it).
 * @returns the path of the new directory.
 */
export async function writeClientCertificates(
  parentDir: string,
  caPem: string,
  client: IssuedCertificate,
  onCreated: (dir: string) => Promise<void> | void = () => undefined
): Promise<string> {
  const dir = await mkdtemp(join(parentDir, CERT_DIR_PREFIX))
  try {
    // Before any key is written, so a step killed from here on still has
    // the directory in its record and cleanup can delete it.
    await onCreated(dir)
    await chmod(dir, 0o700)
    await writeWithMode(join(dir, 'key.pem'), client.keyPem, 0o600)
    await writeWithMode(join(dir, 'cert.pem'), client.certPem, 0o644)
    await writeWithMode(join(dir, 'ca.pem'), caPem, 0o644)
  } catch (error) {
    // Leave no half-written key material behind.
    await rm(dir, { recursive: true, force: true })
    throw error
  }
  return dir
}
