/** An address without the slashes at its end. A loop, not `/\/+$/`: that regex is quadratic on a run of slashes. */
export function withoutTrailingSlashes(url: string): string {
  let end = url.length
  while (end > 0 && url.charCodeAt(end - 1) === 47) end--
  return url.slice(0, end)
}
