import { join } from 'node:path'
import { selectFewShot } from '../../curation/modelfile'
import { promptAndReference, readChatExamples } from '../validation'
import type { BackendContext, Candidate, TrainingBackend } from './training-backend'

/**
 * Not a fine-tune, and labelled so: the base model with the dataset's best examples as few-shot
 * messages (Ollama's MESSAGE), created in seconds. Nothing is trained.
 */
export class PromptBackend implements TrainingBackend {
  readonly id = 'prompt' as const

  prepare(ctx: BackendContext): Promise<Candidate> {
    const examples = readChatExamples(join(ctx.datasetDir, 'train.jsonl'))
    const messages = selectFewShot(examples, 2).flatMap((e) => {
      const { question, reference } = promptAndReference(e)
      return [
        { role: 'user', content: question },
        { role: 'assistant', content: reference },
      ]
    })
    ctx.log.write(`few-shot messages: ${messages.length / 2}\n`)
    ctx.stage('registering')
    return Promise.resolve({
      source: 'prompt',
      path: null,
      request: { model: ctx.name, from: ctx.baseModel, system: ctx.system, messages },
      modelfile: { from: ctx.baseModel, adapter: null, template: null, stop: [], system: ctx.system, messages },
    })
  }
}
