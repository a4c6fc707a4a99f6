// Types of ./layout-probe.mjs for the TypeScript that imports it (tests/e2e/every-screen.test.ts).
export interface LayoutProblems {
  /** The page wider than the window, boxes that scroll sideways, boxes that end past the window's edge. */
  overflow: string[]
  /** On a phone: controls under 44 × 44 px (a checkbox counts its label). */
  smallTargets: string[]
  /** Key figures wider than their box. */
  cutFigures: string[]
  /** The screen's own words, without chat text, code or form values. */
  text: string
}
export function probeLayout(options: { phone: boolean; slides: string }): LayoutProblems
