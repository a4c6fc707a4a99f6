// First: zod must be told not to probe for eval before any schema is built (zod-csp.ts).
import './zod-csp'
import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import type { PreloadBridge } from '../../shared/api/client'
import { Root } from './Root'
import './styles.css'

declare global {
  interface Window {
    autodidacta?: PreloadBridge
  }
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <Root bridge={window.autodidacta ?? null} />
  </StrictMode>,
)
