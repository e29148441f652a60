/**
 * `docker-nest completion bash|zsh|fish`: a completion script built from
 * the command table, so it lists exactly the commands and options the
 * parser takes.
 */
import type { Command, OptionSpec } from './commands/types.js'

/** The shells `completion` writes for. */
export const SHELLS = ['bash', 'zsh', 'fish'] as const
export type Shell = (typeof SHELLS)[number]

/** One option as completion sees it. */
interface Flag {
  name: string
  spec: OptionSpec
  help: string
}

/**
 * The first sentence of a help text, cut at a word to about 60 columns,
 * before an unclosed parenthesis.
 */
export function shortHelp(text: string): string {
  const sentence = text.replace(/\s+/g, ' ').split(/(?<=\.) /)[0]
  const plain = sentence.replace(/\.$/, '')
  if (plain.length <= 60) return plain
  let cut = plain.slice(0, plain.lastIndexOf(' ', 58))
  const open = cut.lastIndexOf('(')
  if (open > 0 && !cut.includes(')', open)) cut = cut.slice(0, open).trimEnd()
  return `${cut.replace(/[,;:]$/, '')}…`
}

function flagsOf(command: Command, common: Record<string, OptionSpec>): Flag[] {
  return Object.entries({ ...command.options, ...common }).map(
    ([name, spec]) => ({ name, spec, help: shortHelp(spec.help) })
  )
}

/** Every word an option may be written as: --x, --no-x, -h. */
function spellings({ name, spec }: Flag): string[] {
  return [
    `--${name}`,
    ...(spec.type === 'boolean' && spec.negatable ? [`--no-${name}`] : []),
    ...(spec.short ? [`-${spec.short}`] : [])
  ]
}

function bash(commands: Command[], common: Record<string, OptionSpec>) {
  const names = commands.map((c) => c.name)
  const values: string[] = []
  const words: string[] = []
  for (const command of commands) {
    for (const flag of flagsOf(command, common)) {
      if (flag.spec.type !== 'string') continue
      const key = `'${command.name} --${flag.name}'`
      const { choices, complete } = flag.spec
      values.push(
        choices
          ? `    ${key}) COMPREPLY=($(compgen -W '${choices.join(' ')}' -- "$cur")) ;;`
          : complete
            ? `    ${key}) COMPREPLY=($(compgen -${complete === 'dir' ? 'd' : 'f'} -- "$cur")) ;;`
            : `    ${key}) ;;`
      )
    }
    const free = command.argument?.choices ?? []
    const flags = flagsOf(command, common).flatMap(spellings)
    words.push(
      `    ${command.name}) words='${[...free, ...flags].join(' ')}' ;;`
    )
  }
  return `# bash completion for docker-nest. Load it with:
#   source <(docker-nest completion bash)
_docker_nest() {
  local cur=\${COMP_WORDS[COMP_CWORD]} prev=\${COMP_WORDS[COMP_CWORD-1]}
  local words=''
  COMPREPLY=()
  # '--format=json' reaches us as '--format' '=' 'json'.
  if [[ $cur == = ]]; then
    cur=''
  elif [[ $prev == = ]]; then
    prev=\${COMP_WORDS[COMP_CWORD-2]}
  fi
  if ((COMP_CWORD == 1)); then
    COMPREPLY=($(compgen -W '${names.join(' ')} help -h --help -v --version' -- "$cur"))
    return 0
  fi
  case "\${COMP_WORDS[1]} $prev" in
${values.join('\n')}
    *) case \${COMP_WORDS[1]} in
${words.map((w) => `  ${w}`).join('\n')}
      help) words='${names.join(' ')}' ;;
      esac
      COMPREPLY=($(compgen -W "$words" -- "$cur")) ;;
  esac
  return 0
}
complete -F _docker_nest docker-nest
`
}

/** Single-quotes for zsh. */
function sq(text: string): string {
  return `'${text.replace(/'/g, `'\\''`)}'`
}

/** Escapes what _arguments reads as syntax in a description or message. */
function zshText(text: string): string {
  return text.replace(/[\\[\]:]/g, (c) => `\\${c}`)
}

/** The _arguments specs of one option. */
function zshSpecs({ name, spec, help }: Flag): string[] {
  const text = `[${zshText(help)}]`
  if (spec.type === 'boolean') {
    if (spec.short) {
      const both = `-${spec.short} --${name}`
      return [`${sq(`(${both})`)}{-${spec.short},--${name}}${sq(text)}`]
    }
    return [
      sq(`--${name}${text}`),
      ...(spec.negatable ? [sq(`--no-${name}${text}`)] : [])
    ]
  }
  const action = spec.choices
    ? `(${spec.choices.join(' ')})`
    : spec.complete === 'dir'
      ? '_files -/'
      : spec.complete === 'file'
        ? '_files'
        : ' '
  const repeat = spec.multiple ? '*' : ''
  const value = zshText(spec.placeholder ?? 'VALUE')
  return [sq(`${repeat}--${name}=${text}:${value}:${action}`)]
}

function zsh(commands: Command[], common: Record<string, OptionSpec>) {
  const described = commands.map(
    (c) => `    ${sq(`${c.name}:${shortHelp(c.summary)}`)}`
  )
  const cases = commands.map((command) => {
    const specs = flagsOf(command, common).flatMap(zshSpecs)
    if (command.argument) {
      specs.push(
        sq(
          `1:${zshText(command.argument.placeholder)}:(${command.argument.choices.join(' ')})`
        )
      )
    }
    return `    ${command.name})\n      _arguments -s \\\n        ${specs.join(' \\\n        ')} ;;`
  })
  return `#compdef docker-nest
# zsh completion for docker-nest. Load it after compinit with:
#   source <(docker-nest completion zsh)
# or save it as _docker-nest in a directory of $fpath.
_docker_nest() {
  local -a commands
  commands=(
${described.join('\n')}
  )
  if ((CURRENT == 2)); then
    _describe -t commands 'docker-nest command' commands
    return
  fi
  local command=$words[2]
  shift words
  ((CURRENT--))
  case $command in
${cases.join('\n')}
    help) _describe -t commands 'docker-nest command' commands ;;
  esac
}
if [[ $funcstack[1] == _docker-nest ]]; then
  _docker_nest "$@"
else
  compdef _docker_nest docker-nest
fi
`
}

/** Quotes for fish: inside '', only \\ and \\' are special. */
function fishQuote(text: string): string {
  return `'${text.replace(/[\\']/g, (c) => `\\${c}`)}'`
}

function fish(commands: Command[], common: Record<string, OptionSpec>) {
  const lines = [
    '# fish completion for docker-nest. Load it with:',
    '#   docker-nest completion fish | source',
    '# __docker_nest_on NAME: the command line so far is docker-nest NAME …;',
    '# without NAME: no command yet.',
    'function __docker_nest_on',
    '    set -l words (commandline -opc)',
    '    if test (count $argv) -eq 0',
    '        test (count $words) -eq 1',
    '    else',
    '        test (count $words) -ge 2; and test "$words[2]" = "$argv[1]"',
    '    end',
    'end',
    'complete -c docker-nest -f',
    ...commands.map(
      (c) =>
        `complete -c docker-nest -n __docker_nest_on -a ${c.name} -d ${fishQuote(shortHelp(c.summary))}`
    ),
    `complete -c docker-nest -n __docker_nest_on -a help -d 'show the help of docker-nest or of one command'`,
    `complete -c docker-nest -n __docker_nest_on -s h -l help -d 'show this help'`,
    `complete -c docker-nest -n __docker_nest_on -s v -l version -d "print docker-nest's version"`,
    `complete -c docker-nest -n '__docker_nest_on help' -a ${fishQuote(commands.map((c) => c.name).join(' '))}`
  ]
  for (const command of commands) {
    const when = `-n '__docker_nest_on ${command.name}'`
    if (command.argument) {
      lines.push(
        `complete -c docker-nest ${when} -a ${fishQuote(command.argument.choices.join(' '))}`
      )
    }
    for (const flag of flagsOf(command, common)) {
      const { name, spec, help } = flag
      const desc = `-d ${fishQuote(help)}`
      const short = spec.short ? ` -s ${spec.short}` : ''
      if (spec.type === 'boolean') {
        lines.push(`complete -c docker-nest ${when}${short} -l ${name} ${desc}`)
        if (spec.negatable)
          lines.push(`complete -c docker-nest ${when} -l no-${name} ${desc}`)
        continue
      }
      const value = spec.choices
        ? `-x -a ${fishQuote(spec.choices.join(' '))}`
        : spec.complete === 'dir'
          ? `-x -a '(__fish_complete_directories)'`
          : spec.complete === 'file'
            ? '-r -F'
            : '-x'
      lines.push(`complete -c docker-nest ${when} -l ${name} ${value} ${desc}`)
    }
  }
  return `${lines.join('\n')}\n`
}

/** The completion script for one shell. */
export function completionScript(
  shell: Shell,
  commands: Command[],
  common: Record<string, OptionSpec>
): string {
  if (shell === 'bash') return bash(commands, common)
  if (shell === 'zsh') return zsh(commands, common)
  return fish(commands, common)
}
