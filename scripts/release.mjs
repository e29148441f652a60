// One release, two hosts. The version X.Y.Z is package.json's version and
// has a "## [X.Y.Z]" section in CHANGELOG.md; this script checks both, then
// tags HEAD twice and pushes each tag where it is used:
//
//   vX.Y.Z  GitHub: .github/workflows/release.yml checks dist/, publishes
//           the release with the CHANGELOG section and the single-file CLI,
//           and moves the major tag vX.
//   X.Y.Z   GitLab: the create-release job of .gitlab-ci.yml publishes the
//           components to the CI/CD catalog, whose versions take no 'v'.
//
//   node scripts/release.mjs X.Y.Z [--dry-run] [--github-remote NAME] [--gitlab-remote NAME]
//       Checks, then tags and pushes (remotes: origin and gitlab). With
//       --dry-run it checks the same and prints the git commands instead.
//       A GitLab project that mirrors GitHub: pass --gitlab-remote origin.
//   node scripts/release.mjs check X.Y.Z
//       The file checks alone (release.yml runs them on the pushed tag).
//   node scripts/release.mjs notes X.Y.Z
//       Prints the CHANGELOG section of X.Y.Z: the GitHub release notes.
//
// Exit code 1 with one line per problem when a check fails.
import { execFileSync } from 'node:child_process'
import { readFileSync } from 'node:fs'

const SEMVER = /^(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)$/
const USAGE =
  'usage: node scripts/release.mjs X.Y.Z [--dry-run] [--github-remote NAME] ' +
  '[--gitlab-remote NAME]\n' +
  '       node scripts/release.mjs check|notes X.Y.Z'

/** The lines under "## [version]" up to the next "## [" heading, trimmed; undefined when absent. */
function changelogSection(text, version) {
  const lines = text.split(/\r?\n/)
  const start = lines.findIndex((line) => line.startsWith(`## [${version}]`))
  if (start < 0) return undefined
  const rest = lines.slice(start + 1)
  const end = rest.findIndex((line) => line.startsWith('## ['))
  return (end < 0 ? rest : rest.slice(0, end)).join('\n').trim()
}

/** Problems with the version and the files that must name it. */
function fileProblems(version, changelog, packageVersion) {
  if (/^v/.test(version)) {
    return [
      `Give the version without 'v' (${version.slice(1)}): the script makes ` +
        `both tags, ${version} for GitHub and ${version.slice(1)} for GitLab.`
    ]
  }
  if (!SEMVER.test(version)) {
    return [
      `The version must be MAJOR.MINOR.PATCH (e.g. 1.2.3), got '${version}'.`
    ]
  }
  const problems = []
  if (packageVersion !== version) {
    problems.push(
      `package.json has version ${packageVersion}, not ${version}: set it ` +
        '(docker-nest --version prints it) and commit.'
    )
  }
  if (!changelogSection(changelog, version)) {
    problems.push(
      `CHANGELOG.md has no "## [${version}]" section with content: move the ` +
        'Unreleased entries under it and commit.'
    )
  }
  return problems
}

/** The git commands that tag `commit` and push both tags. */
function releaseCommands(version, commit, remotes) {
  const message = `docker-nest ${version}`
  return [
    ['git', 'tag', '-a', `v${version}`, '-m', message, commit],
    ['git', 'tag', '-a', version, '-m', message, commit],
    ['git', 'push', remotes.github, `refs/tags/v${version}`],
    ['git', 'push', remotes.gitlab, `refs/tags/${version}`]
  ]
}

function git(args) {
  return execFileSync('git', args, { encoding: 'utf8' }).trim()
}

function gitOk(args) {
  try {
    git(args)
    return true
  } catch {
    return false
  }
}

/** Problems with the repository: uncommitted changes, existing tags, unknown remotes. */
function repositoryProblems(version, remotes) {
  const problems = []
  if (git(['status', '--porcelain']) !== '') {
    problems.push(
      'The working tree has uncommitted changes: commit or remove them.'
    )
  }
  for (const tag of [`v${version}`, version]) {
    if (gitOk(['rev-parse', '--verify', '--quiet', `refs/tags/${tag}`])) {
      problems.push(`Tag ${tag} exists already.`)
    }
  }
  for (const remote of new Set([remotes.github, remotes.gitlab])) {
    if (!gitOk(['remote', 'get-url', remote])) {
      problems.push(
        `No git remote '${remote}': add it, or name another with ` +
          '--github-remote/--gitlab-remote.'
      )
    }
  }
  return problems
}

function quote(word) {
  return /^[\w./:@=+-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`
}

function parseArgs(argv) {
  const options = {
    dryRun: false,
    remotes: { github: 'origin', gitlab: 'gitlab' }
  }
  const words = []
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]
    if (arg === '--dry-run') options.dryRun = true
    else if (arg === '--github-remote' || arg === '--gitlab-remote') {
      const value = argv[++i]
      if (!value) throw new Error(`${arg} needs a remote name.\n${USAGE}`)
      options.remotes[arg === '--github-remote' ? 'github' : 'gitlab'] = value
    } else if (arg.startsWith('-'))
      throw new Error(`Unknown option ${arg}.\n${USAGE}`)
    else words.push(arg)
  }
  const [first, second, extra] = words
  const command = first === 'check' || first === 'notes' ? first : 'release'
  const version = command === 'release' ? first : second
  if (!version || extra || (command === 'release' && second)) {
    throw new Error(USAGE)
  }
  return { ...options, command, version }
}

function main(argv) {
  const { command, version, dryRun, remotes } = parseArgs(argv)
  const changelog = readFileSync('CHANGELOG.md', 'utf8')
  const packageVersion = JSON.parse(
    readFileSync('package.json', 'utf8')
  ).version
  const problems = fileProblems(version, changelog, packageVersion)
  if (command === 'release' && problems.length === 0) {
    problems.push(...repositoryProblems(version, remotes))
  }
  if (problems.length > 0) throw new Error(problems.join('\n'))
  if (command === 'notes') {
    console.log(changelogSection(changelog, version))
    return
  }
  if (command === 'check') {
    console.log(`release: ${version} is ready (package.json, CHANGELOG.md).`)
    return
  }
  const commit = git(['rev-parse', 'HEAD'])
  const commands = releaseCommands(version, commit, remotes)
  if (dryRun) {
    console.log(`release: dry run for ${version} at ${commit}; would run:`)
    for (const words of commands) console.log(words.map(quote).join(' '))
    return
  }
  for (const [, ...args] of commands) {
    console.log(`$ git ${args.map(quote).join(' ')}`)
    execFileSync('git', args, { stdio: 'inherit' })
  }
  console.log(
    `release: pushed v${version} to ${remotes.github} and ${version} to ` +
      `${remotes.gitlab}; their pipelines publish the releases.`
  )
}

try {
  main(process.argv.slice(2))
} catch (error) {
  process.stderr.write(
    `release: ${error instanceof Error ? error.message : String(error)}\n`
  )
  process.exitCode = 1
}
