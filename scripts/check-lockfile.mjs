#!/usr/bin/env node
/**
 * Fails when package-lock.json holds an entry that `npm ci` cannot install:
 * a package without `version` or `integrity`.
 *
 * Packages that ship native bindings as one optional dependency per platform
 * (jest's resolver, unrs-resolver, and its @unrs/resolver-binding-*) are
 * where lockfiles go wrong: an npm that resolves them on another platform,
 * or an install interrupted half-way, can leave such entries without a
 * version, and every later `npm ci` stops at "Invalid Version". This check
 * runs in `npm run lint`, so a broken lockfile never reaches main. The fix
 * is a lockfile made afresh: `rm -rf node_modules package-lock.json && npm
 * install`.
 *
 *   node scripts/check-lockfile.mjs [package-lock.json]
 */
import { readFileSync } from 'node:fs'

const path = process.argv[2] ?? 'package-lock.json'
const lock = JSON.parse(readFileSync(path, 'utf8'))

const problems = []
if (lock.lockfileVersion !== 3) {
  problems.push(`lockfileVersion is ${lock.lockfileVersion}, expected 3`)
}
for (const [key, entry] of Object.entries(lock.packages ?? {})) {
  if (key === '' || entry.link) continue
  const missing = ['version', 'integrity'].filter((field) => !entry[field])
  if (missing.length > 0) problems.push(`${key}: no ${missing.join(', no ')}`)
}

if (problems.length > 0) {
  process.stderr.write(
    `${path}: ${problems.length} entr${problems.length === 1 ? 'y' : 'ies'} npm ci cannot install:\n` +
      problems.map((line) => `  ${line}\n`).join('') +
      'Make the lockfile afresh: rm -rf node_modules package-lock.json && npm install\n'
  )
  process.exit(1)
}
process.stdout.write(
  `${path}: ${Object.keys(lock.packages).length - 1} packages, all pinned\n`
)
