// The site check: open every page of a built site in headless Chromium and report, as JSON
// on stdout, what a reader sees: console errors, tables, code blocks, containers, headings
// and the text. tests/test_site.py asserts on it.
//   node site/check.mjs BASE_URL PATH...      e.g. http://127.0.0.1:8000 /stripe_payments.html
import { launch, newPage } from './browser.mjs'

function collect() {
  const doc = document.querySelector('.vp-doc')
  const visible = (el) => el.checkVisibility() && el.getBoundingClientRect().height > 0
  const cells = (row) => row.querySelectorAll(':scope > th, :scope > td').length
  const found = {
    title: document.title,
    hydrated: Boolean(document.querySelector('#app')?.__vue_app__),
    text: doc ? doc.innerText : '',
    headings: [...(doc?.querySelectorAll('h1, h2, h3, h4') ?? [])].map((h) => ({
      level: Number(h.tagName[1]),
      id: h.id,
      text: h.innerText.replace(/\u200b/g, '').trim(),
    })),
    tables: [...(doc?.querySelectorAll('table') ?? [])].map((table) => ({
      header: [...table.querySelectorAll('thead tr')].map(cells),
      headerText: [...table.querySelectorAll('thead th')].map((th) => th.innerText.trim()),
      rows: [...table.querySelectorAll('tbody tr')].map(cells),
      visible: visible(table),
    })),
    code: [...(doc?.querySelectorAll('div[class*="language-"]') ?? [])].map((block) => {
      const pre = block.querySelector('pre')
      const spans = pre ? [...pre.querySelectorAll('span[style]')] : []
      return {
        language: (block.className.match(/(?:^|\s)language-(\S*)/) ?? [])[1] ?? null,
        shiki: Boolean(pre?.classList.contains('shiki')),
        colors: new Set(spans.map((span) => span.getAttribute('style'))).size,
        label: block.querySelector('span.lang')?.innerText ?? null,
        visible: visible(block),
      }
    }),
    containers: [...(doc?.querySelectorAll('.custom-block') ?? [])].map((box) => ({
      kind: [...box.classList].filter((name) => name !== 'custom-block'),
      title: box.querySelector('.custom-block-title')?.innerText ?? null,
      text: box.innerText,
      visible: visible(box),
    })),
    sidebar: [...document.querySelectorAll('.VPSidebar a')].map((a) => a.innerText.trim()),
  }
  // Dates in table cells, measured in a column as narrow as a phone's (360px): a date that
  // can break at its hyphens wraps there; its lines are the distinct tops of its text's boxes.
  if (doc) doc.style.maxWidth = '360px'
  found.dates = [...(doc?.querySelectorAll('td') ?? [])]
    .filter((td) => /^\d{4}[-\u2011]\d{2}[-\u2011]\d{2}$/.test(td.innerText.trim()))
    .map((td) => {
      const range = document.createRange()
      range.selectNodeContents(td)
      const tops = new Set([...range.getClientRects()].map((rect) => Math.round(rect.top)))
      return { text: td.innerText.trim(), lines: tops.size }
    })
  if (doc) doc.style.maxWidth = ''
  return found
}

async function checkPage(browser, base, path) {
  const page = await newPage(browser)
  const consoleErrors = []
  const consoleWarnings = []
  const failedRequests = []
  page.on('console', (message) => {
    const where = message.location()?.url
    if (message.type() === 'error') consoleErrors.push(where ? `${message.text()} (${where})` : message.text())
    if (message.type() === 'warning') consoleWarnings.push(message.text())
  })
  page.on('pageerror', (error) => consoleErrors.push(`pageerror: ${error.message}`))
  page.on('requestfailed', (request) => failedRequests.push(request.url()))
  page.on('response', (response) => {
    if (response.status() >= 400) failedRequests.push(`${response.status()} ${response.url()}`)
  })
  const response = await page.goto(base + path, { waitUntil: 'networkidle', timeout: 30000 })
  await page.waitForSelector('.vp-doc', { timeout: 15000 })
  const found = await page.evaluate(collect)
  await page.context().close()
  return { status: response?.status() ?? null, consoleErrors, consoleWarnings, failedRequests, ...found }
}

async function main() {
  const [base, ...paths] = process.argv.slice(2)
  if (!base || paths.length === 0) {
    console.error('usage: node site/check.mjs BASE_URL PATH...')
    process.exit(2)
  }
  const browser = await launch()
  try {
    const pages = {}
    for (const path of paths) pages[path] = await checkPage(browser, base, path)
    process.stdout.write(JSON.stringify({ browser: browser.version(), pages }, null, 2) + '\n')
  } finally {
    await browser.close()
  }
}

await main()
