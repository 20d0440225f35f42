// The VitePress config of a site of generated documents. extract-docs copies this file into
// <project>/.vitepress/config.mts and writes pages.json beside it: [{ "link", "text" }, …]
// in sidebar order. Used by `extract-docs preview`, tests/test_site.py and site/screenshot.py.
import { readFileSync } from 'node:fs'
import { defineConfig } from 'vitepress'

type Page = { link: string; text: string }

const pages: Page[] = JSON.parse(
  readFileSync(new URL('./pages.json', import.meta.url), 'utf-8'),
)

export default defineConfig({
  lang: 'ru-RU',
  title: 'Интеграции',
  description: 'Документация интеграций платформы',
  cleanUrls: false,
  lastUpdated: false,
  // An inline icon: no /favicon.ico request, so no 404 in the console.
  head: [['link', { rel: 'icon', href: 'data:,' }]],
  themeConfig: {
    outline: { level: [2, 3], label: 'На странице' },
    sidebar: [{ text: 'Интеграции', items: pages }],
    docFooter: { prev: 'Назад', next: 'Далее' },
  },
  vite: {
    server: { strictPort: true },
    clearScreen: false,
  },
})
