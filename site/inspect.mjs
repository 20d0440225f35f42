// How VitePress reads a generated page, without a full build: its own markdown renderer
// (markdown-it + linkify + attrs + anchors + Shiki) and Vue's template parser. Reads a JSON
// list of Markdown texts on stdin; writes, per text, what a page built from it would hold:
// Vue interpolations and directives, event-handler and other dangerous attributes, raw
// elements, Shiki notation classes, heading ids and the visible text (or the render error).
// One JSON string (a page's Markdown) per input line, one JSON object per output line, so a
// test can keep one process open for many pages:
//   echo '"# x"' | node site/inspect.mjs
import { createMarkdownRenderer } from 'vitepress'
import { parse } from '@vue/compiler-dom'
import { createInterface } from 'node:readline'

const RAW_TAGS = new Set(['script', 'iframe', 'object', 'embed', 'style', 'img', 'svg', 'math', 'form', 'input', 'base', 'meta', 'link', 'video', 'audio'])
const MARKDOWN_TAGS = new Set(['div', 'p', 'span', 'a', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'ul', 'ol', 'li', 'table', 'thead', 'tbody', 'tr', 'th', 'td', 'code', 'pre', 'strong', 'em', 'button', 'blockquote', 'br', 'hr', 's', 'del'])

function walk(node, found) {
  if (node.type === 5) found.interpolations.push(node.content?.content ?? '')
  if (node.type === 1) {
    if (!MARKDOWN_TAGS.has(node.tag)) found.tags.push(node.tag)
    for (const prop of node.props) {
      if (prop.type === 7) found.directives.push(`${node.tag} v-${prop.name}`)
      else if (/^on|^autofocus$|^srcdoc$|^formaction$/i.test(prop.name)) found.attributes.push(`${node.tag} ${prop.name}`)
      else if (prop.name === 'href' && /^\s*(javascript|data|vbscript):/i.test(prop.value?.content ?? '')) found.attributes.push(`${node.tag} href=${prop.value.content}`)
      else if (prop.name === 'id' && node.tag.match(/^h\d$/)) found.ids.push(prop.value?.content ?? '')
      else if (prop.name === 'class' && /highlighted|focused|diff|has-focused/.test(prop.value?.content ?? '')) found.notations.push(prop.value.content)
    }
  }
  if (node.type === 2) found.text.push(node.content)
  for (const child of node.children ?? []) walk(child, found)
}

function inspect(md, source) {
  const found = { error: null, interpolations: [], directives: [], attributes: [], tags: [], ids: [], notations: [], text: [] }
  try {
    const env = { path: '/page.md', relativePath: 'page.md', cleanUrls: false, includes: [] }
    const html = md.render(source, env)
    walk(parse(`<div>${html}</div>`, { comments: false }), found)
  } catch (error) {
    found.error = String(error?.message ?? error)
  }
  found.text = found.text.join('')
  return found
}

async function main() {
  const md = await createMarkdownRenderer(process.cwd(), {}, '/', { warn() {}, info() {}, error() {} })
  const lines = createInterface({ input: process.stdin, crlfDelay: Infinity })
  for await (const line of lines) {
    if (line.trim()) process.stdout.write(JSON.stringify(inspect(md, JSON.parse(line))) + '\n')
  }
}

await main()
