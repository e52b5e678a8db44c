"""Figures and quotations of two accounts side by side: shared, one side only, and conflicting figures.

The spans come from annotation (``annotate.py`` and ``figures.find_figures``); nothing here finds a figure
or a quote in text. What this module decides is which figure of A counts the same thing as which figure of B:
- the thing counted is read from the words right after (and before) the figure in its sentence ("15 people
  dead", "5,500 US troops", "the death toll reached 250"), stemmed, with a few news synonyms folded together
  (killed = dead = died = toll);
- two figures of the same kind (and unit) are a candidate pair when their things overlap, or when their
  sentences were aligned and each is that sentence's only figure of the kind; greedy, best first;
- two figures never count the same thing when their head nouns differ ("11 temblors" / "11 students",
  "5,000 homes" / "5,000 people"), when the events around them differ ("rescued 13 hostages" / "20 hostages
  who were found dead", "injured 50 others" / "left 50 people dead"), or when one is a part of a whole
  ("Nine of the victims were Italian" is not a toll to set against "22 dead"); values compare by value, so
  "Nine" is 9;
- a pair is ``shared`` when value and qualifier agree ("about" agrees with no qualifier), else a ``conflict``
  with a short reason: "at least 15 vs 17", "about 80 percent vs more than 80%: qualifier differs".
Quotes match when one's words mostly recur in the other (a fragment quoted by one outlet of a longer quote in
the other still matches); an embedded post counts as its author's quotation.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher

from tui_reader.core.align import word_diff
from tui_reader.core.model import (
    Article,
    FigureDiff,
    FigureNote,
    FigurePair,
    Pair,
    QuoteDiff,
    QuotePair,
    Sentence,
    Span,
)
from tui_reader.core.terms import content_terms, stem, tokens

# Qualifiers as families: two figures agree when their families do ("over" = "more than").
QUALIFIER_FAMILIES: dict[str, str] = {
    **dict.fromkeys(
        ["about", "around", "roughly", "approximately", "some", "an estimated", "estimated", "circa", "~", "approx"],
        "about",
    ),
    **dict.fromkeys(
        ["at least", "more than", "over", "upwards of", "in excess of", "no fewer than", "no less than", "above"],
        "at least",
    ),
    **dict.fromkeys(
        ["up to", "as many as", "at most", "fewer than", "less than", "under", "nearly", "almost", "no more than"],
        "up to",
    ),
}
# Words for what a figure counts, beyond the news synonyms of terms.py, folded to one term.
_THINGS: dict[str, tuple[str, ...]] = {
    "HOME": ("structure", "structures", "building", "buildings", "property", "properties"),
    "QUAKE": ("aftershock", "aftershocks", "temblor", "temblors", "tremor", "tremors", "quake", "quakes"),
    "GUNMAN": ("militant", "militants", "terrorist", "terrorists"),
    "TROOP": ("personnel", "servicemembers", "forces"),
    "HURT": ("hospitalized", "hospitalised", "hospital"),
    "DEAD": ("bodies", "body", "victims", "victim"),
}
THING_SYNONYMS: dict[str, str] = {stem(w): k for k, words in _THINGS.items() for w in words}
# Words too general to say what a figure counts ("15 people", "11 of the county's").
_GENERIC = (
    "people",
    "person",
    "report",
    "reported",
    "official",
    "officials",
    "least",
    "more",
    "time",
    "year",
    "day",
    "week",
    "county",
    "city",
    "town",
    "area",
    "total",
    "number",
    "other",
    "others",
    "some",
    "about",
)
GENERIC_THINGS: frozenset[str] = frozenset(stem(w) for w in _GENERIC)
_VAGUE_WORDS = ("dozen", "hundreds", "thousands", "millions", "billions", "several", "scores", "tens of")
MAX_RATIO = 10.0
"""Different values further apart than this are not taken for one count unless their sentences are aligned."""
_NUMERIC_KINDS = {"count": "number", "number_word": "number", "decimal": "number"}
_CONTEXT_AFTER = 4
_CONTEXT_BEFORE = 3
# Words after which the following ones no longer say what a figure counts ("12 people on Monday").
_CLAUSE_ENDS = frozenset(
    str.split("and or but while after before when which who on in at by from for with to during since across near")
)
_MIN_QUOTE_TOKENS = 3
FRAGMENT_MATCH = 0.85
"""Share of a fragment's words that must recur in a longer quotation already paired with another."""
QUOTE_MATCH = 0.6
"""Share of the shorter quotation's words that must recur, in order, in the other for the two to be one quote."""


# Words for people in general: "50 others" and "50 people" count the same kind of thing.
_PERSONS = ("people", "person", "persons", "others", "individuals", "victims", "residents", "civilians")
PERSON_WORDS: frozenset[str] = frozenset(stem(w) for w in _PERSONS)
EVENTS: frozenset[str] = frozenset({"DEAD", "HURT", "RESCUE", "MISSING", "ARREST", "EVACUATE"})
"""What can happen to what a figure counts (folded news words of terms.py): "rescued 13" is not "13 dead"."""
_EVENT_WINDOW = 5
_JOINS = frozenset(str.split("and or but while whereas"))
_PARTS = frozenset(str.split("the them those these its their his her our us whom which"))


@dataclass(slots=True)
class _Fig:
    """A figure with where it stands and what it counts: the words around it, its head noun (the word it
    counts, "PEOPLE" for people in general), the events told around it, and whether it is a part ("nine of
    the victims")."""

    note: FigureNote
    family: str
    thing: frozenset[str]
    head: str | None = None
    events: frozenset[str] = frozenset()
    partitive: bool = False


def sentence_of(sentences: Sequence[Sentence], offset: int) -> int:
    """Index of the sentence that holds ``offset`` (the nearest one before it when it falls between two)."""
    lo, hi = 0, len(sentences) - 1
    best = 0
    while lo <= hi:
        mid = (lo + hi) // 2
        if sentences[mid].start <= offset:
            best = mid
            lo = mid + 1
        else:
            hi = mid - 1
    return best


def _family(span: Span) -> str:
    kind = span.figure_kind or "number"
    family = _NUMERIC_KINDS.get(kind, kind)
    if family in ("money", "quantity") or (family == "number" and span.unit):
        return f"{family}:{span.unit or ''}"
    return family


def qualifier_family(qualifier: str | None) -> str | None:
    """The family of a qualifier ("over" -> "at least"), None for none; unknown ones stand for themselves."""
    if not qualifier:
        return None
    q = " ".join(qualifier.lower().split())
    return QUALIFIER_FAMILIES.get(q, q)


def _thing(body: str, sentence: Sentence, span: Span) -> frozenset[str]:
    """What the figure counts: the first telling word after it in its clause ("15 people are dead": DEAD),
    else the telling words just before it ("killed 17 people,": DEAD; "the death toll reached 250")."""
    toks = tokens(body, sentence.start, sentence.end)
    after = [t for t in toks if t.start >= span.end]
    before = [t for t in toks if t.end <= span.start][::-1]
    for tok in after[:_CONTEXT_AFTER]:
        if tok.kind == "other" or tok.norm in _CLAUSE_ENDS:
            break
        terms = _telling(body, tok.start, tok.end)
        if terms:
            return frozenset(terms[:1])
    found: list[str] = []
    for tok in before[:_CONTEXT_BEFORE]:
        if tok.kind == "other" and tok.norm not in ("-", "—", "–"):
            break
        found.extend(_telling(body, tok.start, tok.end))
    return frozenset(found)


def _head_events(body: str, sentence: Sentence, span: Span) -> tuple[str | None, frozenset[str], bool]:
    """The head noun a figure counts, the events told within a few words of it, and whether it is a part.

    "at least 247 people" -> PEOPLE; "22 dead" -> PEOPLE and DEAD; "6,000 acres" -> acre (the unit);
    "Nine of the victims" -> a part; "rescued 13 hostages" -> hostage and RESCUE.
    """
    toks = [t for t in tokens(body, sentence.start, sentence.end)]
    after = [t for t in toks if t.start >= span.end]
    before = [t for t in toks if t.end <= span.start][::-1]
    head: str | None = span.unit if span.unit and span.figure_kind in ("quantity", "money") else None
    # A part or a remainder is no total: "nine of the victims", "five other counties".
    partitive = bool(after) and (
        after[0].norm in ("other", "others", "more")
        or (len(after) >= 2 and after[0].norm == "of" and after[1].norm in _PARTS)
    )
    if span.text.casefold().endswith("old") or (after and after[0].norm == "old"):
        head = "AGE"  # "a 19-year-old" is an age, not a duration
    events: set[str] = set()
    # The nearest event on each side, not past a clause end or another number ("killed six gunmen and
    # rescued 13 hostages": 13 were rescued).
    for side in (after, before):
        for n, tok in enumerate(side[:_EVENT_WINDOW]):
            if tok.kind == "num" or (tok.kind == "other" and tok.norm not in ("-", "—", "–")):
                break
            terms = content_terms(body, tok.start, tok.end, synonyms=True)
            found = [t for t in terms if t in EVENTS]
            if found:
                events.update(found)
                if side is after and n < 2 and head is None:
                    head = "PEOPLE"  # "22 dead", "10 injured"
                break
            if tok.norm in _JOINS:
                break
            if side is after and head is None and n < 2 and terms and not body[tok.start].isupper():
                head = "PEOPLE" if terms[0] in PERSON_WORDS else THING_SYNONYMS.get(terms[0], terms[0])
            if tok.norm in _CLAUSE_ENDS:
                head = head or ""  # no head noun after a clause break ("250 and officials ...")
    return head or None, frozenset(events), partitive


def _same_thing(a: _Fig, b: _Fig) -> bool:
    """Whether two figures may count the same thing: heads and events do not disagree, neither is a part."""
    if a.head and b.head and a.head != b.head:
        return False
    if a.events and b.events and not a.events & b.events:
        return False
    return not ((a.partitive or b.partitive) and not _same_value(a.note.span, b.note.span))


def _telling(body: str, start: int, end: int) -> list[str]:
    return [
        THING_SYNONYMS.get(term, term)
        for term in content_terms(body, start, end, synonyms=True)
        if not term[:1].isdigit() and term not in GENERIC_THINGS
    ]


def _figs(article: Article, sentences: Sequence[Sentence], spans: Sequence[Span]) -> list[_Fig]:
    out = []
    for span in spans:
        if span.kind != "figure" or not sentences:
            continue
        n = sentence_of(sentences, span.start)
        head, events, partitive = _head_events(article.body, sentences[n], span)
        thing = _thing(article.body, sentences[n], span)
        out.append(_Fig(FigureNote(span, n), _family(span), thing, head, events, partitive))
    return out


def _same_value(a: Span, b: Span) -> bool:
    if a.value is None or b.value is None:
        return a.text.casefold() == b.text.casefold()
    if isinstance(a.value, (int, float)) and isinstance(b.value, (int, float)):
        return abs(float(a.value) - float(b.value)) <= 1e-9 * max(1.0, abs(float(a.value)))
    return str(a.value) == str(b.value)


def _trivial(span: Span) -> bool:
    """Small whole numbers recur by chance ("two people", "one of them"): they need context to match."""
    return isinstance(span.value, (int, float)) and float(span.value).is_integer() and abs(float(span.value)) < 10


def _vague(span: Span) -> bool:
    """ "dozens", "hundreds", "tens of thousands": an order of magnitude, not a count to set against another."""
    text = span.text.casefold()
    return not any(c.isdigit() for c in text) and any(w in text for w in _VAGUE_WORDS)


def _comparable(a: Span, b: Span) -> bool:
    """Two different values outside aligned sentences are one count told two ways only when both are precise
    and within a factor of ``MAX_RATIO`` (12 vs 15 dead, not 2,000 homes vs 91,000 customers)."""
    if _vague(a) or _vague(b):
        return False
    if isinstance(a.value, (int, float)) and isinstance(b.value, (int, float)):
        lo, hi = sorted((abs(float(a.value)), abs(float(b.value))))
        return lo > 0 and hi / lo <= MAX_RATIO
    return False


def _agree(a: Span, b: Span) -> bool:
    """Whether two figures' qualifiers agree ("over" = "more than"; "about" agrees with none)."""
    qa, qb = qualifier_family(a.qualifier), qualifier_family(b.qualifier)
    return qa == qb or {qa, qb} == {None, "about"}


def _why(a: Span, b: Span, thing: frozenset[str]) -> str:
    """A short human reason for a conflict."""
    if _same_value(a, b):
        qa, qb = a.qualifier or "exactly", b.qualifier or "exactly"
        return f"{a.text} vs {b.text}: qualifier differs ({qa} vs {qb})"
    counted = ", ".join(sorted(t.lower() for t in thing)[:3])
    return f"{a.text} vs {b.text}" + (f" ({counted})" if counted else "")


def compare_figures(
    a: Article,
    sentences_a: Sequence[Sentence],
    spans_a: Sequence[Span],
    b: Article,
    sentences_b: Sequence[Sentence],
    spans_b: Sequence[Span],
    pairs: Sequence[Pair],
) -> FigureDiff:
    """Match the figures of A and B by what they count; sort them into shared, one side only and conflicts."""
    figs_a, figs_b = _figs(a, sentences_a, spans_a), _figs(b, sentences_b, spans_b)
    aligned = {(i, j) for p in pairs for i in p.a for j in p.b}
    per_sentence_a: dict[tuple[int, str], int] = {}
    per_sentence_b: dict[tuple[int, str], int] = {}
    for f in figs_a:
        key = (f.note.sentence, f.family)
        per_sentence_a[key] = per_sentence_a.get(key, 0) + 1
    for f in figs_b:
        key = (f.note.sentence, f.family)
        per_sentence_b[key] = per_sentence_b.get(key, 0) + 1

    candidates: list[tuple[float, int, int]] = []
    for x, fa in enumerate(figs_a):
        for y, fb in enumerate(figs_b):
            if fa.family != fb.family or not _same_thing(fa, fb):
                continue
            same = _same_value(fa.note.span, fb.note.span)
            overlap = len(fa.thing & fb.thing) / max(1, min(len(fa.thing), len(fb.thing)))
            if fa.head and fa.head == fb.head and fa.head != "PEOPLE":
                overlap = max(overlap, 0.5)  # "6,000 acres" / "7,500 acres": the same head noun or unit
            together = (fa.note.sentence, fb.note.sentence) in aligned
            alone = (
                per_sentence_a[(fa.note.sentence, fa.family)] == 1
                and per_sentence_b[(fb.note.sentence, fb.family)] == 1
            )
            if fa.family in ("date", "year", "time", "ordinal"):
                # A date is its own identity: the same date is shared wherever it stands; different dates
                # conflict only in aligned sentences about the same thing.
                score = 1.0 if same else (overlap if together and overlap >= 0.5 else 0.0)
            elif not same and (_vague(fa.note.span) or _vague(fb.note.span)):
                score = 0.0  # "dozens" is no count to set against "17"
            elif together and (overlap > 0 or alone):
                score = 1.0 + overlap + (0.25 if same else 0.0)
            elif overlap > 0 and (same or _comparable(fa.note.span, fb.note.span)):
                score = overlap + (0.25 if same else 0.0)
            elif same and not _trivial(fa.note.span) and _agree(fa.note.span, fb.note.span):
                score = 0.3  # the same figure elsewhere in both: shared (but no conflict without context)
            else:
                score = 0.0
            if score > 0:
                candidates.append((score, x, y))

    used_a: set[int] = set()
    used_b: set[int] = set()
    shared: list[FigurePair] = []
    conflicts: list[FigurePair] = []
    for _, x, y in sorted(candidates, key=lambda c: (-c[0], c[1], c[2])):
        if x in used_a or y in used_b:
            continue
        used_a.add(x)
        used_b.add(y)
        fa, fb = figs_a[x], figs_b[y]
        sa, sb = fa.note.span, fb.note.span
        if _same_value(sa, sb) and _agree(sa, sb):
            shared.append(FigurePair(fa.note, fb.note))
        else:
            conflicts.append(FigurePair(fa.note, fb.note, _why(sa, sb, fa.thing & fb.thing or fa.thing)))
    return FigureDiff(
        shared=tuple(sorted(shared, key=lambda p: p.a.span.start)),
        only_a=tuple(f.note for n, f in enumerate(figs_a) if n not in used_a),
        only_b=tuple(f.note for n, f in enumerate(figs_b) if n not in used_b),
        conflicts=tuple(sorted(conflicts, key=lambda p: p.a.span.start)),
    )


_SIGNATURE_LINE = re.compile(r"\n[—–][^\n]*$")


def post_quotes(article: Article) -> list[Span]:
    """Embedded posts as quotations of their authors (the text above the "— Name (@handle) date" line)."""
    out = []
    for block in article.blocks:
        if block.kind != "post":
            continue
        text = article.body[block.start : block.end]
        cut = _SIGNATURE_LINE.search(text)
        end = block.start + (cut.start() if cut else len(text))
        # A signature on the same line as the post ("... peace. — Name (@handle) Date") ends it too.
        inline = text.rfind(" — ", 0, end - block.start)
        if cut is None and inline > 0 and "(@" in text[inline:]:
            end = block.start + inline
        if end > block.start:
            out.append(Span("quote", block.start, end, article.body[block.start : end], speaker=block.author))
    return out


def _quote_words(body: str, span: Span) -> list[str]:
    return [t.norm for t in tokens(body, span.start, span.end) if t.kind != "other"]


def _surname(name: str | None) -> str | None:
    if not name:
        return None
    parts = [p for p in re.split(r"\W+", name.casefold()) if p]
    return parts[-1] if parts else None


def compare_quotes(a: Article, quotes_a: Sequence[Span], b: Article, quotes_b: Sequence[Span]) -> QuoteDiff:
    """Pair the quotations of A and B that are the same words (or one a part of the other), best first."""
    qa = [q for q in quotes_a if q.kind == "quote"]
    qb = [q for q in quotes_b if q.kind == "quote"]
    words_a = [_quote_words(a.body, q) for q in qa]
    words_b = [_quote_words(b.body, q) for q in qb]
    candidates: list[tuple[float, int, int]] = []
    for x, wa in enumerate(words_a):
        for y, wb in enumerate(words_b):
            shorter = min(len(wa), len(wb))
            if shorter == 0 or (shorter < _MIN_QUOTE_TOKENS and wa != wb):
                continue
            if not set(wa) & set(wb):
                continue
            sm = SequenceMatcher(None, wa, wb, autojunk=False)
            contained = sum(block.size for block in sm.get_matching_blocks()) / shorter
            need = QUOTE_MATCH
            sa, sb = _surname(qa[x].speaker), _surname(qb[y].speaker)
            if sa and sb and sa != sb:
                need = 0.85  # different speakers: only near-identical words are the same quotation
            if contained >= need:
                candidates.append((contained + 0.1 * sm.ratio(), x, y))
    used_a: set[int] = set()
    used_b: set[int] = set()
    shared: list[QuotePair] = []
    for score, x, y in sorted(candidates, key=lambda c: (-c[0], c[1], c[2])):
        if x in used_a and y in used_b:
            continue
        if x in used_a or y in used_b:
            # One long quotation may hold several fragments the other outlet quotes apart: a fragment (the
            # unused, shorter side) still joins it when nearly all of its words are there.
            fragment_is_new = (len(words_a[x]) < len(words_b[y])) == (y in used_b)
            if not fragment_is_new or score < FRAGMENT_MATCH:
                continue
        used_a.add(x)
        used_b.add(y)
        sa_, sb_ = qa[x], qb[y]
        toks_a = tokens(a.body, sa_.start, sa_.end)
        toks_b = tokens(b.body, sb_.start, sb_.end)
        ops, _ = word_diff(a.body, toks_a, b.body, toks_b)
        speaker = sa_.speaker or sb_.speaker
        shared.append(QuotePair(sa_, sb_, speaker, round(min(score, 1.0), 4), tuple(ops)))
    return QuoteDiff(
        shared=tuple(sorted(shared, key=lambda p: p.a.start)),
        only_a=tuple(q for n, q in enumerate(qa) if n not in used_a),
        only_b=tuple(q for n, q in enumerate(qb) if n not in used_b),
    )
