#!/usr/bin/env node
/**
 * Writes the CLI as one file a release can attach: `docker-nest.mjs`, a copy
 * of the committed bundle dist/cli/index.js, plus `docker-nest.mjs.sha256`
 * (`sha256sum -c` reads it). Run `npm run build` first.
 *
 * The bundle already is one self-contained file (ncc inlines every module;
 * the CLI has no runtime dependencies and reads no file of its own). Only its
 * module type comes from outside: dist/cli/package.json says `"type":
 * "module"`, and a lone `.js` copy is read as CommonJS by Node 20.0. The
 * `.mjs` name makes it ESM wherever it lies, so `node docker-nest.mjs up`
 * works from any directory.
 *
 * The copy is made on demand, outside dist/: dist/ is exactly what `npm run
 * build` gives (check-dist compares it with a fresh build), and committing a
 * second 360 KB copy of the same bundle with every rebuild is waste.
 *
 *   node scripts/single-file.mjs [out-file]   (default .tmp/release/docker-nest.mjs)
 */
import { execFileSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import {
  chmodSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  writeFileSync
} from 'node:fs'
import { basename, dirname, resolve } from 'node:path'

const bundleDir = 'dist/cli'
const out = resolve(process.argv[2] ?? '.tmp/release/docker-nest.mjs')

function fail(message) {
  process.stderr.write(`single-file: ${message}\n`)
  process.exit(1)
}

if (!out.endsWith('.mjs')) {
  fail(
    `${out} must end in .mjs: a .js file outside an ESM package is not run as ESM`
  )
}

// Anything else next to index.js (a chunk such as 805.index.js, an asset)
// would be missing from a lone copy.
const extra = readdirSync(bundleDir).filter(
  (name) => !['index.js', 'package.json', 'licenses.txt'].includes(name)
)
if (extra.length > 0) {
  fail(
    `${bundleDir} holds ${extra.join(', ')} besides index.js: the bundle is ` +
      'no longer one file, so a copy of index.js alone would not run'
  )
}
const code = readFileSync(`${bundleDir}/index.js`)
if (!code.toString('utf8', 0, 64).startsWith('#!/usr/bin/env node\n')) {
  fail(
    `${bundleDir}/index.js does not start with #!/usr/bin/env node: run npm run build`
  )
}

mkdirSync(dirname(out), { recursive: true })
writeFileSync(out, code)
chmodSync(out, 0o755)
const sha256 = createHash('sha256').update(code).digest('hex')
writeFileSync(`${out}.sha256`, `${sha256}  ${basename(out)}\n`)

// It starts and knows its version (the release's, from package.json).
const { version } = JSON.parse(readFileSync('package.json', 'utf8'))
const printed = execFileSync(process.execPath, [out, '--version'], {
  cwd: dirname(out),
  encoding: 'utf8'
}).trim()
if (printed !== `docker-nest ${version}`) {
  fail(
    `${out} --version printed '${printed}', expected 'docker-nest ${version}'`
  )
}
console.log(
  `single-file: ${out} (${(code.length / 1024).toFixed(0)} KiB, sha256 ${sha256})`
)
