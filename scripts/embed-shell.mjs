#!/usr/bin/env node
// Writes one TypeScript module per shell script of the sidecar: each
// src/engine/dind/scripts/name.sh gets name.generated.ts beside it, so the
// bundles carry the scripts and read no file at run time, while the shell
// stays in files that shellcheck reads (`npm run lint`). The module exports
// `function nameScript()`, which returns the text the sidecar runs:
//
// - the header (the comment block that opens the file, up to its first
//   blank line) and `# shellcheck …` directive lines are left out;
// - a line `. ./other.sh` is replaced by other.sh's text: the module imports
//   other.generated.ts and calls its function, so each script's text is
//   generated once. A script is composed of pieces that shellcheck follows
//   (`source-path=SCRIPTDIR` in the folder's .shellcheckrc) and the sidecar
//   runs as one;
// - `__NAME__` is a placeholder for a value TypeScript shares with the
//   shell (an env var name, a marker, a log prefix): it becomes a parameter
//   `values.NAME`, so the caller passes the TypeScript constant and the
//   compiler rejects a placeholder left without a value.
//
// Writing also removes a name.generated.ts whose name.sh is gone.
//
//   node scripts/embed-shell.mjs            write the modules
//   node scripts/embed-shell.mjs --check    fail when one is stale, missing,
//                                           or left without its .sh
//   node scripts/embed-shell.mjs --dir D    another folder (tests)
import {
  existsSync,
  readFileSync,
  readdirSync,
  rmSync,
  writeFileSync
} from 'node:fs'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import * as prettier from 'prettier'

const INCLUDE = /^\s*\. \.\/([A-Za-z0-9._-]+\.sh)$/
const FILE_NAME = /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*\.sh$/
const DIRECTIVE = /^\s*# shellcheck /
const PLACEHOLDER = /__([A-Z0-9]+(?:_[A-Z0-9]+)*)__/g
const GENERATED = '.generated.ts'
const HEADER = '// Generated from '

/**
 * A marker for an include line, replaced by a call once the text is escaped;
 * U+E000 is a private-use character, which no shell script here contains.
 */
const includeMark = (file) => `\uE000include ${file}\uE000`
const INCLUDE_MARK = /\uE000include ([^\uE000]+)\uE000\n/g

/** `start-dind.sh` → `start-dind.generated.ts`. */
const moduleName = (file) => file.replace(/\.sh$/, GENERATED)

/**
 * The text of `file` as the sidecar runs it, each include line marked;
 * `names` collects the placeholders of the file and of what it includes.
 */
function body(dir, file, including = [], names = new Set()) {
  if (including.includes(file)) {
    throw new Error(
      `embed-shell: ${[...including, file].join(' includes ')}: a script cannot include itself`
    )
  }
  const path = join(dir, file)
  if (!existsSync(path)) {
    const by = including.at(-1)
    throw new Error(
      `embed-shell: ${by ? `${by} includes ./${file}, but` : ''} ${path} does not exist; an include names a .sh file beside the script`
    )
  }
  const lines = readFileSync(path, 'utf8').replace(/\n$/, '').split('\n')
  if (lines[0]?.startsWith('#')) {
    const end = lines.indexOf('')
    if (end < 0) {
      throw new Error(
        `embed-shell: ${path}: the header comment must end with a blank line (it is not embedded; the code after it is)`
      )
    }
    lines.splice(0, end + 1)
  }
  const text = lines
    .filter((line) => !DIRECTIVE.test(line))
    .map((line) => {
      const include = INCLUDE.exec(line)
      if (!include) return line
      body(dir, include[1], [...including, file], names)
      return includeMark(include[1])
    })
    .join('\n')
    .concat('\n')
  for (const match of text.matchAll(PLACEHOLDER)) names.add(match[1])
  return text
}

/** `start-dind.sh` → `startDindScript`. */
function functionName(file) {
  const words = file.replace(/\.sh$/, '').split(/[^A-Za-z0-9]+/)
  return `${words[0]}${words
    .slice(1)
    .map((w) => w[0].toUpperCase() + w.slice(1))
    .join('')}Script`
}

/**
 * The body as a template literal whose placeholders read `values` and whose
 * includes call the included script's function.
 */
function templateLiteral(dir, text) {
  const escaped = text
    .replace(/[\\`]/g, '\\$&')
    .replace(/\$\{/g, '\\${')
    .replace(PLACEHOLDER, (_, name) => `\${values.${name}}`)
    .replace(INCLUDE_MARK, (_, file) => {
      const takes = placeholdersOf(dir, file).size > 0
      return `\${${functionName(file)}(${takes ? 'values' : ''})}`
    })
  return `\`${escaped}\``
}

function placeholdersOf(dir, file) {
  const names = new Set()
  body(dir, file, [], names)
  return names
}

/** The source of `file`'s module: header, imports of its includes, function. */
function scriptModule(dir, file) {
  const names = new Set()
  const text = body(dir, file, [], names)
  const included = [...text.matchAll(INCLUDE_MARK)].map((m) => m[1])
  const imports = [...new Set(included)]
    .sort()
    .map(
      (other) =>
        `import { ${functionName(other)} } from './${moduleName(other).replace(/\.ts$/, '.js')}'\n`
    )
    .join('')
  const params = names.size
    ? `values: { ${[...names]
        .sort()
        .map((n) => `readonly ${n}: string`)
        .join('; ')} }`
    : ''
  const parts = [
    included.length ? `with ${included.join(', ')} included` : '',
    names.size ? 'its placeholders filled from `values`' : ''
  ].filter(Boolean)
  return `${HEADER}${file} by scripts/embed-shell.mjs; do not edit.
// Edit the .sh file, then run \`npm run build\` (or the script alone).
${imports ? `\n${imports}` : ''}
/** ${file} as the sidecar runs it${parts.length ? `, ${parts.join(', ')}` : ''}. */
export function ${functionName(file)}(${params}): string {
  return ${templateLiteral(dir, text)}
}
`
}

/** The .sh files of `dir`, checked to make function names. */
function scripts(dir) {
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.sh'))
    .sort()
  if (files.length === 0) throw new Error(`embed-shell: no .sh files in ${dir}`)
  for (const file of files) {
    if (!FILE_NAME.test(file)) {
      throw new Error(
        `embed-shell: ${join(dir, file)}: name scripts in lower-case kebab-case (start-thing.sh), which becomes a function name (startThingScript)`
      )
    }
  }
  return files
}

/**
 * The generated modules of `dir` whose .sh is gone; a file of that name
 * that this script did not write is an error, not something to remove.
 */
function orphans(dir, files) {
  const wanted = new Set(files.map(moduleName))
  const found = readdirSync(dir)
    .filter((f) => f.endsWith(GENERATED) && !wanted.has(f))
    .map((f) => join(dir, f))
  for (const path of found) {
    if (!readFileSync(path, 'utf8').startsWith(HEADER)) {
      throw new Error(
        `embed-shell: ${path} has no .sh beside it and was not generated: names ending in ${GENERATED} here are for generated modules; rename it`
      )
    }
  }
  return found
}

/** Each module's path and the text it should have. */
async function render(dir, files) {
  return Promise.all(
    files.map(async (file) => {
      const path = join(dir, moduleName(file))
      const config = await prettier.resolveConfig(path)
      const text = await prettier.format(scriptModule(dir, file), {
        ...config,
        filepath: path
      })
      return { path, text }
    })
  )
}

/** The command line; an unknown option names the valid ones. */
function options() {
  try {
    return parseArgs({
      options: {
        check: { type: 'boolean', default: false },
        dir: { type: 'string', default: 'src/engine/dind/scripts' }
      }
    }).values
  } catch (error) {
    throw new Error(
      `embed-shell: ${error.message}; valid: --check, --dir D (each module is written beside its .sh, so there is no --out)`,
      { cause: error }
    )
  }
}

try {
  const args = options()
  const dir = args.dir
  const files = scripts(dir)
  const modules = await render(dir, files)
  const extra = orphans(dir, files)
  if (args.check) {
    const problems = [
      ...modules
        .filter(({ path }) => !existsSync(path))
        .map(({ path }) => `${path} is missing`),
      ...modules
        .filter(
          ({ path, text }) =>
            existsSync(path) && readFileSync(path, 'utf8') !== text
        )
        .map(({ path }) => `${path} does not match its .sh`),
      ...extra.map((path) => `${path} has no .sh any more`)
    ]
    if (problems.length) {
      for (const problem of problems) console.error(`embed-shell: ${problem}`)
      console.error(
        `embed-shell: the modules in ${dir} are out of date: run node scripts/embed-shell.mjs (npm run build does) and commit them.`
      )
      process.exit(1)
    }
    console.log(
      `embed-shell: the ${modules.length} ${GENERATED} modules in ${dir} match their .sh files`
    )
  } else {
    let written = 0
    for (const { path, text } of modules) {
      if (existsSync(path) && readFileSync(path, 'utf8') === text) continue
      writeFileSync(path, text)
      written += 1
    }
    for (const path of extra) rmSync(path)
    console.log(
      `embed-shell: wrote ${written} of ${modules.length} ${GENERATED} modules in ${dir} from their .sh files${extra.length ? `; removed ${extra.join(', ')}, whose .sh is gone` : ''}`
    )
  }
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error))
  process.exit(1)
}
