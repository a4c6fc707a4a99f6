import { datasetFile } from '../../curate/dataset-format'
import { selectFewShot } from '../../curate/modelfile'
import { promptAndReference, readChatExamples } from '../validation-gate'
import type { BackendContext, Candidate, PlanContext, RunPlan, TrainingBackend } from './training-backend'

/**
 * Not a fine-tune, and labelled so: the base model with the dataset's best examples as few-shot
 * messages (Ollama's MESSAGE), created in seconds. Nothing is trained.
 */
export class PromptBackend implements TrainingBackend {
  readonly id = 'prompt' as const

  unavailable(): string | null {
    return null
  }

  plan({ input, settings }: PlanContext): Promise<RunPlan> {
    return Promise.resolve({ baseModel: input.baseModel ?? settings.llm.model, params: { contextTokens: settings.training.contextTokens, force: input.force } })
  }

  prepare(ctx: BackendContext): Promise<Candidate> {
    const examples = readChatExamples(datasetFile(ctx.datasetDir, 'train'))
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
