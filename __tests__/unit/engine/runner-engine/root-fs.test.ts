import { afterAll, describe, expect, it } from '@jest/globals'
import {
  elfInterpreter,
  interpreterOf,
  resolveInRoot
} from '../../../../src/engine/runner-engine/root-fs.js'
import { BIN, fakeRoot, removeFakeRoots } from './fake-root.js'

afterAll(removeFakeRoots)

describe('resolveInRoot', () => {
  const root = fakeRoot({
    files: {
      '/usr/sbin/xtables-nft-multi': BIN,
      '/usr/share/doc/readme': { content: 'x', mode: 0o644 }
    },
    links: {
      '/sbin': 'usr/sbin',
      '/usr/sbin/iptables': '/etc/alternatives/iptables',
      '/etc/alternatives/iptables': '../../usr/sbin/iptables-nft',
      '/usr/sbin/iptables-nft': 'xtables-nft-multi',
      '/loop-a': 'loop-b',
      '/loop-b': 'loop-a',
      '/escape': '../../../../usr/sbin/xtables-nft-multi'
    }
  })

  it('follows absolute and relative links inside the root and records each one passed', () => {
    expect(resolveInRoot(root, '/sbin/iptables')).toEqual({
      path: '/usr/sbin/xtables-nft-multi',
      kind: 'file',
      executable: true,
      links: [
        { path: '/sbin', target: 'usr/sbin' },
        { path: '/usr/sbin/iptables', target: '/etc/alternatives/iptables' },
        {
          path: '/etc/alternatives/iptables',
          target: '../../usr/sbin/iptables-nft'
        },
        { path: '/usr/sbin/iptables-nft', target: 'xtables-nft-multi' }
      ]
    })
  })

  it('stays inside the root when .. climbs past it, as a chroot would', () => {
    expect(resolveInRoot(root, '/escape')?.path).toBe(
      '/usr/sbin/xtables-nft-multi'
    )
  })

  it('tells directories and plain files apart', () => {
    expect(resolveInRoot(root, '/usr/share/doc/')?.kind).toBe('directory')
    expect(resolveInRoot(root, '/usr/share/doc/readme')).toMatchObject({
      kind: 'file',
      executable: false
    })
  })

  it.each([
    ['a missing path', '/usr/bin/dockerd'],
    ['a file used as a directory', '/usr/share/doc/readme/x'],
    ['a link loop', '/loop-a']
  ])('[%#] is undefined for %s', (_what, path) => {
    expect(resolveInRoot(root, path)).toBeUndefined()
  })
})

/** A minimal ELF header with one PT_INTERP program header naming `interp`. */
function elf(interp: string, wide: boolean, little: boolean): Buffer {
  const header = wide ? 64 : 52
  const phsize = wide ? 56 : 32
  const buf = Buffer.alloc(header + phsize + interp.length + 1)
  buf.writeUInt32BE(0x7f454c46, 0)
  buf[4] = wide ? 2 : 1
  buf[5] = little ? 1 : 2
  const u16 = (v: number, at: number) =>
    little ? buf.writeUInt16LE(v, at) : buf.writeUInt16BE(v, at)
  const u32 = (v: number, at: number) =>
    little ? buf.writeUInt32LE(v, at) : buf.writeUInt32BE(v, at)
  const word = (v: number, at: number) =>
    wide
      ? little
        ? buf.writeBigUInt64LE(BigInt(v), at)
        : buf.writeBigUInt64BE(BigInt(v), at)
      : u32(v, at)
  word(header, wide ? 0x20 : 0x1c)
  u16(phsize, wide ? 0x36 : 0x2a)
  u16(1, wide ? 0x38 : 0x2c)
  u32(3, header)
  word(header + phsize, header + (wide ? 0x08 : 0x04))
  word(interp.length + 1, header + (wide ? 0x20 : 0x10))
  buf.write(interp, header + phsize, 'latin1')
  return buf
}

describe('interpreterOf and elfInterpreter', () => {
  it.each([
    [true, true],
    [true, false],
    [false, true],
    [false, false]
  ])(
    '[%#] reads PT_INTERP of an ELF file (64-bit %s, little-endian %s)',
    (wide, little) => {
      expect(
        elfInterpreter(elf('/lib64/ld-linux-x86-64.so.2', wide, little))
      ).toBe('/lib64/ld-linux-x86-64.so.2')
    }
  )

  it('has none for a static ELF binary or a file that is not ELF', () => {
    const staticElf = elf('', true, true)
    staticElf.writeUInt32LE(1, 64) // PT_LOAD instead of PT_INTERP
    expect(elfInterpreter(staticElf)).toBeUndefined()
    expect(
      elfInterpreter(Buffer.from('plain text, long enough '.repeat(4)))
    ).toBeUndefined()
  })

  it('reads the #! line of a script and the loader of a binary in the root', () => {
    const root = fakeRoot({
      files: {
        '/usr/bin/script': '#! /bin/sh -e\necho hi\n',
        '/usr/bin/relative': '#!sh\n',
        '/usr/bin/elf': {
          content: elf('/lib/ld-musl-x86_64.so.1', true, true),
          mode: 0o755
        }
      }
    })
    expect(interpreterOf(root, '/usr/bin/script')).toBe('/bin/sh')
    expect(interpreterOf(root, '/usr/bin/relative')).toBeUndefined()
    expect(interpreterOf(root, '/usr/bin/elf')).toBe('/lib/ld-musl-x86_64.so.1')
    expect(interpreterOf(root, '/usr/bin/missing')).toBeUndefined()
  })
})
