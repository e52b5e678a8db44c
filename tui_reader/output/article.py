"""Rich rendering of one article for ``newsreader show``: styled by offsets, never by markup.

Article text is untrusted; it only ever enters a ``rich.text.Text`` as plain text, and highlights are applied
with ``Text.stylize(start, end)`` from the spans core computed.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from rich.console import Console, Group, RenderableType
from rich.text import Text

from tui_reader.core.model import Article, Block, Span
from tui_reader.output.console import hang

STYLES: dict[str, str] = {
    "title": "bold",
    "meta": "dim",
    "heading": "bold underline",
    "caption": "dim italic",
    "post": "italic",
    "quote": "green",
    "speaker": "dim green",
    "term": "italic yellow",
    "figure": "bold cyan",
    "match": "black on yellow",
}


def meta_line(article: Article) -> Text:
    """The "outlet · byline · date · section" line under a title (only the parts that are known)."""
    parts = [p for p in (article.outlet, article.byline and f"by {article.byline}", article.date) if p]
    if article.section:
        parts.append(f"in {article.section}")
    return Text(" · ".join(parts), style=STYLES["meta"])


def _styled(body: str, start: int, end: int, spans: Sequence[Span], base: str, *, post: bool = False) -> Text:
    """``body[start:end]`` as Text with every span that overlaps it styled, plus a dim speaker after quotes.

    The speaker is shown once after a run of quote parts by the same speaker (a quote split by "he said"
    reads "“…,” he said, “…” [Name]"), and not inside an embedded post, whose signature already names it.
    """
    text = Text(body[start:end], style=base)
    insertions: list[tuple[int, str]] = []
    inside = [s for s in spans if s.end > start and s.start < end]
    quotes = [s for s in inside if s.kind == "quote"]
    for span in inside:
        a, b = max(span.start, start) - start, min(span.end, end) - start
        text.stylize(STYLES.get(span.kind, ""), a, b)
    for i, span in enumerate(quotes):
        nxt = quotes[i + 1] if i + 1 < len(quotes) else None
        if span.speaker and span.end <= end and not post and (nxt is None or nxt.speaker != span.speaker):
            insertions.append((span.end - start, span.speaker))
    if not insertions:
        return text
    # Speakers go after the closing quote mark that follows the span, so the quote reads intact.
    out = Text(style=base)
    last = 0
    plain = text.plain
    for pos, speaker in sorted(insertions):
        while pos < len(plain) and plain[pos] in "”\"’'»":
            pos += 1
        out.append_text(text[last:pos])
        out.append(f" [{speaker}]", style=STYLES["speaker"])
        last = pos
    out.append_text(text[last:])
    return out


def render_article(article: Article, spans: Iterable[Span], console: Console) -> RenderableType:
    """Title, meta line, then each block in its style, with quotes, figures and matches highlighted; paragraphs
    are wrapped to ``console`` here, without the trailing spaces Rich would leave."""
    spans = sorted(spans, key=lambda s: (s.start, s.end))
    parts: list[RenderableType] = [Text(article.title, style=STYLES["title"])]
    meta = meta_line(article)
    if meta.plain:
        parts.append(meta)
    parts.append(Text(""))
    blocks: Sequence[Block] = article.blocks or tuple(Block("paragraph", s, e) for s, e in article.paragraphs())
    for block in blocks:
        base = STYLES.get(block.kind, "") if block.kind != "paragraph" else ""
        text = _styled(article.body, block.start, block.end, spans, base, post=block.kind == "post")
        parts.append(hang(text, console, 2 if block.kind == "post" else 0))
        parts.append(Text(""))
    return Group(*parts)


def legend(spans: Iterable[Span] = ()) -> Text:
    """What the highlight colours mean (only the kinds present in ``spans``; all of them when empty)."""
    kinds = {s.kind for s in spans} or {"quote", "term", "figure"}
    out = Text("Legend: ", style="dim")
    parts: list[tuple[str, str]] = []
    if "quote" in kinds:
        parts.append(("quotation", "quote"))
    if "term" in kinds:
        parts.append(("quoted term", "term"))
    if "figure" in kinds:
        parts.append(("figure", "figure"))
    if "match" in kinds:
        parts.append(("search match", "match"))
    for i, (label, style) in enumerate(parts):
        if i:
            out.append("  ")
        out.append(label, style=STYLES[style])
        if style == "quote":
            out.append(" [speaker]", style=STYLES["speaker"])
    return out
