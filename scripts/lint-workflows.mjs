// Validates workflow files and action.yml offline with @actions/workflow-parser
// (GitHub's own schema), and checks that every step using docker-nest
// (`uses: ./` or `docker-nest/docker-nest@…`) passes only inputs action.yml
// declares and reads only outputs it declares.
//
//   node scripts/lint-workflows.mjs [--json] [files…]
//
// Default files: action.yml, examples/*.yml, .github/workflows/*.yml.
// Exit code 1 when any file has a problem.
import { readFileSync, readdirSync } from 'node:fs'
import { register } from 'node:module'
import { join } from 'node:path'
import { parse } from 'yaml'

register('./json-import-hooks.mjs', import.meta.url)
const { NoOperationTraceWriter, parseWorkflow, convertWorkflowTemplate } =
  await import('@actions/workflow-parser')
const { parseAction, convertActionTemplate } =
  await import('@actions/workflow-parser/actions/index')

const OURS = /^(\.\/?|docker-nest\/docker-nest@.+)$/

function yamlFiles(dir) {
  try {
    return readdirSync(dir)
      .filter((name) => /\.ya?ml$/.test(name))
      .map((name) => join(dir, name))
  } catch {
    return []
  }
}

function messages(context) {
  return context.errors.getErrors().map((error) => error.message)
}

async function lintAction(file, content) {
  const result = parseAction(
    { name: file, content },
    new NoOperationTraceWriter()
  )
  if (result.value) convertActionTemplate(result.context, result.value)
  return messages(result.context)
}

/** Problems with how a workflow uses docker-nest: unknown inputs or outputs. */
function lintOurSteps(file, content, action) {
  const problems = []
  const inputs = Object.keys(action.inputs ?? {})
  const outputs = Object.keys(action.outputs ?? {})
  const workflow = parse(content) ?? {}
  for (const [jobId, job] of Object.entries(workflow.jobs ?? {})) {
    const ourIds = new Set()
    for (const step of job.steps ?? []) {
      if (typeof step.uses !== 'string' || !OURS.test(step.uses)) continue
      if (step.id) ourIds.add(step.id)
      for (const name of Object.keys(step.with ?? {})) {
        if (!inputs.includes(name)) {
          problems.push(
            `${file}: job '${jobId}' passes input '${name}', which action.yml does not declare`
          )
        }
      }
    }
    const text = JSON.stringify(job)
    for (const [, id, name] of text.matchAll(
      /steps\.([\w-]+)\.outputs\.([\w-]+)/g
    )) {
      if (ourIds.has(id) && !outputs.includes(name)) {
        problems.push(
          `${file}: job '${jobId}' reads output '${name}' of step '${id}', which action.yml does not declare`
        )
      }
    }
  }
  return problems
}

async function lintWorkflow(file, content, action) {
  const result = parseWorkflow(
    { name: file, content },
    new NoOperationTraceWriter()
  )
  if (result.value) await convertWorkflowTemplate(result.context, result.value)
  return [...messages(result.context), ...lintOurSteps(file, content, action)]
}

const args = process.argv.slice(2)
const json = args.includes('--json')
const named = args.filter((arg) => arg !== '--json')
const files = named.length
  ? named
  : ['action.yml', ...yamlFiles('examples'), ...yamlFiles('.github/workflows')]
const action = parse(readFileSync('action.yml', 'utf8'))
const report = []
for (const file of files) {
  const content = readFileSync(file, 'utf8')
  const isAction = /(^|\/)action\.ya?ml$/.test(file)
  const problems = isAction
    ? await lintAction(file, content)
    : await lintWorkflow(file, content, action)
  report.push({ file, problems })
}
if (json) {
  console.log(JSON.stringify(report))
} else {
  for (const { file, problems } of report) {
    console.log(`${problems.length ? '✗' : '✓'} ${file}`)
    for (const problem of problems) console.log(`  ${problem}`)
  }
}
process.exitCode = report.some((entry) => entry.problems.length) ? 1 : 0
