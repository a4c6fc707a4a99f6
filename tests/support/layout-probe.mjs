/* global window, document, getComputedStyle */
// Runs inside the page (Playwright sends the function's text there), so it is plain JavaScript
// with the browser's globals; tests/e2e/every-screen.test.ts reads what it finds.

/**
 * What a screen is checked for, measured in the page: anything wider than the window (the page
 * itself or a box that scrolls sideways), on a phone every control smaller than a fingertip
 * (44 px), key figures cut by their box, and the screen's own words (what customers, the owner
 * or the model wrote is left out). `slides` names the rows made to slide sideways on purpose
 * (a strip of chips the thumb moves through): they and what is in them are not overflow.
 * @param {{ phone: boolean, slides: string }} options
 */
export function probeLayout({ phone, slides }) {
  const name = (el) => {
    const id = el.getAttribute('data-testid')
    const cls = typeof el.className === 'string' && el.className.trim() ? `.${el.className.trim().split(/\s+/).join('.')}` : ''
    const text = (el.textContent ?? '').trim().replace(/\s+/g, ' ').slice(0, 40)
    return `${el.tagName.toLowerCase()}${id ? `[data-testid=${id}]` : ''}${cls} "${text}"`
  }
  const shown = (el) => {
    const rect = el.getBoundingClientRect()
    if (rect.width <= 1 || rect.height <= 1) return false
    const style = getComputedStyle(el)
    return style.visibility !== 'hidden' && style.display !== 'none'
  }
  const width = window.innerWidth
  const overflow = []
  if (document.documentElement.scrollWidth > width) overflow.push(`the page is ${document.documentElement.scrollWidth} px wide`)
  for (const el of document.querySelectorAll('body *')) {
    if (!shown(el) || (slides && el.closest(slides))) continue
    const style = getComputedStyle(el)
    // A box that scrolls sideways inside the page is sideways scrolling all the same.
    if ((style.overflowX === 'auto' || style.overflowX === 'scroll') && el.scrollWidth > el.clientWidth + 1) {
      overflow.push(`${name(el)} scrolls sideways (${el.scrollWidth} px in ${el.clientWidth} px)`)
    }
    const rect = el.getBoundingClientRect()
    if (rect.right > width + 1 && style.position !== 'fixed') overflow.push(`${name(el)} ends at ${Math.round(rect.right)} px`)
  }

  const smallTargets = []
  if (phone) {
    for (const el of document.querySelectorAll('button, select, input, textarea, a[href], summary, [role="button"]')) {
      if (!shown(el) || el.type === 'hidden' || el.type === 'file') continue
      // A checkbox is tapped through its label.
      const label = el.type === 'checkbox' || el.type === 'radio' ? el.closest('label') : null
      const target = label ?? el
      const rect = target.getBoundingClientRect()
      if (rect.height < 43.5 || rect.width < 43.5) smallTargets.push(`${name(target)} is ${Math.round(rect.width)}×${Math.round(rect.height)} px`)
    }
  }

  // A key figure cut by its box ("2." for 2.002) says something other than the number.
  const cutFigures = []
  for (const el of document.querySelectorAll('.key-value, .facts dd, .capture-counts dd, .dataset-counts dd, .run-facts dd')) {
    if (shown(el) && el.scrollWidth > el.clientWidth + 1) cutFigures.push(`${name(el)} is cut (${el.scrollWidth} px in ${el.clientWidth} px)`)
  }

  const clone = document.body.cloneNode(true)
  const quoted = '.bubble-text, .sample-text, .sample-question, .prompt-text, .left-text, .left-corrected, .conversation-preview, .catalog-description, .catalog-example, code, pre, textarea, input, select, .version, .recharts-wrapper'
  for (const el of clone.querySelectorAll(quoted)) el.remove()
  // innerText of a detached node has no layout: the text is read in the page, then the copy dropped.
  clone.style.position = 'absolute'
  clone.style.left = '-100000px'
  document.documentElement.appendChild(clone)
  const text = clone.innerText
  clone.remove()
  return { overflow: overflow.slice(0, 12), smallTargets: smallTargets.slice(0, 12), cutFigures, text }
}
