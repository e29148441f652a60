// Builds the committed bundles (pre, main, post, cli) with ncc and refuses a broken one:
// ncc exits 0 even when it could not resolve a module and leaves
// `webpackMissingModule` in the output (shared/reference/toolchain.md §1.2).
import { execFileSync } from 'node:child_process'
import { readFileSync, rmSync } from 'node:fs'

const ncc = 'node_modules/@vercel/ncc/dist/ncc/cli.js'
const bundles = [
  { entry: 'src/action/pre-entry.ts', out: 'dist/pre', license: true },
  { entry: 'src/action/main-entry.ts', out: 'dist/main', license: true },
  { entry: 'src/action/post-entry.ts', out: 'dist/post', license: true },
  { entry: 'src/cli/index.ts', out: 'dist/cli', license: true }
]

for (const { entry, out, license } of bundles) {
  rmSync(out, { recursive: true, force: true })
  const args = [ncc, 'build', entry, '-o', out, '--quiet', '--target', 'es2022']
  if (license) args.push('--license', 'licenses.txt')
  execFileSync(process.execPath, args, { stdio: 'inherit' })
  const code = readFileSync(`${out}/index.js`, 'utf8')
  if (code.includes('webpackMissingModule')) {
    console.error(
      `build: ${out}/index.js has an unresolved module (webpackMissingModule)`
    )
    process.exit(1)
  }
  console.log(`build: ${out}/index.js ${(code.length / 1024).toFixed(0)} KiB`)
}
