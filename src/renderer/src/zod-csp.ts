// Imported first by main.tsx, before any module that builds a zod schema.
// zod 4 probes whether it may compile parsers with `new Function("")` when an object schema
// is built; under this page's Content-Security-Policy (no 'unsafe-eval') the probe is refused,
// and even though zod catches the throw the browser logs a CSP violation on every page load.
// Without the JIT zod never probes; the screen's forms parse a handful of fields, so the
// compiled fast path buys nothing here.
import { z } from 'zod'

z.config({ jitless: true })
