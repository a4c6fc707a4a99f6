// The contract between the inbound-media pipeline (which stores a voice note and wants its text)
// and the speech engine (whisper.cpp, see whisper-transcriber.ts). The pipeline codes against this
// interface and a fake in its tests; the real engine is built in create-app.

export interface Transcript {
  text: string
  durationSec: number
  truncated: boolean
  language: string | null
}

export interface Transcriber {
  /** null when no Whisper model is installed yet (the caller falls back to the polite line and tells the owner). */
  available(): boolean
  /** audio: the bytes as WhatsApp sends them (audio/ogg; codecs=opus); throws TranscriptionError on failure. */
  transcribe(audio: Uint8Array, mimeType: string, signal?: AbortSignal): Promise<Transcript>
}

export class TranscriptionError extends Error {
  constructor(
    message: string,
    readonly reason: 'no_model' | 'too_long' | 'decode' | 'engine',
    options?: { cause?: unknown },
  ) {
    super(message, options)
    this.name = 'TranscriptionError'
  }
}

export const MAX_VOICE_NOTE_SECONDS = 180
