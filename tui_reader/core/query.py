"""The search query language, parsed without whoosh, and the matcher that finds a query's hits in a text.

Any string is a valid query: the parser is linear, never raises, and says what it ignored in ``notices``.

- words: every one must match (``troops Poland``), analysed like the text (``5,500`` = ``5500``, ``80 per cent``
  = ``80%``, ``£600m`` = ``600 million``);
- ``"a phrase"`` (straight or curly quotes; an unclosed quote runs to the end);
- ``OR`` between two clauses (binds tighter than the implied AND), ``NOT x`` or ``-x``, ``( ... )`` groups;
- fields: ``title:``, ``outlet:``, ``byline:``, ``body:`` (the text, title included), each with a word or a phrase;
  ``date:2020``, ``date:2020-08``, ``date:2020-08..2020-09``, ``date:>=2020-08-10``, ``date:<2021``;
- ``elect*``: words starting with ``elect`` (at least two letters before the star; expansion is bounded);
- figure filters: ``num:>5000`` (any figure above 5,000, however written: "5,500", "200,000", "£600m"),
  ``num:>=1,000``, ``num:<10``, ``num:5000..10000``, ``num:5500``; a ``%`` asks for percentages
  (``num:>50%`` finds "80 percent"); the figures are the canonical ones of figures.py, as the index has them.

Queries longer than :data:`MAX_QUERY` characters or with more than :data:`MAX_CLAUSES` clauses are cut, with a
notice (the index's lookups grow with every clause; a person never types that much).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any, NamedTuple, TypeVar

from tui_reader.core.analysis import CONTEXT_WORDS, Term, analyze, analyze_words, fold, needle
from tui_reader.core.figures import parse_number

MAX_QUERY = 1000
MAX_CLAUSES = 64
MAX_DEPTH = 16
FIELDS = frozenset({"title", "outlet", "byline", "body", "date", "num"})


class Word(NamedTuple):
    """One analysed term (``field`` None means title or body)."""

    text: str
    field: str | None = None


class Phrase(NamedTuple):
    """Terms at consecutive positions."""

    terms: tuple[str, ...]
    field: str | None = None


class Prefix(NamedTuple):
    """Any term that starts with ``prefix`` (folded, not stemmed)."""

    prefix: str
    field: str | None = None


class DateRange(NamedTuple):
    """ISO date strings compared as text: ``low <= date <= high`` (either end may be open)."""

    low: str | None
    high: str | None


class NumRange(NamedTuple):
    """Figures (of the body) whose value lies in a range: ``low < value < high``, ends included when said so,
    either end open; ``percent`` picks percentages, else plain numbers (counts, amounts, years...)."""

    low: float | None
    high: float | None
    low_included: bool = True
    high_included: bool = True
    percent: bool = False

    def accepts(self, term: str) -> bool:
        """Whether an analysed term is a figure in this range."""
        typed = _typed_number(term) if term[:1].isdigit() else None
        if typed is None or typed[1] != self.percent:
            return False
        value = typed[0]
        if self.low is not None and (value < self.low or (value == self.low and not self.low_included)):
            return False
        return self.high is None or value < self.high or (value == self.high and self.high_included)


class And(NamedTuple):
    """Every child must match."""

    children: tuple[Any, ...]


class Or(NamedTuple):
    """Any child may match."""

    children: tuple[Any, ...]


class Not(NamedTuple):
    """The child must not match."""

    child: Any


Node = Word | Phrase | Prefix | DateRange | NumRange | And | Or | Not


class Parsed(NamedTuple):
    """A parsed query: its tree (None when nothing is left to search for), one-line notices, and the runs of
    plain words typed together (``Theresa May``) as phrases: they rank articles that hold them side by side
    first, and match nothing on their own."""

    tree: Any
    notices: list[str]
    together: tuple[Phrase, ...] = ()


_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2066-\u2069]")
_TOKEN = re.compile(
    r"""(?P<quote>["“”„«»])(?P<phrase>[^"“”„«»]*)["“”„«»]?   # "a phrase" (unclosed runs to the end)
    |(?P<open>\()|(?P<close>\))
    |(?P<word>[^\s()"“”„«»]+)""",
    re.X,
)
_DATE_PART = re.compile(r"^\d{4}(?:-\d{1,2}(?:-\d{1,2})?)?$")
# A hyphen between two letters ("build-up"), not in figures, scores or codes ("5-3", "COVID-19").
_WORD_HYPHEN = re.compile(r"(?<=[^\W\d_])-(?=[^\W\d_])")


def parse(query: str) -> Parsed:
    """Parse any string into a query tree; never raises."""
    notices: list[str] = []
    if len(query) > MAX_QUERY:
        notices.append(f"query cut to its first {MAX_QUERY:,} characters")
        query = query[:MAX_QUERY]
    query = _CONTROL.sub(" ", query)
    tokens = [("quote" if m.group("quote") else m.lastgroup, m) for m in _TOKEN.finditer(query)]
    parser = _Parser(query, tokens, notices)
    tree = parser.sequence(0)
    if parser.clauses > MAX_CLAUSES:
        notices.append(f"only the first {MAX_CLAUSES} words of the query are used")
    return Parsed(tree, notices, tuple(parser.together))


class _Parser:
    """Recursive descent over the tokens; ``i`` only moves forward, so parsing is linear."""

    def __init__(self, text: str, tokens: list, notices: list[str]) -> None:
        self.text = text
        self.tokens = tokens
        self.notices = notices
        self.i = 0
        self.clauses = 0
        self.together: list[Phrase] = []

    def sequence(self, depth: int) -> Node | None:
        """Clauses up to a closing parenthesis (or the end): ANDed, with OR groups."""
        groups: list[list[Node]] = []
        join_next = False
        negate = False
        while self.i < len(self.tokens):
            kind, m = self.tokens[self.i]
            if kind == "close":
                self.i += 1
                if depth > 0:
                    break
                continue
            if kind == "word" and m.group() in ("OR", "||"):
                self.i += 1
                join_next = bool(groups)
                continue
            if kind == "word" and m.group() in ("AND", "&&", "+"):
                self.i += 1
                continue
            if kind == "word" and m.group() == "NOT":
                self.i += 1
                negate = True
                continue
            nodes = self.clause(depth)
            if not nodes:
                continue
            if negate:
                nodes = [Not(_all(nodes))]
                negate = False
            if join_next and groups:
                groups[-1].append(nodes[0])
                groups.extend([n] for n in nodes[1:])
            else:
                groups.extend([n] for n in nodes)
            join_next = False
        parts = [g[0] if len(g) == 1 else Or(tuple(g)) for g in groups]
        if not parts:
            return None
        return parts[0] if len(parts) == 1 else And(tuple(parts))

    def clause(self, depth: int) -> list[Node]:
        """One clause: a group, a phrase, a field filter, a negated word, or a run of plain words."""
        kind, m = self.tokens[self.i]
        if self.clauses >= MAX_CLAUSES:
            self.i += 1
            self.clauses += 1
            return []
        if kind == "open":
            self.i += 1
            if depth >= MAX_DEPTH:
                return []
            inner = self.sequence(depth + 1)
            return [inner] if inner is not None else []
        if kind == "quote":
            self.i += 1
            return self._phrase(m.group("phrase"), None)
        word = m.group()
        if word.startswith("-") and len(word) > 1:
            self.i += 1
            inner = self._field_or_words(word[1:])
            return [Not(_all(inner))] if inner else []
        if ":" in word[1:]:
            name, _, value = word.partition(":")
            if name.lower() in FIELDS:
                self.i += 1
                return self._field_value(name.lower(), value)
        # A run of plain words, analysed together so "80 per cent" and "£600 million" stay one figure.
        start = m.start()
        end = m.end()
        self.i += 1
        while self.i < len(self.tokens):
            nkind, nm = self.tokens[self.i]
            nword = nm.group()
            if (
                nkind != "word"
                or nword in ("OR", "||", "AND", "&&", "NOT", "+")
                or nword.startswith("-")
                or ":" in nword[1:]
                or nword.endswith("*")
            ):
                break
            end = nm.end()
            self.i += 1
        run = self.text[start:end]
        nodes = self._words(run, None)
        if len(nodes) >= 2 and all(isinstance(n, Word) for n in nodes):
            # the positions a phrase of these words would take, spelt as the index spells them ("80 per cent
            # rise" holds "percent" at the second)
            self.together.append(Phrase(tuple(t.text for t in analyze(run, "phrase")[: MAX_CLAUSES * 2]), None))
        return nodes

    def _field_or_words(self, word: str) -> list[Node]:
        name, sep, value = word.partition(":")
        if sep and name.lower() in FIELDS:
            return self._field_value(name.lower(), value)
        return self._words(word, None)

    def _field_value(self, name: str, value: str) -> list[Node]:
        """``name:value``, or ``name:"a quoted value"`` taken from the next token: a phrase in a text field
        (``title:"prime minister"``), the value of a filter (``num:"5,500"``, ``date:"2020"``)."""
        if not value and self.i < len(self.tokens) and self.tokens[self.i][0] == "quote":
            value = self.tokens[self.i][1].group("phrase")
            self.i += 1
            if name not in _RANGE_FILTERS:
                return self._phrase(value, name)
        return self._field(name, value)

    def _field(self, name: str, value: str) -> list[Node]:
        if name not in _RANGE_FILTERS:
            return self._words(value, name)
        make, usage = _RANGE_FILTERS[name]
        node = make(value)
        if node is None:
            self.notices.append(f"{name}:{value} ignored: use {usage}")
            return []
        self.clauses += 1
        return [node]

    def _words(self, text: str, field: str | None) -> list[Node]:
        nodes: list[Node] = []
        for piece in re.split(r"(\S+\*)(?=\s|$)", text):
            if piece.endswith("*") and not piece.isspace():
                stem = piece.rstrip("*")
                terms = analyze(stem, "phrase")
                if len(terms) == 1 and len(fold(stem).strip()) >= 2 and not stem[-1:].isspace():
                    self.clauses += 1
                    nodes.append(Prefix(_prefix_text(stem, terms[0]), field))
                    continue
                if stem.strip() == "" and "*" in piece:
                    self.notices.append("* needs at least two letters before it (elect*)")
                piece = stem
            for term in analyze(piece, "query"):
                if self.clauses >= MAX_CLAUSES:
                    self.clauses += 1
                    break
                self.clauses += 1
                nodes.append(Word(term.text, field))
        return nodes

    def _phrase(self, text: str, field: str | None) -> list[Node]:
        terms = analyze(text, "phrase")
        if not terms:
            return []
        self.clauses += 1
        loose = analyze(text, "query")
        if len(loose) == 1:  # one word or one figure ("80%", "build-up"): a single lookup
            return [Word(loose[0].text, field)]
        phrase = Phrase(tuple(t.text for t in terms[: MAX_CLAUSES * 2]), field)
        # "build-up" takes two positions in the text, "buildup" one: a phrase with a hyphenated word also looks
        # for the joined spelling, so it finds both spellings in the text. A joined word in the query finds the
        # hyphenated text only where it ends the phrase (the index puts "buildup" at "build"'s position).
        joined_text = _WORD_HYPHEN.sub("", text)
        if joined_text != text:
            joined = Phrase(tuple(t.text for t in analyze(joined_text, "phrase")[: MAX_CLAUSES * 2]), field)
            if joined.terms and joined != phrase:
                return [Or((phrase, joined))]
        return [phrase]


def _prefix_text(raw: str, term: Term) -> str:
    """The folded text of a prefix; figures keep their canonical form."""
    folded = fold(raw.strip())
    return term.text if term.text[:1].isdigit() else folded


def _all(nodes: list[Node]) -> Node:
    return nodes[0] if len(nodes) == 1 else And(tuple(nodes))


T = TypeVar("T")


def _range_parts(value: str, read: Callable[[str], T | None]) -> tuple[str, T, T | None] | tuple[str, None, T] | None:
    """A filter's value as ``(op, low, high)``, each bound read by ``read``: ``>=A``, ``<=A``, ``>A``, ``<A``
    (the bound in ``low``), ``A..B`` (either side optional) and ``A`` (op ``=``); None when it says no range."""
    value = value.strip()
    for op in (">=", "<=", ">", "<"):
        if value.startswith(op):
            bound = read(value[len(op) :])
            return None if bound is None else (op, bound, None)
    if ".." in value:
        low_text, _, high_text = value.partition("..")
        low = read(low_text) if low_text else None
        high = read(high_text) if high_text else None
        if (low_text and low is None) or (high_text and high is None) or (low is None and high is None):
            return None
        return "..", low, high  # type: ignore[return-value]
    one = read(value)
    return None if one is None else ("=", one, None)


def _date_range(value: str) -> DateRange | None:
    """``2020``, ``2020-08``, ``2020-08-18``, ``A..B`` (either side optional), ``>``, ``>=``, ``<``, ``<=``."""
    parts = _range_parts(value, _norm_date)
    if parts is None:
        return None
    op, low, high = parts
    if op == "..":
        return DateRange(low, high + "~" if high else None)
    day = low
    assert day is not None
    if op == ">=":
        return DateRange(day, None)
    if op == ">":
        return DateRange(day + "~", None)
    if op == "<=":
        return DateRange(None, day + "~")
    if op == "<":
        return DateRange(None, _before(day))
    return DateRange(day, day + "~")


def _num_range(value: str) -> NumRange | None:
    """``>5000``, ``>=5,000``, ``<10``, ``<=10``, ``5000..10000`` (either side optional), ``5500``; ``%`` on
    either number makes it a range of percentages. None when the value says no range."""
    parts = _range_parts(value, _typed_number)
    if parts is None:
        return None
    op, low, high = parts
    if op == "..":
        percent = bool((low and low[1]) or (high and high[1]))
        return NumRange(low[0] if low else None, high[0] if high else None, percent=percent)
    assert low is not None
    amount, percent = low
    if op == "=":
        return NumRange(amount, amount, percent=percent)
    if op[0] == ">":
        return NumRange(amount, None, low_included=op == ">=", percent=percent)
    return NumRange(None, amount, high_included=op == "<=", percent=percent)


def _typed_number(text: str) -> tuple[float, bool] | None:
    """``5,500`` -> (5500, False); ``80%`` -> (80, True); None when it is not a plain number (figures.py reads
    it, as it reads every figure)."""
    text = text.strip()
    number = text.removesuffix("%")
    value = parse_number(number)
    return None if value is None else (value, number != text)


# Filters whose value is a range: how to read it, and what to say when it cannot be read.
_RANGE_FILTERS: dict[str, tuple[Callable[[str], DateRange | NumRange | None], str]] = {
    "date": (_date_range, "date:2020, date:2020-08, date:2020-08-01..2020-09-30 or date:>=2020-08"),
    "num": (_num_range, "num:>5000, num:>=1,000, num:<10, num:5000..10000 or num:>50%"),
}


def _norm_date(text: str) -> str | None:
    text = text.strip()
    if not _DATE_PART.match(text):
        return None
    parts = text.split("-")
    return "-".join([parts[0], *(p.zfill(2) for p in parts[1:])])


def _before(day: str) -> str:
    """The largest string below every date that starts with ``day``."""
    return day[:-1] + chr(ord(day[-1]) - 1) + "~"


def positive_nodes(node: Node | None, negated: bool = False):
    """Yield the leaves that must or may match (not those under NOT): what a hit highlights."""
    if node is None:
        return
    if isinstance(node, Not):
        yield from positive_nodes(node.child, not negated)
    elif isinstance(node, And | Or):
        for child in node.children:
            yield from positive_nodes(child, negated)
    elif not negated:
        yield node


def find_matches(text: str, tree: Node | None, terms: list[Term] | None = None) -> list[tuple[int, int]]:
    """Every match of the query in ``text`` (the body field) as merged ``(start, end)`` offsets, in order.

    Uses the same analyzer as the index, so ``5500`` finds ``5,500`` and a phrase matches the positions it
    matched in the index. Pass ``terms`` (``analyze(text)``) when they are already at hand.
    """
    positive = list(positive_nodes(tree))
    numbers = [n for n in positive if isinstance(n, NumRange)]
    leaves = [n for n in positive if not isinstance(n, DateRange | NumRange) and n.field in (None, "body")]
    if not leaves and not numbers:
        return []
    words = {n.text for n in leaves if isinstance(n, Word)}
    prefixes = tuple(n.prefix for n in leaves if isinstance(n, Prefix))
    phrases = [n.terms for n in leaves if isinstance(n, Phrase)]
    if terms is None:
        if (
            not phrases
            and not numbers
            and all(_context_free(w) for w in words)
            and all(_context_free(p) and not any(c.startswith(p) for c in CONTEXT_WORDS) for p in prefixes)
        ):
            # a prefix's terms start with it, and a longer term's needle is no shorter: the prefix's own holds
            needles = frozenset(needle(w) for w in (*words, *prefixes))
            terms = analyze_words(text, needles)  # same terms for these words, many times faster
        else:
            terms = analyze(text)
    spans: list[tuple[int, int]] = []
    for t in terms:
        if (
            t.text in words
            or (prefixes and t.text.startswith(prefixes))
            or (numbers and t.text[:1].isdigit() and any(n.accepts(t.text) for n in numbers))
        ):
            spans.append((t.start, t.end))
    if phrases:
        at: dict[int, dict[str, Term]] = {}
        for t in terms:
            at.setdefault(t.pos, {}).setdefault(t.text, t)
        for words_in_phrase in phrases:
            first_word = words_in_phrase[0]
            for pos, here in at.items():
                first = here.get(first_word)
                if first is None:
                    continue
                last = first
                for k, w in enumerate(words_in_phrase[1:], start=1):
                    nxt = at.get(pos + k, {}).get(w)
                    if nxt is None:
                        break
                    last = nxt
                else:
                    spans.append((first.start, max(last.end, first.end)))
    return _merge(spans)


def _context_free(term: str) -> bool:
    """True when a term comes from one token alone (not a figure, not percent or a scale word)."""
    return bool(term) and not term[0].isdigit() and term not in CONTEXT_WORDS and term.isascii()


def _merge(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if out and start < out[-1][1]:
            if end > out[-1][1]:
                out[-1] = (out[-1][0], end)
        else:
            out.append((start, end))
    return out
