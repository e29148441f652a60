#!/usr/bin/env node
/**
 * Runs shellcheck over every `.sh` file under src/ as POSIX sh (`-s sh`),
 * following `. ./other.sh` includes (`-x`; each folder's .shellcheckrc says
 * where they are). These are the scripts the sidecar runs, embedded into the
 * bundles by scripts/embed-shell.mjs. A finding is fixed, or disabled on its
 * line with `# shellcheck disable=SCxxxx # reason`.
 *
 *   node scripts/check-shell.mjs
 */
import { spawnSync } from 'node:child_process'
import { readdirSync } from 'node:fs'

const files = readdirSync('src', { recursive: true, withFileTypes: true })
  .filter((entry) => entry.isFile() && entry.name.endsWith('.sh'))
  .map((entry) => `${entry.parentPath ?? entry.path}/${entry.name}`)
  .sort()
if (files.length === 0) {
  console.error('check-shell: no .sh files under src/; nothing to check')
  process.exit(1)
}
const result = spawnSync('shellcheck', ['-s', 'sh', '-x', ...files], {
  stdio: 'inherit'
})
if (result.error?.code === 'ENOENT') {
  console.error(
    'check-shell: shellcheck is not installed: apt-get install -y shellcheck (Debian/Ubuntu; .ci/setup-docker.sh does it), or see https://github.com/koalaman/shellcheck#installing'
  )
  process.exit(1)
}
if (result.error) throw result.error
if (result.status !== 0) {
  console.error(
    `check-shell: shellcheck found problems in ${files.length} scripts (above): fix them, or disable one on its line with # shellcheck disable=SCxxxx # reason`
  )
  process.exit(1)
}
console.log(`check-shell: ${files.length} scripts pass shellcheck`)
