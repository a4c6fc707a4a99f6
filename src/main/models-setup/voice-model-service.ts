// The speech model for voice notes: which Whisper size suits this computer (the plan's rule in
// media/whisper-models.ts, docs/model-plan.md), whether one is installed in the data folder, and
// its download with progress — from "Primeros pasos" or when the first voice note arrives.
import { dirname } from 'node:path'
import { ApiError } from '../../shared/api/errors'
import type { ModelPullDto, VoiceModelDto, VoiceModelId } from '../../shared/setup'
import type { Clock } from '../kernel/clock'
import type { EventBus } from '../kernel/event-bus'
import type { Logger } from '../kernel/logger'
import { MAX_VOICE_NOTE_SECONDS } from '../media/transcriber'
import { installedWhisperModel, recommendedWhisperModel, WHISPER_MODELS, type WhisperModelInfo } from '../media/whisper-models'
import { hardwareFromEnv } from './hardware'
import type { Machine } from './machine'
import { WhisperPulls, type WhisperPullsDeps } from './whisper-pulls'

export interface VoiceModelDeps {
  /** The data folder's speech-model folder (whisperModelsDir). */
  dir: string
  machine: Pick<Machine, 'env' | 'fileExists' | 'freeBytes' | 'totalMemoryBytes' | 'cpuCores'>
  events: EventBus
  logger: Logger
  /** whisper-cli is part of this installation. */
  engineReady: () => boolean
  /** The files offered (tests point them at a local server). */
  models?: readonly WhisperModelInfo[]
  fetch?: typeof fetch
  clock?: Clock
  pulls?: Pick<WhisperPullsDeps, 'retryDelaysMs' | 'maxRetries' | 'emitIntervalMs' | 'idleTimeoutMs'>
}

export class VoiceModelService {
  private readonly pulls: WhisperPulls
  private readonly models: readonly WhisperModelInfo[]

  constructor(private readonly deps: VoiceModelDeps) {
    this.models = deps.models ?? WHISPER_MODELS
    this.pulls = new WhisperPulls({
      dir: deps.dir,
      models: this.models,
      emit: (pull) => deps.events.emit('voice.pull', pull),
      logger: deps.logger,
      ...(deps.clock ? { clock: deps.clock } : {}),
      ...(deps.fetch ? { fetch: deps.fetch } : {}),
      onDone: (id) => deps.logger.info('Voice-note model downloaded', { id }),
      ...deps.pulls,
    })
  }

  /** The model that transcribes now (its path), or null: what the transcriber asks before each note. */
  modelPath(): string | null {
    return installedWhisperModel(this.deps.dir, this.recommendedId())?.path ?? null
  }

  status(): VoiceModelDto {
    const recommendedId = this.recommendedId()
    const installed = installedWhisperModel(this.deps.dir, recommendedId)
    const pull = this.models.map((m) => this.pulls.get(m.id)).find((p) => p !== null && p.state !== 'done' && p.state !== 'cancelled') ?? null
    return {
      installedId: installed?.info.id ?? null,
      recommendedId,
      options: this.models.map((m) => ({
        id: m.id,
        label: m.label,
        downloadBytes: m.bytes,
        memoryBytes: m.memoryBytes,
        installed: installedWhisperModel(this.deps.dir, m.id)?.info.id === m.id,
        recommended: m.id === recommendedId,
      })),
      engineReady: this.deps.engineReady(),
      pull,
      maxSeconds: MAX_VOICE_NOTE_SECONDS,
    }
  }

  /** Starts (or joins) a download; progress follows as `voice.pull` events. */
  async pull(id: VoiceModelId): Promise<ModelPullDto> {
    const info = this.models.find((m) => m.id === id)
    if (!info) throw new ApiError('not_found', `No hay un modelo de voz «${id}».`)
    const running = this.pulls.get(id)
    if (running && (running.state === 'queued' || running.state === 'downloading' || running.state === 'verifying' || running.retrying)) return running
    await this.checkDiskSpace(info, running)
    return this.pulls.start(id)
  }

  /** The first voice note arrived without a model: the size the plan recommends starts downloading. */
  async pullRecommended(): Promise<ModelPullDto | null> {
    if (this.modelPath() !== null) return null
    return this.pull(this.recommendedId())
  }

  cancelPull(id: VoiceModelId): ModelPullDto | null {
    return this.pulls.cancel(id)
  }

  resumeUnfinished(): void {
    this.pulls.resumeUnfinished()
  }

  close(): Promise<void> {
    return this.pulls.close()
  }

  private recommendedId(): VoiceModelId {
    const { machine } = this.deps
    const hardware = hardwareFromEnv(machine.env.AUTODIDACTA_HARDWARE) ?? { totalMemoryBytes: machine.totalMemoryBytes(), cpuCores: machine.cpuCores() }
    const id = recommendedWhisperModel(hardware)
    // tests may offer fewer files than the real list
    return this.models.some((m) => m.id === id) ? id : this.models[0]!.id
  }

  private async checkDiskSpace(info: WhisperModelInfo, previous: ModelPullDto | null): Promise<void> {
    let dir = this.deps.dir
    while (!this.deps.machine.fileExists(dir) && dirname(dir) !== dir) dir = dirname(dir)
    let free: number
    try {
      free = await this.deps.machine.freeBytes(dir)
    } catch (error) {
      this.deps.logger.warn('Free disk space unknown', { dir, error })
      return
    }
    const needed = info.bytes - Math.min(info.bytes, previous?.completedBytes ?? 0)
    if (free < needed) {
      const mb = (bytes: number) => `${Math.ceil(bytes / 1_000_000).toLocaleString('es')} MB`
      throw new ApiError('precondition', `No hay espacio suficiente en el disco: el modelo de voz necesita ${mb(needed)} y quedan ${mb(free)} libres. Libera espacio y vuelve a intentarlo.`)
    }
  }
}
