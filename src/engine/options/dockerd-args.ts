/**
 * Input `dockerd-args`: extra flags for the inner dockerd, minus the flags
 * docker-nest sets itself.
 */
import { quote } from './primitives.js'

/** dockerd flags docker-nest owns: letting users override them would break TLS or the data volume. */
const RESERVED_DOCKERD_FLAGS: Record<string, string> = {
  '-H': 'docker-nest sets the listeners itself',
  '--host': 'docker-nest sets the listeners itself',
  '--tls': "use input 'tls'",
  '--tlsverify': "use input 'tls'",
  '--tlscacert': 'docker-nest makes and installs the certificates',
  '--tlscert': 'docker-nest makes and installs the certificates',
  '--tlskey': 'docker-nest makes and installs the certificates',
  '--data-root': 'the data root is the volume docker-nest mounts',
  '--graph': 'the data root is the volume docker-nest mounts',
  '-g': 'the data root is the volume docker-nest mounts',
  '--mtu': "use input 'mtu'",
  '--registry-mirror': "use input 'registry-mirrors'"
}

/** dockerd's one-letter flags that take a value (`-Hunix:///x` is `-H unix:///x`). */
const SHORT_FLAGS_WITH_VALUE = new Set(['H', 'G', 'b', 'g', 'l', 'p', 's'])

/**
 * The flag names the words of one `dockerd-args` line set: `--name` and
 * `--name=value` alike, and one-letter flags written together (`-D`, `-DH`,
 * `-Htcp://…`), where a flag that takes a value ends the run. Every word
 * counts: dockerd takes the last value, so `--debug --tlsverify=false` must
 * not pass on its first word.
 */
export function dockerdFlagNames(words: string[]): string[] {
  const names: string[] = []
  for (const word of words) {
    if (word.startsWith('--')) {
      names.push(word.split('=')[0])
    } else if (/^-[A-Za-z]/.test(word)) {
      for (const letter of word.slice(1)) {
        if (!/[A-Za-z]/.test(letter)) break
        names.push(`-${letter}`)
        if (SHORT_FLAGS_WITH_VALUE.has(letter)) break
      }
    }
  }
  return names
}

/**
 * One flag per line; a value may follow after '=' or a space. Lines starting
 * with '#' are comments. Returns the flags split into argv words.
 */
export function parseDockerdArgs(value: string, problems: string[]): string[] {
  const args: string[] = []
  for (const rawLine of value.split(/\r?\n/)) {
    const line = rawLine.trim()
    if (line === '' || line.startsWith('#')) continue
    const words = line.split(/\s+/)
    if (!words[0].startsWith('-')) {
      problems.push(
        `Input 'dockerd-args' takes dockerd flags, one per line ` +
          `(e.g. '--debug' or '--default-ulimit nofile=1024:2048'), got ${quote(line)}.`
      )
      continue
    }
    const reserved = dockerdFlagNames(words).find(
      (name) => RESERVED_DOCKERD_FLAGS[name]
    )
    if (reserved) {
      problems.push(
        `Input 'dockerd-args' may not set ${reserved} ` +
          `(${RESERVED_DOCKERD_FLAGS[reserved]}), got ${quote(line)}.`
      )
      continue
    }
    args.push(...words)
  }
  return args
}
