"""``newsreader compare A [B]``: two accounts side by side (Rich) or the comparison as JSON.

People get two aligned columns (pairs on one row, word differences coloured, a sentence only one side has
opposite a blank, page furniture such as bylines and credits dimmed and named), then a table of figures
(shared / only A / only B / conflicts) and one of quotations. Under ``WIDE`` columns the two accounts are
stacked, A above B, row by row. ``newsreader compare A`` picks B with ``closest_account``. Article text only
ever enters a Rich ``Text`` as plain text and is styled by offsets.
"""

from __future__ import annotations

import argparse
from collections.abc import Iterable, Sequence
from pathlib import Path

from rich.console import Console, Group, RenderableType
from rich.rule import Rule
from rich.table import Table
from rich.text import Text

from tui_reader.core.corpus import Corpus, find_article
from tui_reader.core.errors import UserError
from tui_reader.core.furniture import FURNITURE_KINDS, count_prose
from tui_reader.core.model import Article, Comparison, DiffOp, Pair, Sentence
from tui_reader.core.stories import StoryIndex
from tui_reader.output.console import hang

WIDE = 100
"""At this many columns or more the two accounts stand side by side."""
HANG = 3
"""Columns of the side's letter in the stacked layout; a sentence's wrapped lines start under its text."""

STYLES: dict[str, str] = {
    "title": "bold",
    "meta": "dim",
    "deleted": "red",  # words only A has (delete, or A's side of a replace)
    "inserted": "green",  # words only B has
    "only": "yellow",
    "only_label": "bold yellow",
    "heading": "bold",
    "same": "dim",
    "conflict": "bold red",
    "shared": "green",
    "label": "bold",
}


def _find(paths: list[Path] | None, key: str, corpus: Corpus | None) -> tuple[Article, Corpus | None]:
    if corpus is not None:
        article = corpus.get(key)
    else:
        article, corpus = find_article(paths, key)
    if article is None:
        hint = corpus.suggestions(key) if corpus else []
        more = f"; did you mean: {', '.join(hint)}" if hint else ""
        raise UserError(f"no article {key!r} in the corpus{more}")
    return article, corpus


def run(args: argparse.Namespace, paths: list[Path] | None) -> int:
    """Compare article ``args.a`` with ``args.b`` (or with its closest other account when B is not given)."""
    from tui_reader.core.compare import compare

    note = None
    if args.b:
        a, corpus = _find(paths, args.a, None)
        b, corpus = _find(paths, args.b, corpus)
    else:
        a, b, note = closest_account(paths, args.a)
    if a.id == b.id and a.path == b.path:
        raise UserError("A and B are the same article")

    result = compare(a, b)
    if args.json:
        from tui_reader.output.serialize import comparison_json, write_json

        write_json(comparison_json(result))
        return 0
    from tui_reader.output.console import make_console

    console = make_console()
    render(result, console, note=note)
    return 0


def closest_account(paths: list[Path] | None, key: str) -> tuple[Article, Article, str]:
    """Article ``key``, its closest other account of the same story, and a line saying how B was chosen.

    With a built search index of more than ``IN_MEMORY_MAX`` articles, the index's more-like-this
    (``similar()``) is the first cut and only its candidates are read and ranked (A itself is read from its one
    file); a smaller corpus, or one without an index, is loaded and ranked in memory.
    """
    from tui_reader.core.compare import best_match, rank_candidates

    index = _built_index(paths)
    a = index.load(key) if index is not None else None  # None: a path, or an article newer than the index
    pool: StoryIndex | Sequence[Article]
    if index is not None and a is not None:
        pool, how = index, "among the search index's most similar articles"
    else:
        a, corpus = _find(paths, key, None)
        pool, how = (corpus or Corpus.load(paths)).articles, "in the corpus"
    found = best_match(a, pool)
    ranked = [] if found else rank_candidates(a, pool, limit=1)
    if found is None:
        closest = f" (closest: {ranked[0][0]}, score {ranked[0][1]:.2f})" if ranked else ""
        raise UserError(f"no other account of this story {how}{closest}; name B to compare anyway")
    b, score = found
    return a, b, f"B is the closest other account of this story {how} (score {score:.2f})"


IN_MEMORY_MAX = 200
"""Corpora of at most this many articles are ranked in memory, index or not (it is as fast and sees all)."""


def _built_index(paths: list[Path] | None) -> StoryIndex | None:
    """The corpus's search index when one has been built and is large enough to be worth it, else None."""
    try:
        from tui_reader.core.index import SearchIndex

        index = SearchIndex.open(paths)
    except Exception:  # no whoosh, an unreadable cache: the in-memory path still works
        return None
    if len(index) <= IN_MEMORY_MAX:
        index.close()
        return None
    return index


def render(cmp: Comparison, console: Console, *, note: str | None = None) -> None:
    """Print the comparison: header, aligned sentences, figure table, quote table."""
    console.print(_header(cmp, note))
    wide = console.width >= WIDE
    console.print(_columns(cmp) if wide else _stacked(cmp, console))
    console.print(_figure_table(cmp))
    quotes = _quote_table(cmp)
    if quotes is not None:
        console.print(quotes)
    console.print(legend())


def _meta(article: Article) -> str:
    return " · ".join(p for p in (article.outlet, article.byline, article.date, article.id) if p)


def _header(cmp: Comparison, note: str | None) -> RenderableType:
    parts: list[RenderableType] = []
    for label, article in (("A", cmp.a), ("B", cmp.b)):
        line = Text(f"{label}  ", style=STYLES["label"])
        line.append(article.title or "(no title)", style=STYLES["title"])
        parts.append(line)
        parts.append(Text(f"   {_meta(article)}", style=STYLES["meta"]))
    if note:
        parts.append(Text(note, style=STYLES["meta"]))
    same = sum(1 for p in cmp.pairs if p.kind == "same")
    only_a, only_b = count_prose(cmp.only_a, cmp.sentences_a), count_prose(cmp.only_b, cmp.sentences_b)
    f = cmp.figures
    # Two lines, so that a narrow terminal never wraps one after a dangling separator.
    parts.append(
        Text(
            f"{len(cmp.pairs)} aligned ({same} worded the same, {len(cmp.pairs) - same} paraphrased) · "
            f"only in A: {only_a} · only in B: {only_b}"
        )
    )
    parts.append(
        Text(
            f"figures: {len(f.shared)} shared, {len(f.conflicts)} in conflict · "
            f"quotations: {len(cmp.quotes.shared)} shared"
        )
    )
    return Group(*parts)


def rows(cmp: Comparison) -> list[tuple[Pair | None, tuple[int, ...], tuple[int, ...]]]:
    """The rows of the side-by-side view in reading order of A: ``(pair or None, A sentences, B sentences)``.

    A sentence only B has goes right after the row of the B sentence before it (or first, if none is paired),
    so each column keeps its own order wherever it can.
    """
    by_a: dict[int, Pair] = {p.a[0]: p for p in cmp.pairs}
    paired_a = {i for p in cmp.pairs for i in p.a}
    row_of_b: dict[int, int] = {}
    out: list[tuple[Pair | None, tuple[int, ...], tuple[int, ...]]] = []
    for i in range(len(cmp.sentences_a)):
        if i in by_a:
            pair = by_a[i]
            for j in pair.b:
                row_of_b[j] = len(out)
            out.append((pair, pair.a, pair.b))
        elif i not in paired_a:
            out.append((None, (i,), ()))
    # Insert B-only sentences after the row holding the B sentence before them.
    inserts: dict[int, list[int]] = {}
    anchor = -1
    for j in range(len(cmp.sentences_b)):
        if j in row_of_b:
            anchor = row_of_b[j]
        elif j in cmp.only_b:
            inserts.setdefault(anchor, []).append(j)
    result: list[tuple[Pair | None, tuple[int, ...], tuple[int, ...]]] = [(None, (), (j,)) for j in inserts.get(-1, [])]
    for n, row in enumerate(out):
        result.append(row)
        result.extend((None, (), (j,)) for j in inserts.get(n, []))
    return result


def _cell(body: str, sentences: Sequence[Sentence], indices: Iterable[int], ops: Sequence[DiffOp], side: str) -> Text:
    """The sentences as one Text, with A's deleted or B's inserted words styled from the diff offsets."""
    out = Text()
    for n, i in enumerate(indices):
        s = sentences[i]
        text = Text(body[s.start : s.end], style=STYLES["heading"] if s.kind == "heading" else "")
        for op in ops:
            if op.op == "equal":
                continue
            start, end = (op.a_start, op.a_end) if side == "a" else (op.b_start, op.b_end)
            lo, hi = max(start, s.start), min(end, s.end)
            if lo < hi:
                text.stylize(STYLES["deleted" if side == "a" else "inserted"], lo - s.start, hi - s.start)
        if n:
            out.append(" ")
        out.append_text(text)
    return out


def _row_cells(cmp: Comparison, pair: Pair | None, ia: tuple[int, ...], ib: tuple[int, ...]) -> tuple[Text, Text]:
    ops = pair.diff if pair else ()
    left = _cell(cmp.a.body, cmp.sentences_a, ia, ops, "a") if ia else Text("")
    right = _cell(cmp.b.body, cmp.sentences_b, ib, ops, "b") if ib else Text("")
    if pair is None:
        sentence = cmp.sentences_a[ia[0]] if ia else cmp.sentences_b[ib[0]]
        furniture = sentence.kind in FURNITURE_KINDS
        style, label = (STYLES["meta"], sentence.kind) if furniture else (STYLES["only"], "")
        if ia:
            left.stylize(style)
            right = Text(label or "only in A", style=STYLES["meta"] if furniture else STYLES["only_label"])
        else:
            right.stylize(style)
            left = Text(label or "only in B", style=STYLES["meta"] if furniture else STYLES["only_label"])
    return left, right


def _columns(cmp: Comparison) -> Table:
    table = Table(show_header=True, header_style=STYLES["label"], expand=True, show_lines=True, pad_edge=False)
    table.add_column(f"A · {cmp.a.outlet or cmp.a.id}", ratio=1)
    table.add_column("", width=5, justify="right", style=STYLES["meta"])
    table.add_column(f"B · {cmp.b.outlet or cmp.b.id}", ratio=1)
    for pair, ia, ib in rows(cmp):
        left, right = _row_cells(cmp, pair, ia, ib)
        score = Text(f"{pair.score:.2f}" if pair else "")
        table.add_row(left, score, right)
    return table


def _stacked(cmp: Comparison, console: Console) -> RenderableType:
    parts: list[RenderableType] = []
    for pair, ia, ib in rows(cmp):
        parts.append(Rule(style=STYLES["meta"]))
        left, right = _row_cells(cmp, pair, ia, ib)
        if ia:
            parts.append(_hang("A", left, console))
        if ib:
            parts.append(_hang("B", right, console))
        if pair is None:
            sentence = cmp.sentences_a[ia[0]] if ia else cmp.sentences_b[ib[0]]
            if sentence.kind in FURNITURE_KINDS:
                parts.append(Text(f"   {sentence.kind} (not aligned)", style=STYLES["meta"]))
            else:
                parts.append(Text("   only in A" if ia else "   only in B", style=STYLES["only_label"]))
    return Group(*parts)


def _hang(label: str, text: Text, console: Console) -> Text:
    """``label`` then ``text`` wrapped so that its later lines hang under its first (no trailing spaces)."""
    return hang(text, console, HANG, Text(label, style=STYLES["label"]))


def _figure_table(cmp: Comparison) -> RenderableType:
    f = cmp.figures
    table = Table(title="Figures", expand=True, show_lines=False, header_style=STYLES["label"])
    table.add_column("", no_wrap=True)
    table.add_column("A", ratio=1)
    table.add_column("B", ratio=1)
    table.add_column("why / where", ratio=2)
    for p in f.conflicts:
        table.add_row(Text("conflict", style=STYLES["conflict"]), Text(p.a.span.text), Text(p.b.span.text), Text(p.why))
    for p in f.shared:
        table.add_row(Text("shared", style=STYLES["shared"]), Text(p.a.span.text), Text(p.b.span.text), Text(""))
    for n in f.only_a:
        table.add_row(Text("only A", style=STYLES["only"]), Text(n.span.text), Text(""), _where(cmp, "a", n.sentence))
    for n in f.only_b:
        table.add_row(Text("only B", style=STYLES["only"]), Text(""), Text(n.span.text), _where(cmp, "b", n.sentence))
    if not (f.conflicts or f.shared or f.only_a or f.only_b):
        return Text("Figures: none found in either account.", style=STYLES["meta"])
    return table


def _where(cmp: Comparison, side: str, index: int) -> Text:
    s = (cmp.sentences_a if side == "a" else cmp.sentences_b)[index]
    text = s.text if len(s.text) <= 90 else s.text[:89] + "…"
    return Text(text, style=STYLES["meta"])


def _quote_table(cmp: Comparison) -> RenderableType | None:
    q = cmp.quotes
    if not (q.shared or q.only_a or q.only_b):
        return None
    table = Table(title="Quotations", expand=True, header_style=STYLES["label"])
    table.add_column("", no_wrap=True)
    table.add_column("speaker", ratio=1)
    table.add_column("A", ratio=3)
    table.add_column("B", ratio=3)
    shown_a: set[int] = set()
    shown_b: set[int] = set()
    for p in q.shared:
        # A long quotation paired with several fragments of the other account is printed once.
        left = _quote_cell(cmp.a.body, p.a.start, p.a.end, p.diff, "a") if p.a.start not in shown_a else _ditto()
        right = _quote_cell(cmp.b.body, p.b.start, p.b.end, p.diff, "b") if p.b.start not in shown_b else _ditto()
        shown_a.add(p.a.start)
        shown_b.add(p.b.start)
        table.add_row(Text("shared", style=STYLES["shared"]), Text(p.speaker or "?"), left, right)
    for s in q.only_a:
        table.add_row(Text("only A", style=STYLES["only"]), Text(s.speaker or "?"), Text(s.text), Text(""))
    for s in q.only_b:
        table.add_row(Text("only B", style=STYLES["only"]), Text(s.speaker or "?"), Text(""), Text(s.text))
    return table


def _ditto() -> Text:
    return Text("〃 (the quotation above)", style=STYLES["meta"])


def _quote_cell(body: str, start: int, end: int, ops: Sequence[DiffOp], side: str) -> Text:
    text = Text(body[start:end])
    for op in ops:
        if op.op == "equal":
            continue
        lo, hi = (op.a_start, op.a_end) if side == "a" else (op.b_start, op.b_end)
        lo, hi = max(lo, start), min(hi, end)
        if lo < hi:
            text.stylize(STYLES["deleted" if side == "a" else "inserted"], lo - start, hi - start)
    return text


def legend() -> Text:
    """What the colours mean."""
    out = Text("Legend: ", style=STYLES["meta"])
    out.append("worded only in A", style=STYLES["deleted"])
    out.append("  ")
    out.append("worded only in B", style=STYLES["inserted"])
    out.append("  ")
    out.append("said by one account only", style=STYLES["only"])
    out.append("  ")
    out.append("figures in conflict", style=STYLES["conflict"])
    return out
