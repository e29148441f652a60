// The few ASN.1 DER encodings an X.509 v3 certificate needs (X.690 §8, §10
// and §11), written out here instead of loading an ASN.1 library: issuing
// the run's certificates happens while the sidecar starts, and a 700 KB
// library costs more CPU to load on a two-core runner than the signing
// itself. Every function returns one complete TLV as a Buffer.

/** Universal tag numbers (X.680 §8.6), and the constructed bit. */
const TAG = {
  boolean: 0x01,
  integer: 0x02,
  bitString: 0x03,
  octetString: 0x04,
  oid: 0x06,
  utf8String: 0x0c,
  ia5String: 0x16,
  utcTime: 0x17,
  generalizedTime: 0x18,
  sequence: 0x30,
  set: 0x31
} as const
const CONTEXT = 0x80
const CONSTRUCTED = 0x20

/** Definite length, short form below 128, else long form (X.690 §8.1.3). */
function encodeLength(length: number): Buffer {
  if (length < 0x80) return Buffer.from([length])
  const bytes: number[] = []
  for (let rest = length; rest > 0; rest = Math.floor(rest / 256)) {
    bytes.unshift(rest & 0xff)
  }
  return Buffer.from([0x80 | bytes.length, ...bytes])
}

/** One tag-length-value with a single-byte tag. */
export function tlv(tag: number, value: Uint8Array): Buffer {
  return Buffer.concat([Buffer.from([tag]), encodeLength(value.length), value])
}

export function sequence(...items: Uint8Array[]): Buffer {
  return tlv(TAG.sequence, Buffer.concat(items))
}

/** A SET OF with one member (the only kind a Name's RDN needs here). */
export function set(item: Uint8Array): Buffer {
  return tlv(TAG.set, item)
}

export function boolean(value: boolean): Buffer {
  return tlv(TAG.boolean, Buffer.from([value ? 0xff : 0x00]))
}

/**
 * A non-negative INTEGER from its big-endian magnitude: leading zero bytes
 * dropped, one 0x00 added when the top bit is set so it stays positive.
 */
export function unsignedInteger(magnitude: Uint8Array): Buffer {
  let start = 0
  while (start < magnitude.length - 1 && magnitude[start] === 0) start++
  const trimmed = Buffer.from(magnitude.subarray(start))
  const value =
    trimmed.length === 0
      ? Buffer.from([0])
      : trimmed[0] & 0x80
        ? Buffer.concat([Buffer.from([0]), trimmed])
        : trimmed
  return tlv(TAG.integer, value)
}

export function smallInteger(value: number): Buffer {
  if (!Number.isInteger(value) || value < 0 || value > 0x7fffffff) {
    throw new RangeError(`DER smallInteger out of range: ${value}`)
  }
  const bytes = Buffer.alloc(4)
  bytes.writeUInt32BE(value)
  return unsignedInteger(bytes)
}

/** BIT STRING whose content is whole bytes (a key, a signature). */
export function bitString(bytes: Uint8Array): Buffer {
  return tlv(TAG.bitString, Buffer.concat([Buffer.from([0]), bytes]))
}

/**
 * A named-bit BIT STRING (X.690 §11.2.2: trailing zero bits are not
 * encoded), e.g. KeyUsage. `bits` are bit numbers, 0 = most significant.
 */
export function namedBits(bits: number[]): Buffer {
  const highest = Math.max(...bits)
  const bytes = Buffer.alloc(Math.floor(highest / 8) + 1)
  for (const bit of bits) bytes[bit >> 3] |= 0x80 >> (bit & 7)
  const unused = 7 - (highest & 7)
  return tlv(TAG.bitString, Buffer.concat([Buffer.from([unused]), bytes]))
}

export function octetString(bytes: Uint8Array): Buffer {
  return tlv(TAG.octetString, bytes)
}

/** OBJECT IDENTIFIER from dotted form (X.690 §8.19). */
export function oid(dotted: string): Buffer {
  const arcs = dotted.split('.').map(Number)
  if (arcs.length < 2 || arcs.some((arc) => !Number.isSafeInteger(arc))) {
    throw new Error(`Invalid OID '${dotted}'`)
  }
  const body: number[] = []
  for (const arc of [arcs[0] * 40 + arcs[1], ...arcs.slice(2)]) {
    const chunk = [arc & 0x7f]
    for (
      let rest = Math.floor(arc / 128);
      rest > 0;
      rest = Math.floor(rest / 128)
    ) {
      chunk.unshift(0x80 | (rest & 0x7f))
    }
    body.push(...chunk)
  }
  return tlv(TAG.oid, Buffer.from(body))
}

export function utf8String(text: string): Buffer {
  return tlv(TAG.utf8String, Buffer.from(text, 'utf8'))
}

/**
 * X.509 Time (RFC 5280 §4.1.2.5): UTCTime for 1950–2049, GeneralizedTime
 * otherwise, to the second, always in Z.
 */
export function time(date: Date): Buffer {
  const digits = date
    .toISOString()
    .replace(/\.\d{3}Z$/, 'Z')
    .replace(/[-:T]/g, '')
  const year = date.getUTCFullYear()
  return year >= 1950 && year < 2050
    ? tlv(TAG.utcTime, Buffer.from(digits.slice(2), 'ascii'))
    : tlv(TAG.generalizedTime, Buffer.from(digits, 'ascii'))
}

/** [n] EXPLICIT: a constructed context tag around one complete TLV. */
export function explicit(tagNumber: number, inner: Uint8Array): Buffer {
  return tlv(CONTEXT | CONSTRUCTED | tagNumber, inner)
}

/** [n] IMPLICIT on a primitive type: the raw content under a context tag. */
export function implicit(tagNumber: number, content: Uint8Array): Buffer {
  return tlv(CONTEXT | tagNumber, content)
}
