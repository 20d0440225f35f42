// A screenshot of one page of a built site, as a reader sees it (light theme).
//   node site/screenshot.mjs URL OUT.png [WIDTH HEIGHT]
// The whole regeneration (generate, build, serve, shoot) is `python site/screenshot.py`.
import { launch, newPage } from './browser.mjs'

const [url, out, width = '1280', height = '1600'] = process.argv.slice(2)
if (!url || !out) {
  console.error('usage: node site/screenshot.mjs URL OUT.png [WIDTH HEIGHT]')
  process.exit(2)
}
const browser = await launch()
try {
  const page = await newPage(browser, { width: Number(width), height: Number(height) })
  await page.goto(url, { waitUntil: 'networkidle', timeout: 30000 })
  await page.waitForSelector('.vp-doc h1')
  // No blinking caret or running transition in the picture.
  await page.addStyleTag({ content: '*, *::before, *::after { transition: none !important; animation: none !important; caret-color: transparent !important; }' })
  await page.screenshot({ path: out, fullPage: false, animations: 'disabled' })
} finally {
  await browser.close()
}
