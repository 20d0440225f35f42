// The attack check: open pages of a built site in headless Chromium and try to make text run
// as script: on load, then on hover, focus and pointer events of every element of the page
// (synthetic events run inline handlers too). Reports, as JSON on stdout, per page: dialogs
// opened, calls of alert/confirm/prompt/print/open, whether `globalThis.pwned` got set,
// elements with event-handler attributes, javascript: links, the visible text (and the text
// outside code blocks) and the HTML.
//   node site/attack.mjs BASE_URL PATH...
import { launch, newPage } from './browser.mjs'

const TRAP = `
  globalThis.__calls = []
  for (const name of ['alert', 'confirm', 'prompt', 'print', 'open']) {
    globalThis[name] = (...args) => { globalThis.__calls.push(name + '(' + args.join(',') + ')') }
  }
`

async function provoke(page) {
  await page.evaluate(() => {
    const events = ['mouseover', 'mouseenter', 'mousemove', 'pointerover', 'pointerenter', 'focus', 'focusin', 'blur',
      'animationstart', 'transitionend', 'toggle', 'copy', 'keydown']
    for (const element of document.querySelectorAll('body *')) {
      for (const type of events) element.dispatchEvent(new Event(type, { bubbles: true }))
      if (typeof element.focus === 'function') element.focus()
    }
  })
  for (const element of await page.$$('.vp-doc a, .vp-doc code, .vp-doc td, .vp-doc h1, .vp-doc h2, .vp-doc h3, .vp-doc h4')) {
    await element.hover({ timeout: 1000, force: true }).catch(() => {})
  }
  await page.waitForTimeout(300)
}

function report() {
  const handlers = []
  for (const element of document.querySelectorAll('*')) {
    for (const attribute of element.attributes) {
      if (/^on/i.test(attribute.name)) handlers.push(`${element.tagName} ${attribute.name}`)
      const scheme = /^\s*(javascript|vbscript):/i.test(attribute.value)
        || (/^\s*data:/i.test(attribute.value) && element.tagName !== 'LINK')
      if (scheme && /href|src|action|data/i.test(attribute.name)) {
        handlers.push(`${element.tagName} ${attribute.name}=${attribute.value}`)
      }
    }
  }
  const doc = document.querySelector('.vp-doc')
  const prose = doc ? doc.cloneNode(true) : null
  for (const block of prose?.querySelectorAll('div[class*="language-"]') ?? []) block.remove()
  return {
    calls: globalThis.__calls ?? [],
    pwned: globalThis.pwned ?? null,
    handlers,
    scripts: [...document.querySelectorAll('.vp-doc script, .vp-doc iframe, .vp-doc object, .vp-doc embed')].length,
    text: doc ? doc.innerText : '',
    prose: prose ? prose.textContent : '',
    html: document.documentElement.outerHTML,
  }
}

async function attack(browser, base, path) {
  const page = await newPage(browser)
  const dialogs = []
  const errors = []
  page.on('dialog', async (dialog) => { dialogs.push(dialog.message()); await dialog.dismiss() })
  page.on('pageerror', (error) => errors.push(error.message))
  await page.addInitScript(TRAP)
  const response = await page.goto(base + path, { waitUntil: 'networkidle', timeout: 30000 })
  await page.waitForSelector('.vp-doc', { timeout: 15000 })
  await provoke(page)
  const found = await page.evaluate(report)
  await page.context().close()
  return { status: response?.status() ?? null, dialogs, errors, ...found }
}

async function main() {
  const [base, ...paths] = process.argv.slice(2)
  if (!base || paths.length === 0) {
    console.error('usage: node site/attack.mjs BASE_URL PATH...')
    process.exit(2)
  }
  const browser = await launch()
  try {
    const pages = {}
    for (const path of paths) pages[path] = await attack(browser, base, path)
    process.stdout.write(JSON.stringify({ pages }) + '\n')
  } finally {
    await browser.close()
  }
}

await main()
