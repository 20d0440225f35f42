"""The one escaping layer of the site: untrusted text made safe for each kind of Markdown slot.

Designed from how VitePress reads a page, in order:

1. **Include directives** (`<!--@include: path-->`) are expanded on the RAW file before any
   parsing, inside code spans and code blocks too; `<!--` and `@include` never reach the page
   whole (a zero-width space breaks them, in every slot).
2. **markdown-it** parses the page with `html`, `linkify` and **markdown-it-attrs**: a `{…}`
   after a link, a code span, an emphasis or at the end of a block becomes HTML attributes
   (and Vue bindings: `:x=…`, `@x=…`). In prose, `{` and `}` are written as the entities
   `&#123;`/`&#125;` (VitePress keeps entities as entities), so attrs never sees a brace.
   Every other Markdown or HTML character is backslash- or entity-escaped, and a line never
   starts a block (heading, list, quote, container, table).
3. **Vue** compiles the HTML as a template: `{{ }}` in text is an expression (code spans
   included, they get no `v-pre`); braces are entities in prose and a zero-width space
   separates them in code spans. Fenced code blocks carry `v-pre` (their braces stay).
4. **markdown-it-emoji** turns `:name:` into a picture: such a colon is escaped.
5. **Shiki** reads notations (`[!code focus]`, `[!code ++]`, `[!code word:x]`) in code
   blocks: `[!code` is broken with a zero-width space.
6. **Heading ids** (markdown-it-anchor) come from the heading's text or an explicit
   `{#id}` (see `anchors`).

Every function returns `Safe` (text already made safe for its slot kind); the template
environment escapes any other value as prose (`escape_default`), so a new slot can't forget
escaping. Inline Markdown a person wrote (code spans, bold, italics, http(s) links) stays
readable through `rich`, rebuilt from its parts, each escaped by the rules above.
"""

from __future__ import annotations

import re
from typing import Final

from .markers import defuse_markers

ZWSP: Final = "\u200b"
EMPTY_CELL: Final = "—"

_LINE_BREAKS: Final = re.compile("\r\n|[\r\u2028\u2029\x0b\x0c\x1c\x1d\x1e\x85]")
_CONTROLS: Final = re.compile("[\x00-\x08\x0e-\x1f\x7f\ud800-\udfff]")
_WHITESPACE: Final = re.compile(r"\s+")
_BLANK_LINES: Final = re.compile(r"\n[ \t]*\n")
_INLINE_SPECIALS: Final = re.compile(r"([\\`|*~\[\]])")
_ENTITIES: Final = {"&": "&amp;", "<": "&lt;", ">": "&gt;", "{": "&#123;", "}": "&#125;"}
_ENTITY_CHARS: Final = re.compile(r"[&<>{}]")
_BLOCK_START: Final = re.compile(r"^(?:([#>\-+*=_:~])|(\d+)([.)]))")
_BACKTICK_RUN: Final = re.compile(r"`+")
_SITE_DIRECTIVES: Final = re.compile(r"<!-(?=-)|@(?=include)|\[!(?=code)", re.IGNORECASE)
_VUE_BRACES: Final = re.compile(r"([{}])(?=\1)")
_EMOJI_SHORTCODE: Final = re.compile(r":(?=[A-Za-z0-9_+\-]+:)")


class Safe(str):
    """Text already made safe for the slot it was escaped for: the environment leaves it alone."""

    __slots__ = ()


def normalise_newlines(value: str) -> str:
    """Every line separator Markdown, Python or JavaScript knows becomes `\\n`."""
    return _LINE_BREAKS.sub("\n", value)


def _printable(value: str) -> str:
    """Control characters dropped; NUL and lone surrogates (`"\\udcff"`) become `\\ufffd`."""
    return _CONTROLS.sub(lambda m: "\ufffd" if m.group() == "\x00" or m.group() >= "\ud800" else "", value)


def plain(value: object) -> str:
    """`value` as printable text, line breaks as `\\n`, tabs as spaces; None is empty."""
    if value is None:
        return ""
    return _printable(normalise_newlines(str(value)).replace("\t", " "))


def fold(value: object) -> str:
    """One line: every run of whitespace (newlines included) becomes one space."""
    return _WHITESPACE.sub(" ", plain(value)).strip()


def defuse_site(value: str) -> str:
    """Break what VitePress acts on in ANY slot, code included: include directives
    (`<!--`, `@include`), Shiki notations (`[!code`) and region-marker look-alikes."""
    return defuse_markers(_SITE_DIRECTIVES.sub(lambda m: m.group() + ZWSP, value))


def break_vue(value: str) -> str:
    """Split `{{` and `}}` with a zero-width space: Vue would read them as an expression."""
    return _VUE_BRACES.sub("\\1" + ZWSP, value)


def _escape_underscores(value: str) -> str:
    """Escape `_` runs that could open or close emphasis (not the ones inside a word)."""

    def escape(match: re.Match[str]) -> str:
        before = value[match.start() - 1] if match.start() else " "
        after = value[match.end()] if match.end() < len(value) else " "
        inside_word = before.isalnum() and after.isalnum()
        return match.group() if inside_word else match.group().replace("_", "\\_")

    return re.sub("_+", escape, value)


def escape_inline(value: str) -> str:
    """One line of prose as Markdown text: punctuation backslash-escaped, HTML and braces as
    entities, site directives broken. Not a line start (see `escape_start`)."""
    escaped = _escape_underscores(_INLINE_SPECIALS.sub(r"\\\1", value))
    escaped = _ENTITY_CHARS.sub(lambda m: _ENTITIES[m.group()], escaped)
    # markdown-it-emoji turns `:name:` into a picture: an escaped colon stays a colon.
    return defuse_site(_EMOJI_SHORTCODE.sub(r"\\:", escaped))


def escape_start(value: str) -> str:
    """Keep a leading `#`, `>`, `-`, `1.`, `:::` … from starting a block."""
    match = _BLOCK_START.match(value)
    if match is None:
        return value
    if match.group(1):
        return "\\" + value
    digits = match.group(2)
    return digits + "\\" + value[len(digits) :]


def text(value: object) -> Safe:
    """Inline text for a bullet, a sentence or a paragraph: one line, no Markdown structure."""
    return Safe(escape_start(escape_inline(fold(value))))


def paragraphs(value: object) -> Safe:
    """Text of several paragraphs (split at blank lines), each one folded by `text`."""
    parts = (text(part) for part in _BLANK_LINES.split(plain(value)))
    return Safe("\n\n".join(part for part in parts if part))


def cell(value: object) -> Safe:
    """A table cell: like `text` (a cell never starts a line, so no block escape); `—` if empty."""
    return Safe(escape_inline(fold(value)) or EMPTY_CELL)


def heading(value: object) -> Safe:
    """Heading text: like `text`, with every `#` escaped (a trailing run would be eaten)."""
    return Safe(re.sub("(?<!&)#", r"\\#", escape_inline(fold(value))))


def code(value: object) -> Safe:
    """An inline code span outside tables, with a delimiter longer than any backtick run."""
    content = break_vue(defuse_site(fold(value)))
    if not content:
        return Safe("")
    fence = "`" * (1 + max((len(run) for run in _BACKTICK_RUN.findall(content)), default=0))
    padded = f" {content} " if content[0] == "`" or content[-1] == "`" else content
    return Safe(f"{fence}{padded}{fence}")


def cellcode(value: object) -> Safe:
    """An inline code span inside a table cell (`|` escaped the GFM way); `—` when empty."""
    return Safe(code(value).replace("|", "\\|") or EMPTY_CELL)


def fenced(content: object, lang: str = "") -> Safe:
    """A fenced code block whose fence no line of `content` can close, with no include
    directive or Shiki notation left in it (VitePress gives code blocks `v-pre`)."""
    if not re.fullmatch(r"[a-z]*", lang):
        raise ValueError(f"not a code block language: {lang!r}")
    body = defuse_site(_printable(normalise_newlines(str(content)))).strip("\n")
    longest = max((len(run) for run in _BACKTICK_RUN.findall(body)), default=0)
    fence = "`" * max(3, longest + 1)
    return Safe(f"{fence}{lang}\n{body}\n{fence}")


def escape_default(value: object) -> Safe:
    """What the environment does with any `{{ … }}` output that is not `Safe`: prose."""
    return value if isinstance(value, Safe) else text(value)


def escape_fragment(value: object) -> Safe:
    """A piece of a line joined to `Safe` text (the template's `~`, `join`): prose, its
    surrounding spaces kept, never starting a block."""
    if isinstance(value, Safe):
        return value
    one_line = _WHITESPACE.sub(" ", plain(value))
    body = one_line.lstrip(" ")
    return Safe(one_line[: len(one_line) - len(body)] + escape_start(escape_inline(body)))


_CODE_SPAN: Final = re.compile(r"(`+)(?!`)(.+?)(?<!`)\1(?!`)")
_LINK: Final = re.compile(r"\[([^\[\]\n]+)\]\((https?://[^\s()<>]+)\)")
_STRONG: Final = re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1")
_EMPHASIS: Final = re.compile(r"(?<![\w*])([*_])(?=[^\s*_])(.+?)(?<=[^\s*_])\1(?![\w*])")
_URL_UNSAFE: Final = re.compile(r"[^A-Za-z0-9\-._~:/?#@!$&'*+,;=%]")


def _url(value: str) -> str:
    """A link destination: every character outside the URL set percent-encoded (braces,
    quotes, backslashes, non-ASCII), site directives broken by the encoding itself."""
    encoded = _URL_UNSAFE.sub(lambda m: "".join(f"%{byte:02X}" for byte in m.group().encode()), value)
    return encoded.replace("@", "%40").replace("[!", "%5B!")


def _rich(value: str, cell: bool, links: bool = True) -> str:
    """`value` (one line) with its code spans, links, bold and italics rebuilt, the rest prose."""
    patterns: list[tuple[re.Pattern[str], str]] = [(_CODE_SPAN, "code")]
    patterns += [(_LINK, "link")] if links else []
    patterns += [(_STRONG, "strong"), (_EMPHASIS, "em")]
    found = [(match, kind) for pattern, kind in patterns if (match := pattern.search(value))]
    if not found:
        return escape_inline(value)
    match, kind = min(found, key=lambda pair: pair[0].start())
    before, after = value[: match.start()], value[match.end() :]
    head = _rich(before, cell, links)
    if kind == "link" and head.endswith("!"):
        head = head[:-1] + "\\!"  # `![…](…)` would be an image: a link is kept, never an image
    return head + _part(kind, match, cell, links) + _rich(after, cell, links)


def _part(kind: str, match: re.Match[str], cell: bool, links: bool) -> str:
    if kind == "code":
        span = code(match.group(2).strip() or match.group(2))
        return span.replace("|", "\\|") if cell else span
    if kind == "link":
        return f"[{_rich(match.group(1), cell, links=False)}]({_url(match.group(2))})"
    marker = "**" if kind == "strong" else "*"
    return f"{marker}{_rich(match.group(2), cell, links)}{marker}"


def rich(value: object) -> Safe:
    """One line of text keeping the inline Markdown a person wrote: code spans, `**bold**`,
    `*italics*` (or `_…_`) and `[text](https://…)` links; everything else is prose (`text`)."""
    out = _rich(fold(value), cell=False)
    # A leading `*` here is an emphasis the text had (prose stars are escaped): not a list.
    return Safe(out if re.match(r"\*+[^\s*]", out) else escape_start(out))


def richparagraphs(value: object) -> Safe:
    """Text of several paragraphs (split at blank lines), each one through `rich`."""
    parts = (rich(part) for part in _BLANK_LINES.split(plain(value)))
    return Safe("\n\n".join(part for part in parts if part))


def richcell(value: object) -> Safe:
    """`rich` for a table cell (`|` escaped in code spans too); `—` when empty."""
    return Safe(_rich(fold(value), cell=True) or EMPTY_CELL)
