// In-process PKI for the dind sidecar: one ECDSA P-256 CA per run, a server
// certificate for dockerd and a client certificate for the Docker CLI.
// Generating it here takes a few ms instead of the entrypoint's 3-5 s of RSA
// 4096, and lets us hand dockerd only server/{ca,cert,key}.pem so the stock
// entrypoint takes its verify-only branch and never sees the CA key. The
// certificates are encoded by der.ts and signed with node:crypto's
// synchronous calls: this runs while the sidecar starts, where an ASN.1
// library's load time, or WebCrypto's promise and argument-checking layers
// (about twice the CPU for the same keys and signatures), would compete with
// the daemons for the CPU.
import type { KeyObject } from 'node:crypto'
import { isIPv4 } from 'node:net'
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { lazyCrypto } from '../util/lazy-builtins.js'
import { join } from 'node:path'
import * as der from './der.js'
import type { SubjectAltNames } from '../types.js'

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
const CURVE = 'P-256'
const SIGNATURE_HASH = 'sha256'
const CERT_DIR_PREFIX = 'docker-nest-certs-'

/** Object identifiers used below (RFC 5280, RFC 5758). */
const OID = {
  ecdsaWithSha256: '1.2.840.10045.4.3.2',
  commonName: '2.5.4.3',
  subjectKeyIdentifier: '2.5.29.14',
  keyUsage: '2.5.29.15',
  subjectAltName: '2.5.29.17',
  basicConstraints: '2.5.29.19',
  authorityKeyIdentifier: '2.5.29.35',
  extKeyUsage: '2.5.29.37',
  serverAuth: '1.3.6.1.5.5.7.3.1',
  clientAuth: '1.3.6.1.5.5.7.3.2'
} as const
/** KeyUsage bit numbers (RFC 5280 §4.2.1.3). */
const KEY_USAGE = { digitalSignature: 0, keyCertSign: 5, cRLSign: 6 } as const

/** A fresh P-256 key pair. */
function newKeyPair(): { publicKey: KeyObject; privateKey: KeyObject } {
  return lazyCrypto().generateKeyPairSync('ec', { namedCurve: CURVE })
}

/** 16 random bytes, top bit cleared so the DER INTEGER is positive. */
function randomSerial(): Buffer {
  const bytes = lazyCrypto().randomBytes(16)
  bytes[0] = (bytes[0] & 0x7f) | 0x01
  return bytes
}

/** The address as the iPAddress SAN wants it: 4 or 16 bytes. */
function ipBytes(ip: string): Buffer {
  if (isIPv4(ip)) return Buffer.from(ip.split('.').map(Number))
  // The WHATWG URL parser validates the IPv6 address (net.isIPv6 would too,
  // but compiling its pattern costs ~5 ms while the sidecar starts), writes
  // embedded IPv4 (::ffff:1.2.3.4) as hex groups and compresses once, which
  // leaves only `::` to expand. The constructor, not URL.parse: that one is
  // missing before Node 22.1 and 20.18.
  const canonical = ip.includes('%') ? undefined : canonicalIPv6(ip)
  if (canonical === undefined) {
    throw new Error(`Invalid IP address for the server certificate: '${ip}'.`)
  }
  const [head, tail] = canonical.split('::')
  const groups = (part: string | undefined) => (part ? part.split(':') : [])
  const left = groups(head)
  const right = groups(tail)
  const zeros =
    tail === undefined ? [] : Array(8 - left.length - right.length).fill('0')
  const bytes = Buffer.alloc(16)
  ;[...left, ...zeros, ...right].forEach((group, i) =>
    bytes.writeUInt16BE(parseInt(group, 16), i * 2)
  )
  return bytes
}

/** `ip` written as the URL parser writes an IPv6 host, or undefined. */
function canonicalIPv6(ip: string): string | undefined {
  try {
    return new URL(`http://[${ip}]/`).hostname.slice(1, -1)
  } catch {
    return undefined
  }
}

function checkDnsName(name: string): string {
  // dNSName is an IA5String; anything else would make the certificate
  // unusable rather than fail here with a clear message.
  if (!/^[\x21-\x7e]+$/.test(name)) {
    throw new Error(`Invalid DNS name for the server certificate: '${name}'.`)
  }
  return name.toLowerCase()
}

/** De-duplicated GeneralNames: dNSName [2] first, then iPAddress [7]. */
function generalNames(names: SubjectAltNames): Buffer[] {
  const dns = [...new Set(names.dns.map(checkDnsName))]
  const ips = new Map(
    names.ip.map((ip) => {
      const bytes = ipBytes(ip)
      return [bytes.toString('hex'), bytes] as const
    })
  )
  if (dns.length + ips.size === 0) {
    throw new Error('The server certificate needs at least one DNS name or IP.')
  }
  return [
    ...dns.map((name) => der.implicit(2, Buffer.from(name, 'ascii'))),
    ...[...ips.values()].map((bytes) => der.implicit(7, bytes))
  ]
}

/** Name with a single commonName RDN. */
function name(commonName: string): Buffer {
  return der.sequence(
    der.set(der.sequence(der.oid(OID.commonName), der.utf8String(commonName)))
  )
}

function extension(id: string, critical: boolean, value: Buffer): Buffer {
  return der.sequence(
    der.oid(id),
    ...(critical ? [der.boolean(true)] : []),
    der.octetString(value)
  )
}

function toPem(label: string, body: Uint8Array): string {
  const base64 = Buffer.from(body).toString('base64')
  const lines = base64.match(/.{1,64}/g) ?? []
  return `-----BEGIN ${label}-----\n${lines.join('\n')}\n-----END ${label}-----\n`
}

/** A public key as SubjectPublicKeyInfo DER, and its RFC 5280 key id. */
interface PublicKeyInfo {
  spki: Buffer
  /** SHA-1 of the subjectPublicKey bits (§4.2.1.2, method 1). */
  keyId: Buffer
}

function publicKeyInfo(key: KeyObject): PublicKeyInfo {
  // The uncompressed point (04 || x || y) is what subjectPublicKey holds.
  const { x, y } = key.export({ format: 'jwk' })
  const point = Buffer.concat([
    Buffer.of(4),
    Buffer.from(x ?? '', 'base64url'),
    Buffer.from(y ?? '', 'base64url')
  ])
  return {
    spki: key.export({ type: 'spki', format: 'der' }),
    keyId: lazyCrypto().createHash('sha1').update(point).digest()
  }
}

interface TbsFields {
  issuer: Buffer
  subject: Buffer
  validity: Buffer
  spki: Buffer
  extensions: Buffer[]
}

/** Signs a TBSCertificate and returns the certificate as PEM. */
function signCertificate(fields: TbsFields, signingKey: KeyObject): string {
  const algorithm = der.sequence(der.oid(OID.ecdsaWithSha256))
  const tbs = der.sequence(
    der.explicit(0, der.smallInteger(2)), // v3
    der.unsignedInteger(randomSerial()),
    algorithm,
    fields.issuer,
    fields.validity,
    fields.subject,
    fields.spki,
    der.explicit(3, der.sequence(...fields.extensions))
  )
  // dsaEncoding 'der': the Ecdsa-Sig-Value X.509 wants, not r||s.
  const signature = lazyCrypto().sign(SIGNATURE_HASH, tbs, {
    key: signingKey,
    dsaEncoding: 'der'
  })
  return toPem(
    'CERTIFICATE',
    der.sequence(tbs, algorithm, der.bitString(signature))
  )
}

interface LeafProfile {
  commonName: string
  extendedKeyUsage: string
  altNames?: Buffer[]
}

/**
 * A throw-away certificate authority for one run. Its private key is a
 * KeyObject in a #private field: no method returns or exports it, so only
 * certificates leave this object (and the key never reaches a file).
 */
export class CertificateAuthority {
  /** The CA certificate, PEM; the trust anchor for both sides. */
  readonly certPem: string
  readonly #name: Buffer
  readonly #validity: Buffer
  readonly #signingKey: KeyObject
  readonly #keyId: Buffer

  private constructor(
    certPem: string,
    name: Buffer,
    validity: Buffer,
    signingKey: KeyObject,
    keyId: Buffer
  ) {
    this.certPem = certPem
    this.#name = name
    this.#validity = validity
    this.#signingKey = signingKey
    this.#keyId = keyId
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
    const keys = newKeyPair()
    const { spki, keyId } = publicKeyInfo(keys.publicKey)
    // A random tag in the name keeps two CAs apart in logs and trust stores.
    const tag = lazyCrypto().randomBytes(8)
    const caName = name(`docker-nest CA ${tag.toString('hex')}`)
    const validity = der.sequence(
      der.time(new Date(now - CLOCK_SKEW_MS)),
      der.time(new Date(now + hours * 3600 * 1000))
    )
    const keyUsage = [
      KEY_USAGE.digitalSignature,
      KEY_USAGE.keyCertSign,
      KEY_USAGE.cRLSign
    ]
    const certPem = signCertificate(
      {
        issuer: caName,
        subject: caName,
        validity,
        spki,
        extensions: [
          // CA:TRUE, pathlen 0: it signs leaves only.
          extension(
            OID.basicConstraints,
            true,
            der.sequence(der.boolean(true), der.smallInteger(0))
          ),
          extension(OID.keyUsage, true, der.namedBits(keyUsage)),
          extension(OID.subjectKeyIdentifier, false, der.octetString(keyId))
        ]
      },
      keys.privateKey
    )
    return new CertificateAuthority(
      certPem,
      caName,
      validity,
      keys.privateKey,
      keyId
    )
  }

  /** Issues dockerd's certificate (EKU serverAuth) for exactly these names. */
  async issueServerCertificate(
    names: SubjectAltNames
  ): Promise<IssuedCertificate> {
    // async so that invalid names reject like every other failure here.
    return this.#issue({
      commonName: 'docker-nest server',
      extendedKeyUsage: OID.serverAuth,
      altNames: generalNames(names)
    })
  }

  /** Issues the Docker CLI's certificate (EKU clientAuth). */
  async issueClientCertificate(): Promise<IssuedCertificate> {
    return this.#issue({
      commonName: 'docker-nest client',
      extendedKeyUsage: OID.clientAuth
    })
  }

  #issue(profile: LeafProfile): IssuedCertificate {
    const keys = newKeyPair()
    const { spki, keyId } = publicKeyInfo(keys.publicKey)
    const extensions = [
      // CA:FALSE is the default, so the sequence is empty (DER omits it).
      extension(OID.basicConstraints, true, der.sequence()),
      extension(
        OID.keyUsage,
        true,
        der.namedBits([KEY_USAGE.digitalSignature])
      ),
      extension(
        OID.extKeyUsage,
        false,
        der.sequence(der.oid(profile.extendedKeyUsage))
      ),
      extension(
        OID.authorityKeyIdentifier,
        false,
        der.sequence(der.implicit(0, this.#keyId))
      ),
      extension(OID.subjectKeyIdentifier, false, der.octetString(keyId))
    ]
    if (profile.altNames) {
      extensions.push(
        extension(OID.subjectAltName, false, der.sequence(...profile.altNames))
      )
    }
    const certPem = signCertificate(
      {
        // The CA's encoded name, so issuer and subject match byte for byte;
        // leaves share its window, so they can never outlive it.
        issuer: this.#name,
        subject: name(profile.commonName),
        validity: this.#validity,
        spki,
        extensions
      },
      this.#signingKey
    )
    const keyPem = keys.privateKey.export({ type: 'pkcs8', format: 'pem' })
    return { certPem, keyPem: String(keyPem) }
  }
}

function writeWithMode(path: string, data: string, mode: number): void {
  // 'wx' refuses to follow a planted file or symlink; chmod afterwards
  // because the umask can narrow the mode given at creation.
  writeFileSync(path, data, { mode, flag: 'wx' })
  chmodSync(path, mode)
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
  // Synchronous: a few small files, where the promise API would first load
  // node:fs/promises and hop to the thread pool for each call.
  const dir = mkdtempSync(join(parentDir, CERT_DIR_PREFIX))
  try {
    // Before any key is written, so a step killed from here on still has
    // the directory in its record and cleanup can delete it.
    await onCreated(dir)
    chmodSync(dir, 0o700)
    writeWithMode(join(dir, 'key.pem'), client.keyPem, 0o600)
    writeWithMode(join(dir, 'cert.pem'), client.certPem, 0o644)
    writeWithMode(join(dir, 'ca.pem'), caPem, 0o644)
  } catch (error) {
    // Leave no half-written key material behind.
    rmSync(dir, { recursive: true, force: true })
    throw error
  }
  return dir
}
