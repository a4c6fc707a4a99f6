import { quoteModelfileValue } from '../curate/modelfile'

export interface ModelfileValues {
  /** A base model name, or the path of the GGUF. */
  from: string
  adapter: string | null
  /** The chat template in Ollama's Go syntax; null leaves Ollama to detect it from the GGUF. */
  template: string | null
  stop: string[]
  system: string
  /** Few-shot pairs of a prompt model, appended as MESSAGE lines. */
  messages?: { role: string; content: string }[]
}

/**
 * Fills the project's root `Modelfile` — the documented template — with what a version was
 * created from, so the owner has, next to each model, the file `ollama create -f` would take
 * to make the same model by hand. One pass over the placeholders, so a Go template that itself
 * contains `{{ … }}` is inserted as it is.
 */
export function renderModelfile(template: string, values: ModelfileValues): string {
  const filled = template.replace(/^.*\{\{(FROM|ADAPTER|TEMPLATE|STOP|SYSTEM)\}\}.*$/gm, (line, name: string) => {
    switch (name) {
      case 'FROM':
        return line.replace('{{FROM}}', values.from)
      case 'ADAPTER':
        return values.adapter ? `ADAPTER ${values.adapter}` : ''
      case 'TEMPLATE':
        return values.template === null ? '' : `TEMPLATE ${quoteModelfileValue(values.template)}`
      case 'STOP':
        return values.stop.map((s) => `PARAMETER stop ${JSON.stringify(s)}`).join('\n')
      default:
        return `SYSTEM ${quoteModelfileValue(values.system)}`
    }
  })
  const messages = (values.messages ?? []).map((m) => `MESSAGE ${m.role} ${quoteModelfileValue(m.content)}`)
  return `${filled.replace(/\n{3,}/g, '\n\n').trimEnd()}\n${messages.length ? `\n${messages.join('\n')}\n` : ''}`
}
