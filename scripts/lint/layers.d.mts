// Types of ./layers.mjs for the TypeScript that imports it (tests/unit/architecture.test.ts).
export interface Layer {
  name: string
  paths: string[]
}
export interface Place {
  index: number
  layer: string
  unit: string
}
export declare const LAYERS: Layer[]
export declare const RENDERER: string
export declare function placeOf(relativePath: string): Place | null
export declare function layeringViolation(from: string, to: string): string | null
