"""Sentence splitting with offsets into ``Article.body``, for alignment and for views that style by offsets.

Rules, by what news text needs:
- a sentence ends at ``.``, ``!``, ``?``, ``…`` or ``..`` (with any closing quotes or brackets glued to it),
  followed by white space and a next sentence that does not start in lower case: `," she said.` and
  `?" he asked` do not end a sentence, `...in peace." Police said` does;
- a period after a title (Mr, Mrs, Dr, Gov., Sen. ...) or an initial (J. Smith) never ends a sentence; after
  other abbreviations (U.S., a.m., Inc., Jan., No.) it ends one only before a word that typically starts a
  sentence ("in the U.S. The" ends, "the U.S. Army" does not; "No. 5" never does);
- a line break inside a paragraph always ends a sentence (scraped posts and one-sentence-a-line corpora);
- headings, embedded posts and captions come from ``Article.blocks``: a heading is one sentence, post and
  caption sentences keep their block's kind, so compare can weigh them apart;
- page furniture (bylines, credits, a post's signature line, widgets) gets its own kind (``furniture.py``),
  and a video widget glued to the next sentence ("MUST WATCH Title 01:55 The photos ...") is cut off it.
Every character of the body that is not white space belongs to exactly one sentence.
"""

from __future__ import annotations

import re

from tui_reader.core.figures import MONTHS
from tui_reader.core.furniture import sentence_kind
from tui_reader.core.model import Article, BlockKind, Sentence


def _words(text: str) -> list[str]:
    """The white-space separated words of ``text`` (keeps the word lists below readable)."""
    return text.split()


# Titles before a name: a period after them never ends a sentence.
TITLES: frozenset[str] = frozenset(
    _words(
        "mr mrs ms mx messrs mmes dr prof rev revd hon sen sens rep reps gov govs lt col gen maj capt cpt sgt cmdr "
        "cmdt adm pres supt insp det atty fr msgr sr jr st mt ft pvt cpl brig gens judge ald"
    )
)
# Abbreviations that may end a sentence: then only a typical sentence start follows.
ABBREVIATIONS: frozenset[str] = frozenset(
    _words("inc co corp ltd llc plc bros vs etc approx est dept univ assn ave blvd cf al ca ph esq")
    + [m for m in MONTHS if len(m) <= 4 and m != "may"]
    + _words("mon tue tues wed thu thur thurs fri sat sun")
    # US state abbreviations of AP style, as in datelines: "SANTA ROSA, Calif. (Reuters) -".
    + _words(
        "ala ariz ark calif colo conn del fla ga ill ind kan kans ky la md mass mich minn miss mo mont neb nev "
        "okla ore pa penn tenn tex va vt wash wis wyo"
    )
)
# A period after these is part of a reference to a number ("No. 5", "pp. 3"); before a digit it never ends.
NUMBER_PREFIXES: frozenset[str] = frozenset(_words("no nos vol vols p pp fig figs art sec ch op nr"))
# Words that commonly start a sentence, so "in the U.S. The" ends one and "the U.S. Army" does not.
STARTERS: frozenset[str] = frozenset(
    _words("""the a an he she it they we i you his her its their our my this that these those there here but and or so
    yet in on at as if when while after before since during for from to with by of not no yes some many most
    all both each one two three police officials authorities president mr mrs ms dr however meanwhile also
    according what who why how where which then now still later earlier today yesterday tomorrow""")
)
# Words that start sentences but far more often follow a place written with periods ("U.S. President",
# "U.K. police", "U.N. officials"): after such a place they never end a sentence.
_AFTER_PLACE = frozenset(_words("president police officials authorities"))
# Time zones and weekdays often follow "a.m." / "p.m." without ending the sentence.
_AFTER_TIME = frozenset(
    _words(
        "et est edt ct cst cdt mt mst mdt pt pst pdt gmt bst cet cest utc local monday tuesday wednesday "
        "thursday friday saturday sunday"
    )
)

_TERMINATOR = re.compile(r"(?:\.{2,}|…+|[.!?]+)[\"”’'»)\]]*")
_WORD_BEFORE = re.compile(r"([A-Za-z](?:[A-Za-z.]*[A-Za-z])?)$")
_NEXT_WORD = re.compile(r"[\"“‘'«(\[]*([\w#@$£€]+)")
_SPACE = re.compile(r"\s+")


def split_sentences(article: Article) -> list[Sentence]:
    """Split ``article.body`` into sentences, block by block (headings whole, posts and captions kept apart)."""
    body = article.body
    regions: list[tuple[int, int, BlockKind]] = []
    pos = 0
    blocks = sorted(((b.start, b.end, b.kind) for b in article.blocks), key=lambda r: r[0])
    if not blocks:
        blocks = [(s, e, "paragraph") for s, e in article.paragraphs()]
    for start, end, kind in blocks:
        start, end = max(start, pos), min(end, len(body))
        if start >= end:
            continue
        if body[pos:start].strip():  # text between blocks (should not happen, but no character is ever lost)
            regions.append((pos, start, "paragraph"))
        regions.append((start, end, kind))
        pos = end
    if body[pos:].strip():
        regions.append((pos, len(body), "paragraph"))

    out: list[Sentence] = []
    for number, (start, end, kind) in enumerate(regions):
        if kind == "heading":
            spans = [_trim(body, s, e) for s, e in _lines(body, start, end)]
        else:
            spans = [span for s, e in _lines(body, start, end) for span in split_text_spans(body, s, e)]
        for s, e in (piece for span in spans for piece in _cut_widget(body, *span)):
            if s < e:
                text = body[s:e]
                out.append(Sentence(s, e, text, sentence_kind(text, kind, len(out), article.outlet), number))
    return out


# A video widget's title and running time glued before a sentence: "MUST WATCH Army: 'Weapons' used 01:55 The".
_WIDGET_PREFIX = re.compile(r"(?:MUST WATCH|WATCH|VIDEO)\b[^\n]{1,140}?\b\d{1,2}:\d{2}(?=\s+[\"“‘'A-Z])")


def _cut_widget(text: str, start: int, end: int) -> list[tuple[int, int]]:
    m = _WIDGET_PREFIX.match(text, start, end)
    if m is None:
        return [(start, end)]
    rest = _SPACE.match(text, m.end(), end)
    return [(start, m.end()), (rest.end() if rest else m.end(), end)]


def split_text(text: str) -> list[tuple[int, int]]:
    """Split plain ``text`` into sentences: ``(start, end)`` offsets, line breaks ending sentences."""
    return [span for s, e in _lines(text, 0, len(text)) for span in split_text_spans(text, s, e)]


def _lines(text: str, start: int, end: int) -> list[tuple[int, int]]:
    out = []
    pos = start
    while pos < end:
        nl = text.find("\n", pos, end)
        stop = end if nl < 0 else nl
        out.append((pos, stop))
        pos = stop + 1
    return out


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def split_text_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Sentences of ``text[start:end]`` (one line, no line breaks expected) as trimmed ``(start, end)`` offsets."""
    out: list[tuple[int, int]] = []
    begin = start
    for m in _TERMINATOR.finditer(text, start, end):
        stop = m.end()
        gap = _SPACE.match(text, stop, end)
        if gap is None:
            continue  # "U.S.-led", "3.5", "example.com": no space, no boundary
        nxt = gap.end()
        if nxt >= end:
            break
        if not _ends_sentence(text, begin, m.start(), m.group(), nxt, end):
            continue
        s, e = _trim(text, begin, stop)
        if s < e:
            out.append((s, e))
        begin = nxt
    s, e = _trim(text, begin, end)
    if s < e:
        out.append((s, e))
    return out


def _ends_sentence(text: str, begin: int, at: int, mark: str, nxt: int, end: int) -> bool:
    """Whether the terminator ``mark`` at ``at`` ends the sentence, given the text after it at ``nxt``."""
    following = _NEXT_WORD.match(text, nxt, end)
    word_after = following.group(1) if following else ""
    first = word_after[:1]
    if first.islower():
        return False  # `," she said`, "e.g. the", "a.m. on"
    if not mark.startswith(".") or mark.startswith(".."):
        return True  # ! ? … and ellipses before a capital
    before = _WORD_BEFORE.search(text, begin, at)
    if before is None:
        return True
    word = before.group(1)
    low = word.lower()
    if first and (first.isdigit() or first in "$£€"):
        return low not in NUMBER_PREFIXES and low not in ABBREVIATIONS
    starter = word_after.lower() in STARTERS
    if low in TITLES and word[0].isupper():
        return False
    if len(word) == 1 and word.isupper():
        # An initial ("J. Smith", "Lee J. Cobb") unless a usual sentence start follows ("Plan B. The").
        return starter
    if "." in word:  # U.S, a.m, D.C, e.g
        if low in ("a.m", "p.m"):
            return word_after.lower() not in _AFTER_TIME and not word_after.isupper()
        if word.isupper() and word_after.lower() in _AFTER_PLACE:
            return False  # "U.S. President Donald Trump", "U.N. officials said"
        return starter
    if low in ABBREVIATIONS or low in NUMBER_PREFIXES:
        return starter
    return True
