// Writes src/cli/input-docs.ts from action.yml: the description of every
// input, for the option list of `docker-nest up --help`. The CLI bundle then
// carries the text and reads no file at run time. A unit test fails when the
// file no longer matches action.yml; run this script to bring it back.
import { readFileSync, writeFileSync } from 'node:fs'
import * as prettier from 'prettier'
import { parse } from 'yaml'

const OUT = 'src/cli/input-docs.ts'
const action = parse(readFileSync('action.yml', 'utf8'))
const descriptions = Object.fromEntries(
  Object.entries(action.inputs).map(([name, input]) => [
    name,
    String(input.description ?? '')
      .replace(/\s+/g, ' ')
      .trim()
  ])
)
const source = `// Generated from action.yml by scripts/cli-input-docs.mjs; do not edit.

/** action.yml's description of each input, for \`docker-nest up --help\`. */
export const INPUT_DESCRIPTIONS: Readonly<Record<string, string>> = ${JSON.stringify(descriptions, null, 2)}
`
const config = await prettier.resolveConfig(OUT)
writeFileSync(OUT, await prettier.format(source, { ...config, filepath: OUT }))
console.log(`cli-input-docs: ${OUT} matches action.yml`)
