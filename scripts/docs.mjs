// Regenerates the inputs and outputs tables in README.md from action.yml,
// between marker comments, so the docs cannot drift from the metadata.
// Run by `npm run build`; CI fails when README.md changes as a result.
import { readFileSync, writeFileSync } from 'node:fs'
import { parse } from 'yaml'

const action = parse(readFileSync('action.yml', 'utf8'))
const cell = (text) =>
  String(text ?? '')
    .replace(/\s+/g, ' ')
    .replace(/\|/g, '\\|')
    .trim()

const inputs = [
  '| Name | Default | Description |',
  '| --- | --- | --- |',
  ...Object.entries(action.inputs).map(
    ([name, input]) =>
      `| \`${name}\` | ${input.default === '' ? '' : `\`${cell(input.default)}\``} | ${cell(input.description)} |`
  )
].join('\n')

const outputs = [
  '| Name | Description |',
  '| --- | --- |',
  ...Object.entries(action.outputs).map(
    ([name, output]) => `| \`${name}\` | ${cell(output.description)} |`
  )
].join('\n')

function replaceBetween(text, marker, content) {
  const start = `<!-- ${marker}:start (generated from action.yml by scripts/docs.mjs) -->`
  const end = `<!-- ${marker}:end -->`
  const from = text.indexOf(start)
  const to = text.indexOf(end)
  if (from < 0 || to < 0)
    throw new Error(`README.md lacks the ${marker} markers`)
  return `${text.slice(0, from + start.length)}\n${content}\n${text.slice(to)}`
}

let readme = readFileSync('README.md', 'utf8')
readme = replaceBetween(readme, 'inputs', inputs)
readme = replaceBetween(readme, 'outputs', outputs)
writeFileSync('README.md', readme)
console.log('docs: README.md tables match action.yml')
