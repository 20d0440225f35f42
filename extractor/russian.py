"""Russian grammar the page needs, with pymorphy3 (OpenCorpora dictionaries): deterministic, offline.

A handler's summary «Создаёт сделку» becomes the capability «создавать сделку» after
«позволяет:»; a description after a dash starts lowercase unless it begins with a proper name.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING, Final

if TYPE_CHECKING:
    import pymorphy3

_WORD: Final = re.compile(r"[А-Яа-яЁё]+(?:-[А-Яа-яЁё]+)*")
_SENTENCE_END: Final = re.compile(r"(?<=[.!?…])\s+(?=[A-ZА-ЯЁ«\"`])")
_COORDINATION: Final = re.compile(r"^(?:\s*,\s*|\s+(?:и|или|а также)\s+)$")
RELATIVES: Final = frozenset({"который", "которая", "которое", "которые", "которого", "которой", "которых",
                               "которым", "которому", "кто", "что", "где", "куда", "когда"})
_CLAUSE_START: Final = re.compile(r"(?:\s+(?:и|или|а)\b|,)")
CONJUNCTIONS: Final = frozenset({"и", "или", "а", "также"})
PROPER: Final = frozenset({"Name", "Surn", "Patr", "Geox", "Orgn", "Trad", "Abbr"})
"""pymorphy3 grammemes of proper names and abbreviations: their capital letter stays."""


@lru_cache(maxsize=1)
def _analyzer() -> pymorphy3.MorphAnalyzer:
    import pymorphy3

    return pymorphy3.MorphAnalyzer()


def _finite_verb_infinitive(word: str) -> str | None:
    """The infinitive of a 3rd-person indicative verb form («создаёт» → «создавать»), else None."""
    for parse in _analyzer().parse(word.lower()):
        tag = parse.tag
        if tag.POS == "VERB" and "3per" in tag and "indc" in tag:
            return str(parse.normal_form)
        if tag.POS not in {"VERB", None}:
            return None
    return None


def first_sentence(text: str) -> str:
    """The first sentence of a text, without its final full stop."""
    sentence = _SENTENCE_END.split(" ".join(text.split()), maxsplit=1)[0]
    return sentence.rstrip(" .;:!")


def as_infinitive(summary: str) -> str | None:
    """A summary that starts with a finite verb as an infinitive phrase that continues
    «позволяет:» («Создаёт и обновляет сделку.» → «создавать и обновлять сделку»); None when
    it does not start with one."""
    sentence = re.split(r"\s*(?:;|\s—\s)", first_sentence(summary), maxsplit=1)[0]
    words = list(_WORD.finditer(sentence))
    if not words or words[0].start() != 0 or _finite_verb_infinitive(words[0].group()) is None:
        return None
    parts: list[str] = []
    position = 0
    for match in words:
        infinitive = _finite_verb_infinitive(match.group())
        if position and not _COORDINATION.match(sentence[position:match.start()]):
            infinitive = None
        if infinitive is None:
            if match.group() in CONJUNCTIONS:
                continue
            break
        parts.append(sentence[position:match.start()] + infinitive)
        position = match.end()
    return "".join(parts) + _without_finite_clause(sentence[position:])


def _without_finite_clause(rest: str) -> str:
    """The rest of the phrase up to a clause whose own verb is finite («…сделку и, если указан id,
    привязывает контакт» → «…сделку»): it would not continue «позволяет». A relative clause
    («контакт, который ждёт») keeps its verb."""
    relative = False
    for match in _WORD.finditer(rest):
        word = match.group().lower()
        relative = relative or word in RELATIVES
        if not relative and _finite_verb_infinitive(word) is not None:
            cut = _CLAUSE_START.search(rest[:match.start()])
            return rest[:cut.start()] if cut else rest[:match.start()].rstrip(" ,")
    return rest


def is_proper(word: str) -> bool:
    """Whether a word is a proper name or an abbreviation (Битрикс24, Москва, API, amoCRM)."""
    letters = [c for c in word if c.isalpha()]
    if not letters or not _WORD.fullmatch(word) or any(c.isupper() for c in letters[1:]):
        return True
    return all(PROPER & set(parse.tag.grammemes) for parse in _analyzer().parse(word))


def lower_first(text: str) -> str:
    """The text with its first letter lowercase, unless its first word is a proper name, an
    abbreviation or not Russian («Секретный ключ API» → «секретный ключ API»; «Stripe …» stays)."""
    stripped = text.lstrip()
    first = stripped.split(maxsplit=1)[0] if stripped else ""
    if not first[:1].isupper() or is_proper(first.rstrip(",.:;!?()")):
        return text
    start = len(text) - len(stripped)
    return text[:start] + stripped[0].lower() + stripped[1:]


def same_lemma(first: str, second: str) -> bool:
    """Whether two words are forms of one word («Секрет», «секрета»)."""
    def lemmas(word: str) -> set[str]:
        if not _WORD.fullmatch(word):  # not a Russian word: only itself
            return {word.lower()}
        return {str(parse.normal_form) for parse in _analyzer().parse(word.lower())}

    return bool(first and second and lemmas(first) & lemmas(second))
