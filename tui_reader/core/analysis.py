"""The one text analyzer: the same terms for indexing, for queries and for highlighting matches.

``analyze(text)`` turns text into :class:`Term` s (term text, position, start and end offsets into ``text``).
Because the index, the query and the highlighter all call it, "5500" always finds and highlights "5,500".

Rules (figures are read with :mod:`tui_reader.core.figures`, so the whole project agrees on a value):

- words are case-folded, accent-folded and stemmed (Snowball English, via PyStemmer): ``troops`` -> ``troop``;
  nothing is dropped as a stop word, so ``US``, ``UK``, ``EU`` and phrases such as "no NATO buildup" work;
- an all-capitals token whose lower case is a common word (``US``, ``IT``, ``WHO``) also gets its exact form as a
  term at the same position, and a query written in capitals asks for that form, so ``US`` does not find "us";
  ``U.S.`` is ``US``;
- numbers keep their separators and decimals together and index their canonical form (``5,500`` -> ``5500``,
  ``1.50`` -> ``1.5``); ``800,000`` is not a term of ``1,800,000``;
- percentages (``80%``, ``80 percent``, ``80 per cent``, ``80pc``) are the number, then ``percent`` at the next
  position (positions are renumbered so phrases line up), plus the compound ``80%`` at the number's position;
  a query for ``4.75%`` looks up ``4.75%`` alone, which ``14.75%`` and ``4.75 million`` do not contain;
- money keeps its amount (``£800,000`` indexes ``800000``); an amount with a scale (``£600m``, ``600 million``,
  ``$2.5bn``) also indexes its value (``600000000``) and the scale word (``m`` -> ``million``);
- ordinals keep their form (``9th``; ``ninth`` also indexes ``9th``), month abbreviations also index the month;
- hyphenated words index their parts and the joined word (``build-up`` -> ``build``, ``up`` and ``buildup``).

Modes: ``"index"`` yields every term (alternatives share a position); ``"query"`` yields one term per unit, the
most specific (``80%``, ``600000000``, ``buildup``, ``US``), for looking up loose words; ``"phrase"`` yields the
primary terms in position order, which line up with the index's positions for phrase queries.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Iterator
from decimal import Decimal, InvalidOperation
from typing import Literal, NamedTuple

import Stemmer

from tui_reader.core import figures

ANALYZER_VERSION = 1
"""Bump when any rule here changes the terms: indexes built by another version are rebuilt."""

MAX_TERM = 64
"""Longer terms are cut to this many characters (the same way at query time, so they still match)."""

Mode = Literal["index", "query", "phrase"]


class Term(NamedTuple):
    """One term of analysed text: ``text`` is what is indexed; ``text[start:end]`` of the input is its source."""

    text: str
    pos: int
    start: int
    end: int


# A raw token: a currency or percent sign, or a run of word characters with inner dots, commas, apostrophes
# and hyphens (5,500 / 1.5 / build-up / Lukashenko's / U.S); one cheap pattern, the rest is decided per token.
_JOINERS = r".,'’\-"
"""The marks that may join the parts of one token ("5,500", "U.S.", "O'Brien", "build-up"): one class for the
tokenizer and for the fast path of ``analyze_words``, which is right only while they agree."""
_RAW = re.compile(rf"\w+(?:[{_JOINERS}]\w+)*|[£$€¥%]")
_HYPHEN_PART = re.compile(r"[^-]+")
_DOT_PART = re.compile(r"[^.,]+")
_NUMBER_LIKE = re.compile(r"(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?[A-Za-z]*|\.\d+", re.ASCII)
_NUMBER_SUFFIX = re.compile(r"((?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?)([A-Za-z]+)", re.ASCII)
_ACRONYM = re.compile(r"(?:[^\W\d_]\.)+[^\W\d_]")

# Words whose upper-case form is usually a name (US, IT, WHO, AM); both forms are indexed.
_COMMON_WORDS = """a am an and are as at be but by do for go he hi i if in is it me my no not of oh ok on or so
    than that the their then there these they this to up us was we were who will with"""
CASE_SENSITIVE: frozenset[str] = frozenset(_COMMON_WORDS.split())
_PERCENT_WORDS = frozenset(w for w in figures.PERCENT_WORDS if " " not in w and w != "%")
_SCALES: dict[str, int] = {**figures.SCALE_WORDS}
_SCALES.pop("hundred", None)
# Suffixes that are a scale on their own ("2bn"); the short ones ("m", "k", "b") only after a currency sign.
_SCALE_NAMES = {1_000: "thousand", 1_000_000: "million", 1_000_000_000: "billion", 1_000_000_000_000: "trillion"}
_ORDINAL_SUFFIXES = frozenset({"st", "nd", "rd", "th"})
_CURRENCY = frozenset("£$€¥")
_FULL_MONTH = {
    short: full
    for full, number in figures.MONTHS.items()
    if (len(full) > 3 and full != "sept") or full == "may"
    for short, n in figures.MONTHS.items()
    if n == number and short != full
}

# Terms are made as plain tuples and typed at the end with tuple.__new__: a NamedTuple's own constructor is a
# Python function, 2.4x slower, and the index (which takes the plain tuples) makes one for every word it reads.
_new = tuple.__new__

# Kinds of a classified raw piece.
_WORD, _NUM, _CUR, _PCT_SIGN = 0, 1, 2, 3

_stemmer = Stemmer.Stemmer("english")
_cache: dict[str, tuple] = {}
_CACHE_LIMIT = 300_000


def fold(word: str) -> str:
    """Case-fold and strip accents: ``Élysée`` -> ``elysee``."""
    if word.isascii():
        return word.lower()
    decomposed = unicodedata.normalize("NFKD", word)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def _classify(raw: str) -> tuple:
    """Classify one raw piece (no hyphens; dots and commas only inside a number); cached by the caller.

    Returns ``(kind, primary, alt, extra, prefer_alt)``: for words ``alt`` is an exact-case, ordinal or month
    alternative at the same position and ``extra`` marks percent / per / cent / scale words; for numbers
    ``primary`` is the canonical value and ``extra`` is ``(scale or percent suffix, canonical value)``.
    ``prefer_alt`` says that a query looks up ``alt`` rather than ``primary``.
    """
    if raw in _CURRENCY:
        return (_CUR, "", None, None, False)
    if raw == "%":
        return (_PCT_SIGN, "percent", None, None, False)
    if raw[0].isdigit() or raw[0] == ".":
        canonical = figures.canonical_number(raw)
        if canonical is not None:
            return (_NUM, canonical[:MAX_TERM], None, ("", canonical), False)
        m = _NUMBER_SUFFIX.fullmatch(raw)
        if m and (canonical := figures.canonical_number(m[1])) is not None:
            suffix = m[2].lower()
            if suffix in _ORDINAL_SUFFIXES:
                return (_WORD, f"{canonical}{suffix}"[:MAX_TERM], None, None, False)
            if suffix in _PERCENT_WORDS or suffix in figures.SCALE_SUFFIXES:
                return (_NUM, canonical[:MAX_TERM], None, (suffix, canonical), False)
            # 1990s, 3kg, 100mph: the token as written, and the bare number beside it.
            return (_WORD, f"{canonical}{suffix}"[:MAX_TERM], canonical[:MAX_TERM], None, False)
    word = raw
    if len(word) > 2 and word[-2] in "'’" and word[-1] in "sS":
        word = word[:-2]
    if "'" in word or "’" in word:
        word = word.replace("'", "").replace("’", "")
    folded = fold(word)
    if not folded:
        return (_WORD, "", None, None, False)
    primary = _stemmer.stemWord(folded)[:MAX_TERM]
    alt = None
    if folded in CASE_SENSITIVE and len(word) >= 2 and word.isupper():
        alt = word[:MAX_TERM]
    elif folded in figures.ORDINAL_WORDS:
        number = figures.ORDINAL_WORDS[folded]
        alt = f"{number}{_ordinal_suffix(number)}"
    elif word[:1].isupper() and folded in _FULL_MONTH:
        alt = _stemmer.stemWord(_FULL_MONTH[folded])
    extra = None
    if folded in _PERCENT_WORDS:
        extra = "percent"
    elif folded in ("per", "cent"):
        extra = folded
    elif folded in _SCALES:
        extra = "scale"
    return (_WORD, primary, alt, extra, alt is not None)


def _ordinal_suffix(number: int) -> str:
    if number % 100 in (11, 12, 13):
        return "th"
    return {1: "st", 2: "nd", 3: "rd"}.get(number % 10, "th")


def _piece(raw: str) -> tuple:
    got = _cache.get(raw)
    if got is None:
        if len(_cache) > _CACHE_LIMIT:
            _cache.clear()
        got = _cache[raw] = _classify(raw)
    return got


def _split(raw: str) -> list[tuple[int, int]]:
    """Split a raw token into pieces ``(start, end)`` relative to the token.

    Hyphens always separate pieces; dots and commas separate them unless the piece is a number.
    """
    out: list[tuple[int, int]] = []
    for hm in _HYPHEN_PART.finditer(raw):
        part = hm.group()
        if ("." not in part and "," not in part) or _NUMBER_LIKE.fullmatch(part):
            out.append((hm.start(), hm.end()))
        else:
            out.extend((hm.start() + dm.start(), hm.start() + dm.end()) for dm in _DOT_PART.finditer(part))
    return out


def _scale_value(number: str, multiplier: int) -> str | None:
    try:
        value = Decimal(number) * multiplier
    except InvalidOperation:
        return None
    if value == value.to_integral_value():
        return str(int(value))[:MAX_TERM]
    return format(value.normalize(), "f")[:MAX_TERM]


# A piece: (text, start, end, hyphen group start or -1, hyphen group end).
_Piece = tuple[str, int, int, int, int]


def analyze(text: str, mode: Mode = "index") -> list[Term]:
    """Analyse ``text`` into terms with positions and offsets (see the module docstring for the rules)."""
    return [_new(Term, t) for t in _terms(_pieces(text), mode)]


def index_terms(text: str) -> list[tuple[str, int, int, int]]:
    """``analyze(text)`` as plain ``(text, pos, start, end)`` tuples: the same terms, made faster for the index."""
    return _terms(_pieces(text), "index")


def _pieces(text: str) -> list[_Piece]:
    pieces: list[_Piece] = []
    append = pieces.append
    for m in _RAW.finditer(text):
        raw = m.group()
        if len(raw) == 1 or raw.isalnum():
            start, end = m.span()
            append((raw, start, end, -1, 0))
        elif _ACRONYM.fullmatch(raw):
            start, end = m.span()
            append((raw.replace(".", ""), start, end, -1, 0))
        elif "-" in raw or not _NUMBER_LIKE.fullmatch(raw):
            start, end = m.span()
            parts = _split(raw)
            group = start if "-" in raw and len(parts) > 1 else -1
            for a, b in parts:
                append((raw[a:b], start + a, start + b, group, end))
        else:
            start, end = m.span()
            append((raw, start, end, -1, 0))
    return pieces


def _terms(pieces: list[_Piece], mode: Mode) -> list[tuple[str, int, int, int]]:
    out: list[tuple[str, int, int, int]] = []
    append = out.append
    index = mode == "index"
    query = mode == "query"
    pos = -1
    i = 0
    n = len(pieces)
    currency_at = -1  # start offset of a currency sign right before the current piece
    cache = _cache
    while i < n:
        raw, start, end, group, group_end = pieces[i]
        got = cache.get(raw)
        kind, primary, alt, _extra, prefer_alt = got if got is not None else _piece(raw)
        if kind == _NUM:
            i = _number(pieces, i, mode, pos, currency_at, out)
            pos = out[-1][1]
            currency_at = -1
            continue
        if kind == _CUR:
            currency_at = start if i + 1 < n and pieces[i + 1][1] - end <= 1 else -1
            i += 1
            continue
        currency_at = -1
        if kind == _PCT_SIGN or not primary:
            i += 1
            continue
        pos += 1
        if group == start and mode != "phrase":
            # A hyphenated group: its parts, and the joined word at the first part's position.
            j = i + 1
            while j < n and pieces[j][3] == group:
                j += 1
            if 2 <= j - i <= 4:
                joined = _piece("".join(p[0] for p in pieces[i:j]))[1]
                if query:
                    append((joined, pos, start, group_end))
                    i = j
                    continue
                if joined:
                    append((joined, pos, start, group_end))
        if index:
            append((primary, pos, start, end))
            if alt is not None:
                append((alt, pos, start, end))
        else:
            append((alt if prefer_alt else primary, pos, start, end))
        i += 1
    return out


def _number(
    pieces: list[_Piece], i: int, mode: Mode, pos: int, currency_at: int, out: list[tuple[str, int, int, int]]
) -> int:
    """Emit the terms of the number at ``pieces[i]`` and of the unit after it; return the next piece index."""
    raw, start, end, _group, _ = pieces[i]
    _, primary, _, (suffix, canonical), _ = _piece(raw)
    first = currency_at if currency_at >= 0 else start
    pos += 1
    n = len(pieces)
    unit: str | int | None = None  # "percent" or a scale multiplier
    unit_start, unit_end, nxt = end, end, i + 1
    if suffix:
        unit_start = end - len(suffix)
        unit = "percent" if suffix in _PERCENT_WORDS else figures.SCALE_SUFFIXES[suffix]
        end = unit_start
    elif nxt < n and pieces[nxt][1] - end <= 1 and pieces[nxt][3] < 0:
        nraw, nstart, nend, _, _ = pieces[nxt]
        nkind, _, _, nextra, _ = _piece(nraw)
        if nkind == _PCT_SIGN or nextra == "percent":
            unit, unit_start, unit_end, nxt = "percent", nstart, nend, nxt + 1
        elif nextra == "per" and nxt + 1 < n and _piece(pieces[nxt + 1][0])[3] == "cent":
            if pieces[nxt + 1][1] - nend <= 1:
                unit, unit_start, unit_end, nxt = "percent", nstart, pieces[nxt + 1][2], nxt + 2
        elif nextra == "scale":
            unit, unit_start, unit_end, nxt = _SCALES[fold(nraw)], nstart, nend, nxt + 1
    if unit is None:
        out.append((primary, pos, first, end))
        return nxt
    if unit == "percent":
        compound = f"{canonical}%"[:MAX_TERM]
        word = "percent"
    else:
        compound = _scale_value(canonical, int(unit)) or primary
        word = _SCALE_NAMES.get(int(unit), "million")
    if mode == "query":
        out.append((compound, pos, first, unit_end))
    elif mode == "phrase":
        out.append((primary, pos, first, end))
        out.append((word, pos + 1, unit_start, unit_end))
    else:
        out.append((primary, pos, first, end))
        out.append((compound, pos, first, unit_end))
        out.append((word, pos + 1, unit_start, unit_end))
    return nxt


CONTEXT_WORDS: frozenset[str] = frozenset({"percent", "per", "cent", "pc", "pct", "PC", "PCT", *_SCALE_NAMES.values()})
"""Terms whose presence depends on the tokens around them (``80 per cent``, ``£600m``): see ``analyze_words``."""


def analyze_words(text: str, needles: frozenset[str]) -> list[Term]:
    """The index terms of only those tokens of ``text`` that start with one of ``needles`` (in lower case), or
    hold one when they are compounds ("anti-government" holds "gov", inner punctuation left out), or hold a
    non-ASCII character, each token analysed on its own; ``pos`` is -1 (tokens are not counted).

    A fast path for highlighting word queries in a long text: with the :func:`needle` of each word it equals
    ``analyze(text)`` restricted to the terms that do not start with a digit and are not in
    :data:`CONTEXT_WORDS`. When every needle has two letters or more, only the runs of token characters
    around a needle are read (a token never crosses a run's edge, and ``_RAW`` splits a run the same wherever
    it starts); a one-letter needle is in most runs, and every token is read.
    """
    out: list[Term] = []
    ordered = tuple(sorted(needles))  # once, not per token (str.startswith takes a tuple)
    for start, end in _runs(text, needles) if min(map(len, needles), default=0) >= 2 else [(0, len(text))]:
        for t in _RAW.finditer(text, start, end):
            raw = t.group()
            if not holds(raw, ordered):
                continue
            offset = t.start()
            out.extend(Term(x.text, -1, offset + x.start, offset + x.end) for x in analyze(raw))
    return out


def holds(token: str, needles: tuple[str, ...]) -> bool:
    """Whether ``analyze_words`` reads ``token``: non-ASCII, or starting with a needle, or a compound holding
    one once its inner punctuation is left out."""
    if not token.isascii():
        return True
    low = token.lower()
    if token.isalnum():
        return low.startswith(needles)
    flat = _INNER.sub("", low)
    return any(n in flat for n in needles)


def _runs(text: str, needles: frozenset[str]) -> Iterator[tuple[int, int]]:
    """``(start, end)`` of each run of token characters that holds a needle or a non-ASCII token character."""
    done = 0  # where the last run ends (text[done] is no token character)
    for m in _needles(needles).finditer(text):
        at = m.start()
        if at < done or _RUN_CHAR(text, at) is None:  # inside the last run, or a non-ASCII mark (“, —)
            continue
        start = at
        while start > done and _RUN_CHAR(text, start - 1):
            start -= 1
        done = _RUN.match(text, at).end()
        yield start, done


def needle(term: str) -> str:
    """What every token that ``term`` comes from holds, in lower case without inner punctuation: the term's
    first three letters, or two for a term of four or five, or one for a shorter one.

    A stem only changes a word's end ("govern" from "governments", "tri" from "trying", "januari" from
    "Jan"), and the short ones most ("tie" from "tying"). Measured over 126,593 distinct tokens of the
    corpora in ../shared (tests/core/test_fast_paths.py keeps a check).
    """
    k = 1 if len(term) <= 3 else 2 if len(term) <= 5 else 3
    return _INNER.sub("", term.lower())[:k]  # "g7,000": what a token holds once its joiners are left out


_RUN_CHARS = rf"\w{_JOINERS}"  # what ``_RAW``'s word tokens are made of
_INNER = re.compile(rf"[{_JOINERS}]")


_RUN = re.compile(rf"[{_RUN_CHARS}]+")
_RUN_CHAR = re.compile(rf"[{_RUN_CHARS}]").match


@functools.lru_cache(maxsize=64)
def _needles(needles: frozenset[str]) -> re.Pattern[str]:
    """Any needle in any case (one inner punctuation mark may stand between its letters, as in a token), or
    any non-ASCII character."""
    spelt = [rf"[{_JOINERS}]?".join(re.escape(c) for c in n) for n in sorted(needles) if n]
    return re.compile("|".join([f"(?i:{x})" for x in spelt] + [r"[^\x00-\x7f]"]))
