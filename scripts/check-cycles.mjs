#!/usr/bin/env node
/**
 * Fails when the modules under src/ import each other in a cycle. A cycle
 * makes the load order decide which module sees the other half-initialised,
 * and it blurs which concept depends on which.
 *
 * Reads every `import … from './x.js'` and `import('./x.js')` (type-only
 * imports too: they tie the concepts together all the same), resolves them
 * to files, and prints each cycle as a chain of files.
 *
 *   node scripts/check-cycles.mjs [dir]
 */
import { readFileSync, readdirSync } from 'node:fs'
import { dirname, join, relative, resolve } from 'node:path'

const root = resolve(process.argv[2] ?? 'src')

/** Every .ts file below `dir`. */
function sources(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name)
    if (entry.isDirectory()) return sources(path)
    return entry.name.endsWith('.ts') ? [path] : []
  })
}

const IMPORT =
  /(?:^|\n)\s*(?:import|export)\s[^;]*?from\s+['"](\.{1,2}\/[^'"]+)['"]|import\(\s*['"](\.{1,2}\/[^'"]+)['"]\s*\)/g

/** The files a module imports, resolved from './x.js' to the .ts source. */
function importsOf(file) {
  const text = readFileSync(file, 'utf8')
  const found = new Set()
  for (const match of text.matchAll(IMPORT)) {
    const spec = match[1] ?? match[2]
    found.add(resolve(dirname(file), spec.replace(/\.js$/, '.ts')))
  }
  return [...found]
}

const files = sources(root)
const graph = new Map(files.map((file) => [file, importsOf(file)]))

// Tarjan's strongly connected components: every component of more than one
// module (or a module importing itself) holds a cycle.
let index = 0
const indices = new Map()
const lowlinks = new Map()
const stack = []
const onStack = new Set()
const cycles = []
function connect(file) {
  indices.set(file, index)
  lowlinks.set(file, index)
  index += 1
  stack.push(file)
  onStack.add(file)
  for (const next of graph.get(file) ?? []) {
    if (!graph.has(next)) continue
    if (!indices.has(next)) {
      connect(next)
      lowlinks.set(file, Math.min(lowlinks.get(file), lowlinks.get(next)))
    } else if (onStack.has(next)) {
      lowlinks.set(file, Math.min(lowlinks.get(file), indices.get(next)))
    }
  }
  if (lowlinks.get(file) !== indices.get(file)) return
  const component = []
  let member
  do {
    member = stack.pop()
    onStack.delete(member)
    component.push(member)
  } while (member !== file)
  if (component.length > 1 || (graph.get(file) ?? []).includes(file)) {
    cycles.push(component)
  }
}
for (const file of files) if (!indices.has(file)) connect(file)

const name = (file) => relative(process.cwd(), file)
if (cycles.length > 0) {
  process.stderr.write(
    `${cycles.length} import cycle(s) under ${name(root)}:\n` +
      cycles
        .map((component) => `  ${component.map(name).sort().join(' ↔ ')}\n`)
        .join('') +
      'Move what both sides need into a module of its own, or invert the dependency.\n'
  )
  process.exit(1)
}
process.stdout.write(
  `${name(root)}: ${files.length} modules, no import cycle\n`
)
