// A line-for-line port of Ollama's Modelfile parser (github.com/ollama/ollama, parser/parser.go,
// ParseFile and parseRuneForState), so tests check the generated Modelfile against the rules
// `ollama create` really applies instead of against our own idea of them.

export interface ModelfileCommand {
  name: string
  args: string
}

const State = { Nil: 0, Name: 1, Value: 2, Parameter: 3, Message: 4, Comment: 5 } as const
type State = (typeof State)[keyof typeof State]

class UnexpectedEof extends Error {}

export function parseModelfile(text: string): ModelfileCommand[] {
  const commands: ModelfileCommand[] = []
  let cmd: ModelfileCommand = { name: '', args: '' }
  let curr: State = State.Nil
  let b = ''
  let role = ''

  for (const rune of text) {
    const [nextState, r] = parseRuneForState(rune, curr)
    let next = nextState
    if (next !== curr) {
      switch (curr) {
        case State.Name: {
          if (!isValidCommand(b)) throw new Error(`invalid command ${JSON.stringify(b)}`)
          const s = b.toLowerCase()
          if (s === 'from') cmd.name = 'model'
          else if (s === 'parameter') next = State.Parameter
          else if (s === 'message') {
            next = State.Message
            cmd.name = s
          } else cmd.name = s
          break
        }
        case State.Parameter:
          cmd.name = b
          break
        case State.Message:
          if (!['system', 'user', 'assistant'].includes(b)) throw new Error(`invalid message role ${JSON.stringify(b)}`)
          role = b
          break
        case State.Value: {
          const [s, ok] = unquote(b.trim())
          if (!ok || isSpace(r)) {
            b += r
            continue
          }
          cmd.args = role !== '' ? `${role}: ${s}` : s
          role = ''
          commands.push(cmd)
          cmd = { name: cmd.name, args: '' }
          break
        }
        default:
          break
      }
      b = ''
      curr = next
    }
    if (isPrint(r)) b += r
  }

  if (curr === State.Value) {
    const [s, ok] = unquote(b.trim())
    if (!ok) throw new UnexpectedEof(`unexpected EOF: ${b}`)
    cmd.args = role !== '' ? `${role}: ${s}` : s
    commands.push(cmd)
  } else if (curr !== State.Nil && curr !== State.Comment) {
    throw new UnexpectedEof('unexpected EOF')
  }
  if (!commands.some((c) => c.name === 'model')) throw new Error('no FROM line')
  return commands
}

function parseRuneForState(r: string, cs: State): [State, string] {
  switch (cs) {
    case State.Nil:
      if (r === '#') return [State.Comment, '']
      if (isSpace(r) || isNewline(r)) return [State.Nil, '']
      return [State.Name, r]
    case State.Name:
      if (isAlpha(r)) return [State.Name, r]
      if (isSpace(r)) return [State.Value, '']
      throw new Error('invalid command')
    case State.Value:
      if (isNewline(r) || isSpace(r)) return [State.Nil, r]
      return [State.Value, r]
    case State.Parameter:
      if (isAlpha(r) || /[0-9_]/.test(r)) return [State.Parameter, r]
      if (isSpace(r)) return [State.Value, '']
      throw new UnexpectedEof('unexpected EOF')
    case State.Message:
      if (isAlpha(r)) return [State.Message, r]
      if (isSpace(r)) return [State.Value, '']
      throw new UnexpectedEof('unexpected EOF')
    case State.Comment:
      if (isNewline(r)) return [State.Nil, '']
      return [State.Comment, '']
  }
}

function unquote(s: string): [string, boolean] {
  if (s.length >= 3 && s.startsWith('"""')) {
    if (s.length >= 6 && s.endsWith('"""')) return [s.slice(3, -3), true]
    return ['', false]
  }
  if (s.length >= 1 && s.startsWith('"')) {
    if (s.length >= 2 && s.endsWith('"')) return [s.slice(1, -1), true]
    return ['', false]
  }
  return [s, true]
}

const isAlpha = (r: string) => /^[a-zA-Z]$/.test(r)
const isSpace = (r: string) => r === ' ' || r === '\t'
const isNewline = (r: string) => r === '\r' || r === '\n'
// Go's strconv.IsPrint: letters, marks, numbers, punctuation, symbols and the ASCII space.
const isPrint = (r: string) => r === ' ' || /^[\p{L}\p{M}\p{N}\p{P}\p{S}]$/u.test(r)

function isValidCommand(cmd: string): boolean {
  return ['from', 'license', 'template', 'system', 'adapter', 'draft', 'renderer', 'parser', 'parameter', 'message', 'requires'].includes(cmd.toLowerCase())
}
