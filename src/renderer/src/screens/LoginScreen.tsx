import { useState } from 'react'
import { I18nProvider, useT } from '../i18n/i18n'

function LoginForm({ onToken }: { onToken: (token: string) => void }) {
  const t = useT()
  const [token, setToken] = useState('')
  return (
    <div className="login">
      <form
        className="card"
        onSubmit={(e) => {
          e.preventDefault()
          if (token.trim()) onToken(token.trim())
        }}
      >
        <h1>{t('login.title')}</h1>
        <p>{t('login.body')}</p>
        <label>
          {t('login.token')}
          <input value={token} onChange={(e) => setToken(e.target.value)} autoComplete="off" spellCheck={false} />
        </label>
        <button type="submit" className="primary">
          {t('login.submit')}
        </button>
      </form>
    </div>
  )
}

export function LoginScreen({ onToken }: { onToken: (token: string) => void }) {
  return (
    <I18nProvider locale="es">
      <LoginForm onToken={onToken} />
    </I18nProvider>
  )
}
