// Photos and voice notes: the media store in the data folder (the facade the other rooms write
// and read through), its handler slice (`media.get`), and what the composition root needs to
// build the rest (photo re-encoding, the whisper.cpp transcriber and its model files, Ollama vision).
export { MediaStore, type MediaFolder } from './media-store'
export { mediaHandlers } from './media-handlers'
export { MediaError, MAX_PHOTO_BYTES, MAX_INBOUND_MEDIA_BYTES, megabytes, type MediaProblem } from './media-errors'
export { preparePhoto, type PreparedPhoto } from './image-processing'
export { TranscriptionError, MAX_VOICE_NOTE_SECONDS, type Transcriber, type Transcript } from './transcriber'
export { WhisperTranscriber, type WhisperTranscriberDeps } from './whisper-transcriber'
export { findWhisperCli } from './whisper-cli'
export { whisperModelsAt, whisperModelsDir } from './whisper-models'
export { OllamaVision, type PhotoDescriber, type PhotoDescription } from './vision'
