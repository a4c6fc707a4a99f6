import { useCallback, useEffect, useId, useState, type FormEvent } from 'react'
import type { ApiInput, ImportFileDto, ImportSourcesDto } from '../../../../shared/api/contract'
import type { BaseModelOption, DatasetDto, TrainingBackend, TrainingOptionsDto, TrainingRunDto, TrainingSettings } from '../../../../shared/types'
import { useApi } from '../../api/api-context'
import { describeError } from '../../api/describe-error'
import { useT } from '../../i18n/i18n'
import { fileName } from './training-format'
import { useFormat } from '../../number-format'
import './training.css'

const BACKENDS: TrainingBackend[] = ['llamacpp', 'prompt', 'import']

/** The limits `training.start` enforces, so the form says so before the core does. */
const LIMITS = {
  epochs: { min: 1, max: 50, step: 1 },
  contextTokens: { min: 64, max: 8192, step: 1 },
  learningRate: { min: 1e-7, max: 1e-2, step: 'any' },
  freezeLayers: { min: 0, max: 200, step: 1 },
} as const
type Advanced = keyof typeof LIMITS
const ADVANCED: Advanced[] = ['epochs', 'contextTokens', 'learningRate', 'freezeLayers']
const FALLBACK_DEFAULTS: Record<Advanced, number> = { epochs: 3, contextTokens: 256, learningRate: 1e-4, freezeLayers: 0 }

/** A base from the store (by path) or a GGUF path typed by hand. */
type BaseChoice = { kind: 'store'; path: string } | { kind: 'custom' }

/** The file to import: one in the imports folder (by name) or one the desktop picker gave a handle for. */
type ImportChoice = { source: 'folder'; name: string } | { source: 'picker'; handle: string; file: ImportFileDto }

type TrainingRequest = ApiInput<'training.start'>

export function TrainPanel({
  datasets,
  options,
  defaults,
  activeRun,
  onStarted,
  onRefresh,
}: {
  /** Ready datasets, newest first. */
  datasets: DatasetDto[]
  options: TrainingOptionsDto | null
  defaults: TrainingSettings | null
  activeRun: TrainingRunDto | null
  onStarted: (run: TrainingRunDto) => void
  /** Looks for tools and base models again (the owner may have just pulled one). */
  onRefresh: () => void
}) {
  const api = useApi()
  const t = useT()
  const fmt = useFormat()
  const id = useId()
  // Null until the owner picks: then the newest dataset and the sensible backend are the default.
  const [datasetId, setDatasetId] = useState<string | null>(null)
  const [backend, setBackend] = useState<TrainingBackend | null>(null)
  const [baseChoice, setBaseChoice] = useState<BaseChoice | null>(null)
  const [customPath, setCustomPath] = useState('')
  const [advanced, setAdvanced] = useState<Partial<Record<Advanced, number>>>({})
  const [fromModel, setFromModel] = useState('')
  const [importChoice, setImportChoice] = useState<ImportChoice | null>(null)
  const [importKind, setImportKind] = useState<'model' | 'adapter'>('model')
  const [force, setForce] = useState(false)
  const [starting, setStarting] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const [installed, setInstalled] = useState<string[]>([])

  useEffect(() => {
    // Only suggestions for the "start from" fields: without them the owner can still type a name.
    api.call('llm.models', {}).then((result) => setInstalled(result.models.filter((m) => !m.embedding).map((m) => m.name)), () => {})
  }, [api])

  const available = (which: TrainingBackend) => options?.backends.find((b) => b.id === which)
  const baseModels = options?.baseModels ?? []
  const trainable = baseModels.filter((m) => m.trainable)
  const defaultBackend: TrainingBackend = available('llamacpp')?.available && trainable.length > 0 ? 'llamacpp' : 'prompt'
  const chosenBackend = backend !== null && available(backend)?.available !== false ? backend : defaultBackend
  const chosenDataset = datasets.find((d) => d.id === datasetId) ?? datasets[0] ?? null
  const chosenBase: BaseChoice = baseChoice ?? (trainable[0] ? { kind: 'store', path: trainable[0].path } : { kind: 'custom' })
  const basePath = chosenBase.kind === 'store' ? chosenBase.path : customPath.trim()
  const baseInfo = chosenBase.kind === 'store' ? baseModels.find((m) => m.path === chosenBase.path) : undefined
  const liveModel = options?.liveModel ?? ''

  const defaultOf = (key: Advanced) => defaults?.[key] ?? FALLBACK_DEFAULTS[key]
  const valueOf = (key: Advanced) => advanced[key] ?? defaultOf(key)
  const advancedInvalid = ADVANCED.filter((key) => {
    const value = valueOf(key)
    const limits = LIMITS[key]
    return !Number.isFinite(value) || value < limits.min || value > limits.max || (limits.step === 1 && !Number.isInteger(value))
  })

  const blocker = ((): string | null => {
    if (activeRun) return t('training.train.busy')
    if (!options) return t('training.train.loading')
    if (!chosenDataset) return t('training.train.noDataset')
    const state = available(chosenBackend)
    if (state && !state.available) return state.reason ?? t('training.train.unavailable')
    if (chosenBackend === 'llamacpp') {
      if (!basePath) return t('training.train.needBase')
      if (advancedInvalid.length > 0) return t('training.train.badAdvanced')
    }
    if (chosenBackend === 'import' && !importChoice) return t('training.train.needImportFile')
    return null
  })()

  const submit = async (event: FormEvent) => {
    event.preventDefault()
    if (blocker || !chosenDataset) return
    const request: TrainingRequest = { datasetId: chosenDataset.id, backend: chosenBackend, force }
    if (chosenBackend === 'llamacpp') {
      Object.assign(request, { baseModel: basePath, ...Object.fromEntries(ADVANCED.map((key) => [key, valueOf(key)])) })
    } else if (chosenBackend === 'prompt') {
      if (fromModel.trim()) request.baseModel = fromModel.trim()
    } else {
      if (importChoice?.source === 'picker') request.importHandle = importChoice.handle
      else if (importChoice) request.importFile = importChoice.name
      request.importKind = importKind
      if (importKind === 'adapter' && fromModel.trim()) request.baseModel = fromModel.trim()
    }
    setStarting(true)
    setError(null)
    try {
      onStarted(await api.call('training.start', request))
    } catch (failure) {
      setError(describeError(failure, t))
    } finally {
      setStarting(false)
    }
  }

  const blockerId = `${id}-blocker`
  return (
    <form className="train-panel" onSubmit={(e) => void submit(e)} data-testid="train-panel" aria-describedby={`${id}-hint`}>
      <p className="hint" id={`${id}-hint`}>
        {t('training.train.hint')}
      </p>

      <label className="train-dataset">
        {t('training.train.dataset')}
        <select
          value={chosenDataset?.id ?? ''}
          disabled={datasets.length === 0}
          onChange={(e) => setDatasetId(e.target.value)}
          data-testid="train-dataset"
        >
          {datasets.length === 0 && <option value="">{t('training.train.dataset.none')}</option>}
          {datasets.map((dataset) => (
            <option key={dataset.id} value={dataset.id}>
              {t('training.train.dataset.option', {
                name: dataset.name,
                train: fmt.number(dataset.trainCount),
                validation: fmt.number(dataset.validationCount),
              })}
            </option>
          ))}
        </select>
      </label>

      <fieldset className="backend-options" data-testid="backend-options">
        <legend>{t('training.train.how')}</legend>
        {BACKENDS.map((which) => {
          const state = available(which)
          const disabled = !options || state?.available === false
          return (
            <label key={which} className={`backend-option${chosenBackend === which ? ' chosen' : ''}${disabled ? ' disabled' : ''}`} data-backend={which}>
              <input
                type="radio"
                name={`${id}-backend`}
                value={which}
                checked={chosenBackend === which}
                disabled={disabled}
                onChange={() => setBackend(which)}
                aria-labelledby={`${id}-${which}-title`}
                aria-describedby={`${id}-${which}-desc${state?.reason ? ` ${id}-${which}-reason` : ''}`}
              />
              <span className="backend-text">
                <span className="backend-title" id={`${id}-${which}-title`}>
                  {t(`training.backend.${which}`)}
                </span>
                <span className="backend-desc" id={`${id}-${which}-desc`}>
                  {t(`training.backend.${which}.desc`)}
                </span>
                {state?.available === false && state.reason && (
                  <span className="backend-reason" id={`${id}-${which}-reason`} data-testid="backend-reason">
                    {state.reason}
                  </span>
                )}
              </span>
            </label>
          )
        })}
      </fieldset>
      <details className="tech-details" data-testid="backend-technical">
        {/* Named for what it holds: the starting-model fold below is technical detail too. */}
        <summary>{t('training.train.how.technical')}</summary>
        <ul>
          {BACKENDS.map((which) => (
            <li key={which}>{t(`tech.backend.${which}`)}</li>
          ))}
        </ul>
      </details>

      {chosenBackend === 'llamacpp' && (
        <div className="backend-details">
          {/* Which model training starts from is a technical choice with a sound default: folded,
              unless the owner has to name a file because none was found. */}
          <details className="tech-details base-details" data-testid="base-technical" open={chosenBase.kind === 'custom' || undefined}>
            <summary>{t('training.train.base.summary', { name: baseInfo ? (baseInfo.ollamaModel ?? fileName(baseInfo.path)) : t('training.train.base.custom') })}</summary>
            <BasePicker
              baseModels={baseModels}
              choice={chosenBase}
              customPath={customPath}
              onChoose={setBaseChoice}
              onCustomPath={setCustomPath}
              onRefresh={onRefresh}
              name={`${id}-base`}
            />
          </details>
          <details className="advanced">
            <summary>{t('training.train.advanced')}</summary>
            <div className="form-grid">
              {ADVANCED.map((key) => (
                <label key={key}>
                  {t(`training.train.${key}`)}
                  <input
                    type="number"
                    min={LIMITS[key].min}
                    max={LIMITS[key].max}
                    step={LIMITS[key].step}
                    value={Number.isNaN(valueOf(key)) ? '' : valueOf(key)}
                    aria-invalid={advancedInvalid.includes(key) || undefined}
                    onChange={(e) => setAdvanced((current) => ({ ...current, [key]: e.target.value === '' ? Number.NaN : Number(e.target.value) }))}
                  />
                  <small>
                    {t(`training.train.${key}.hint`)}{' '}
                    {t('training.train.default', { value: fmt.number(defaultOf(key), key === 'learningRate' ? 10 : 0) })}
                    {key === 'freezeLayers' && baseInfo?.layers ? ` ${t('training.train.freezeLayers.of', { layers: baseInfo.layers })}` : ''}
                  </small>
                </label>
              ))}
            </div>
            <p className="tech-details">{t('tech.advanced.terms')}</p>
          </details>
        </div>
      )}

      {chosenBackend === 'prompt' && (
        <div className="backend-details">
          <label>
            {t('training.train.fromModel')}
            <input value={fromModel} placeholder={liveModel} list={`${id}-installed`} onChange={(e) => setFromModel(e.target.value)} />
            <small>{t('training.train.fromModel.hint', { live: liveModel })}</small>
          </label>
        </div>
      )}

      {chosenBackend === 'import' && (
        <div className="backend-details">
          <ImportFilePicker kind={importKind} choice={importChoice} onChoose={setImportChoice} />
          <fieldset className="inline-radios">
            <legend>{t('training.train.importKind')}</legend>
            {(['model', 'adapter'] as const).map((kind) => (
              <label key={kind} className="check">
                <input type="radio" name={`${id}-kind`} value={kind} checked={importKind === kind} onChange={() => setImportKind(kind)} />
                {t(`training.train.importKind.${kind}`)}
              </label>
            ))}
          </fieldset>
          {importKind === 'adapter' && (
            <label>
              {t('training.train.adapterBase')}
              <input value={fromModel} placeholder={liveModel} list={`${id}-installed`} onChange={(e) => setFromModel(e.target.value)} />
              <small>{t('training.train.adapterBase.hint', { live: liveModel })}</small>
            </label>
          )}
        </div>
      )}
      <datalist id={`${id}-installed`}>
        {installed.map((name) => (
          <option key={name} value={name} />
        ))}
      </datalist>

      <label className="check train-force">
        <input type="checkbox" checked={force} onChange={(e) => setForce(e.target.checked)} />
        <span>
          {t('training.train.force')} <small>{t('training.train.force.hint')}</small>
        </span>
      </label>

      <div className="train-submit">
        <button type="submit" className="primary" disabled={blocker !== null || starting} aria-describedby={blocker ? blockerId : undefined}>
          {starting ? t('training.train.starting') : t('training.train.submit')}
        </button>
        {blocker && (
          <span className="train-blocker" id={blockerId} data-testid="train-blocker">
            {blocker}
          </span>
        )}
      </div>
      {error && (
        <p className="notice bad" role="alert" data-testid="train-error">
          {error}
        </p>
      )}
    </form>
  )
}

/**
 * Where the file to import comes from. The core takes no paths: on the desktop the system's
 * file dialog (the core keeps the path, the page gets a handle); in the browser, the files
 * the owner copied into the app's imports folder.
 */
function ImportFilePicker({ kind, choice, onChoose }: { kind: 'model' | 'adapter'; choice: ImportChoice | null; onChoose: (choice: ImportChoice | null) => void }) {
  const api = useApi()
  const t = useT()
  const fmt = useFormat()
  const id = useId()
  const [sources, setSources] = useState<ImportSourcesDto | null>(null)
  const [error, setError] = useState<string | null>(null)

  const fetchSources = useCallback(() => {
    api.call('training.imports', {}).then(
      (next) => {
        setSources(next)
        setError(null)
      },
      (failure: unknown) => setError(describeError(failure, t)),
    )
  }, [api, t])
  useEffect(fetchSources, [fetchSources])

  const pick = async () => {
    setError(null)
    try {
      const picked = await api.call('training.pickImport', { kind })
      if (picked) onChoose({ source: 'picker', handle: picked.handle, file: picked })
    } catch (failure) {
      setError(describeError(failure, t))
    }
  }

  const describe = (file: ImportFileDto) => `${fmt.bytes(file.sizeBytes)}${file.format === 'unknown' ? ` · ${t('training.train.importFile.unknown')}` : ''}`
  return (
    <fieldset className="import-file" data-testid="import-file">
      <legend>{t('training.train.importFile')}</legend>
      {sources?.picker && (
        <div className="import-picked">
          <button type="button" onClick={() => void pick()}>
            {t('training.train.importFile.pick')}
          </button>{' '}
          <span data-testid="import-picked">
            {choice?.source === 'picker'
              ? t('training.train.importFile.picked', { name: choice.file.name, size: describe(choice.file) })
              : t('training.train.importFile.none')}
          </span>
        </div>
      )}
      {sources && !sources.picker && (
        <>
          <p className="hint">
            {t('training.train.importFile.folder')} <code data-testid="import-folder">{sources.folder}</code>
          </p>
          {sources.files.length === 0 && <p className="hint">{t('training.train.importFile.empty')}</p>}
          <ul className="base-list">
            {sources.files.map((file) => (
              <li key={file.name} className="base-row" data-testid="import-candidate">
                <label className="check">
                  <input
                    type="radio"
                    name={`${id}-file`}
                    checked={choice?.source === 'folder' && choice.name === file.name}
                    onChange={() => onChoose({ source: 'folder', name: file.name })}
                  />
                  <span className="base-text">
                    <span className="base-name">{file.name}</span>
                    <span className="base-facts">{describe(file)}</span>
                  </span>
                </label>
              </li>
            ))}
          </ul>
          <button type="button" className="small-button" onClick={fetchSources}>
            {t('training.train.importFile.refresh')}
          </button>
        </>
      )}
      {error && (
        <p className="notice bad" role="alert">
          {error}
        </p>
      )}
    </fieldset>
  )
}

function BasePicker({
  baseModels,
  choice,
  customPath,
  onChoose,
  onCustomPath,
  onRefresh,
  name,
}: {
  baseModels: BaseModelOption[]
  choice: BaseChoice
  customPath: string
  onChoose: (choice: BaseChoice) => void
  onCustomPath: (path: string) => void
  onRefresh: () => void
  name: string
}) {
  const t = useT()
  const fmt = useFormat()
  const id = useId()
  return (
    <fieldset className="base-picker" data-testid="base-picker">
      <legend>{t('training.train.base')}</legend>
      {baseModels.length === 0 && <p className="hint">{t('training.train.base.none')}</p>}
      <ul className="base-list">
        {baseModels.map((model, index) => {
          const rowId = `${id}-${index}`
          const facts = [
            fmt.bytes(model.sizeBytes),
            model.fileType,
            model.layers !== null ? t('training.train.base.layers', { count: model.layers }) : null,
            model.parameterCount !== null ? t('training.train.base.parameters', { count: fmt.compact(model.parameterCount) }) : null,
          ].filter((fact): fact is string => Boolean(fact))
          return (
            <li key={model.path} className={`base-row${model.trainable ? '' : ' disabled'}`} data-testid="base-model" data-trainable={model.trainable}>
              <label className="check">
                <input
                  type="radio"
                  name={name}
                  checked={choice.kind === 'store' && choice.path === model.path}
                  disabled={!model.trainable}
                  onChange={() => onChoose({ kind: 'store', path: model.path })}
                  aria-labelledby={`${rowId}-name`}
                  aria-describedby={`${rowId}-facts${model.reason ? ` ${rowId}-reason` : ''}`}
                />
                <span className="base-text">
                  <span className="base-name" id={`${rowId}-name`} title={model.path}>
                    {model.ollamaModel ?? fileName(model.path)}
                  </span>
                  <span className="base-facts" id={`${rowId}-facts`}>
                    {facts.join(' · ')}
                  </span>
                  {!model.trainable && model.reason && (
                    <span className="base-reason" id={`${rowId}-reason`}>
                      {model.reason}
                    </span>
                  )}
                </span>
              </label>
            </li>
          )
        })}
        <li className="base-row">
          <label className="check">
            <input type="radio" name={name} checked={choice.kind === 'custom'} onChange={() => onChoose({ kind: 'custom' })} aria-labelledby={`${id}-custom`} />
            <span className="base-text">
              <span className="base-name" id={`${id}-custom`}>
                {t('training.train.base.custom')}
              </span>
            </span>
          </label>
          {choice.kind === 'custom' && (
            <input
              className="base-path"
              value={customPath}
              aria-label={t('training.train.base.path')}
              placeholder={t('training.train.base.path.placeholder')}
              onChange={(e) => onCustomPath(e.target.value)}
            />
          )}
        </li>
      </ul>
      <button type="button" className="small-button base-refresh" onClick={onRefresh}>
        {t('training.train.base.refresh')}
      </button>
    </fieldset>
  )
}
