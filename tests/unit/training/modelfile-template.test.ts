import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { CHATML_OLLAMA_TEMPLATE } from '../../../src/main/training/ollama-deployer'
import { renderModelfile } from '../../../src/main/training/modelfile-template'

const ROOT_TEMPLATE = readFileSync('Modelfile', 'utf8')

describe('renderModelfile (the root Modelfile, filled)', () => {
  it('fills a fine-tune: FROM its GGUF, the base\'s Go template verbatim, stop words, the shop\'s system prompt', () => {
    const text = renderModelfile(ROOT_TEMPLATE, { from: '/datos/models/autodidacta-tienda-v2.gguf', adapter: null, template: CHATML_OLLAMA_TEMPLATE, stop: ['<|im_end|>', '<|im_start|>'], system: 'Eres un vendedor de "Tienda".' })
    expect(text).toMatch(/^FROM \/datos\/models\/autodidacta-tienda-v2\.gguf$/m)
    expect(text).toContain(`TEMPLATE """${CHATML_OLLAMA_TEMPLATE}"""`)
    expect(text).toContain('PARAMETER stop "<|im_end|>"\nPARAMETER stop "<|im_start|>"')
    expect(text).toContain('SYSTEM """Eres un vendedor de "Tienda"."""')
    expect(text).not.toMatch(/\{\{(FROM|ADAPTER|TEMPLATE|STOP|SYSTEM)\}\}/)
    expect(text).not.toMatch(/^ADAPTER/m)
    // The documented defaults of the template stay.
    expect(text).toContain('PARAMETER temperature 0.7')
  })

  it('fills an adapter import and a prompt model; leaves TEMPLATE out when Ollama should detect it', () => {
    const adapter = renderModelfile(ROOT_TEMPLATE, { from: 'qwen2.5:0.5b', adapter: '/x/adapter.gguf', template: null, stop: [], system: 'S' })
    expect(adapter).toMatch(/^ADAPTER \/x\/adapter\.gguf$/m)
    expect(adapter).not.toMatch(/^TEMPLATE/m)
    const prompt = renderModelfile(ROOT_TEMPLATE, { from: 'llama3.1:8b', adapter: null, template: null, stop: [], system: 'S', messages: [{ role: 'user', content: '¿Envían a Cali?' }, { role: 'assistant', content: 'Sí, en 2 días.' }] })
    expect(prompt.trimEnd().split('\n').slice(-2)).toEqual(['MESSAGE user """¿Envían a Cali?"""', 'MESSAGE assistant """Sí, en 2 días."""'])
  })
})
