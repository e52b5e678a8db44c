"""Tokens with offsets and the content terms compare matches on (words stemmed, figures and dates normalised).

Two views of one text: ``tokens`` (every word, number and punctuation mark, for word-level diffs) and
``content_terms`` (what two sentences must share to carry the same content: stemmed content words, numbers in
their canonical form, "two" as 2, "Aug." as August, "9th" as 9, "%" as percent).

TEMPORARY: the stemmer and stop list here stand in for the shared analysis of ``core/analysis.py`` (the index
helper's ``analyze``); when it lands, ``content_terms`` delegates to it so search and compare agree on what a
word is. Number parsing already goes through ``figures.py``, the one normaliser.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from tui_reader.core.figures import MONTHS, ORDINAL_WORDS, TENS_WORDS, UNITS_WORDS, canonical_number

# A number as written (5,500 / 1.5 / 80), an ordinal (9th), a word (with inner apostrophes: It’s, O'Brien),
# or any other single character that is not white space (punctuation, %, &, $).
_TOKEN = re.compile(
    r"(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)(?P<ord>st|nd|rd|th)?(?!\w)"
    r"|(?P<word>\w+(?:['’]\w+)*)"
    r"|(?P<other>[^\w\s])"
)

STOPWORDS: frozenset[str] = frozenset(
    str.split(
        """a about above after again against all also am an and any are as at be because been before being below
    between both but by can could did do does doing down during each few for from further had has have having he
    her here hers herself him himself his how i if in into is it its itself just me more most my myself no nor not
    now of off on once only or other our ours ourselves out over own same she should so some such than that the
    their theirs them themselves then there these they this those through to too under until up very was we were
    what when where which while who whom why will with would you your yours yourself yourselves said says say
    told tell according mr mrs ms dr s t d ll m re ve y its it’s that’s there’s"""
    )
)

# Spellings that mean the same thing in news text.
_SYNONYMS: dict[str, str] = {"%": "percent", "pct": "percent", "pc": "percent", "&": "and", "us": "u.s."}
_QUOTES = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"', "«": '"', "»": '"', "–": "-", "—": "-"})


@dataclass(frozen=True, slots=True)
class Token:
    """One token of a text: ``text[start:end]``; ``norm`` is what a diff compares (case and quote marks folded)."""

    start: int
    end: int
    norm: str
    kind: str  # "num", "word" or "other"


def tokens(text: str, start: int = 0, end: int | None = None) -> list[Token]:
    """Every token of ``text[start:end]`` with offsets into ``text``."""
    out: list[Token] = []
    for m in _TOKEN.finditer(text, start, len(text) if end is None else end):
        kind = m.lastgroup if m.lastgroup != "ord" else "num"
        if m.group("num") is not None:
            kind = "num"
        raw = m.group()
        norm = raw.casefold() if raw.isascii() else unicodedata.normalize("NFKC", raw).casefold().translate(_QUOTES)
        out.append(Token(m.start(), m.end(), norm, kind or "other"))
    return out


_VOWEL = re.compile(r"[aeiouy]")


def stem(word: str) -> str:
    """Porter's step 1 (plurals, -ed, -ing, -y): "troops" = "troop", "denies" = "denied" = "deny"."""
    if len(word) <= 3 or not word.isalpha():
        return word
    if word.endswith(("sses", "ies")):
        word = word[:-2]
    elif word.endswith("s") and not word.endswith(("ss", "us", "is")):
        word = word[:-1]
    if word.endswith("eed"):
        if len(word) > 4:
            word = word[:-1]
    else:
        for suffix in ("ed", "ing"):
            base = word[: -len(suffix)]
            if word.endswith(suffix) and len(base) >= 2 and _VOWEL.search(base):
                if base.endswith(("at", "bl", "iz")):
                    base += "e"
                elif len(base) > 2 and base[-1] == base[-2] and base[-1] not in "lsz":
                    base = base[:-1]
                word = base
                break
    if word.endswith("y") and len(word) > 2 and _VOWEL.search(word[:-1]):
        word = word[:-1] + "i"
    return word


def content_terms(text: str, start: int = 0, end: int | None = None) -> list[str]:
    """The content terms of ``text[start:end]``: stemmed non-stop words, canonical numbers, months as numbers."""
    toks = tokens(text, start, end)
    out: list[str] = []
    for n, tok in enumerate(toks):
        raw = text[tok.start : tok.end]
        norm = tok.norm
        if tok.kind == "num":
            digits = re.sub(r"(?:st|nd|rd|th)$", "", raw)
            value = canonical_number(digits)
            if value is not None:
                out.append(value)
            continue
        if tok.kind == "other":
            if norm in _SYNONYMS:
                out.append(_SYNONYMS[norm])
            continue
        norm = norm.replace("'", "")
        if norm.endswith("s") and raw[-2:] in ("'s", "’s"):
            norm = norm[:-1]
        if norm in MONTHS and (norm != "may" or _next_is_number(toks, n)) and (len(norm) > 3 or raw[:1].isupper()):
            out.append(f"month{MONTHS[norm]}")
            continue
        if norm in UNITS_WORDS and norm != "one":
            out.append(str(UNITS_WORDS[norm]))
            continue
        if norm in TENS_WORDS:
            out.append(str(TENS_WORDS[norm]))
            continue
        if norm in ORDINAL_WORDS and norm not in ("second",):
            out.append(str(ORDINAL_WORDS[norm]))
            continue
        if norm in _SYNONYMS:
            norm = _SYNONYMS[norm]
        if norm in STOPWORDS or (len(norm) < 2 and not norm.isdigit()):
            continue
        out.append(stem(norm))
    return out


def _next_is_number(toks: list[Token], n: int) -> bool:
    for tok in toks[n + 1 : n + 3]:
        if tok.kind == "num":
            return True
        if tok.norm != ".":
            return False
    return False
