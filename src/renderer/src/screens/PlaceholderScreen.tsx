import { EmptyState } from '../components/EmptyState'
import { useT } from '../i18n/i18n'

const CONTENT = {
  stats: { icon: '📊', title: 'stats.title', heading: 'stats.empty.title', body: 'stats.empty.body' },
} as const

/** The screens whose capability has not landed yet say what will be there. */
export function PlaceholderScreen({ screen }: { screen: keyof typeof CONTENT }) {
  const t = useT()
  const content = CONTENT[screen]
  return (
    <div className="screen">
      <h1 className="screen-title">{t(content.title)}</h1>
      <EmptyState icon={content.icon} title={t(content.heading)} body={t(content.body)} />
    </div>
  )
}
