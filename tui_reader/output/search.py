"""``newsreader search QUERY``: ranked hits as a Rich table with highlighted snippets, or as JSON.

Imports only the index (Whoosh) and Rich: no Textual, no trafilatura, so scripts pay little for start-up.
Before searching, the index is brought up to date the cheap way (folder times; see core/index.py).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from tui_reader.core.errors import UserError
from tui_reader.core.index import SearchIndex
from tui_reader.core.model import Hit, SearchResult


def run(args: argparse.Namespace, paths: list[Path] | None) -> int:
    """Search the corpus for ``args.query``; exit 1 with a one-line message when nothing is found."""
    if args.limit < 1:
        raise UserError("--limit must be at least 1")
    index = SearchIndex.open(paths)
    if index.built:
        index.update(quick=True)
    else:
        from tui_reader.output.indexing import update_with_progress

        update_with_progress(index, rebuild=False, label="Building the index")
    result = index.search(args.query, limit=args.limit)
    if index.damaged:  # found unreadable while searching: heal now and search again
        index.update(rebuild=True)
        result = index.search(args.query, limit=args.limit)
    if result.notice:
        sys.stderr.write(f"newsreader: note: {result.notice}\n")
    if args.json:
        from tui_reader.output.serialize import search_json, write_json

        write_json(search_json(result))
    elif result.hits:
        from tui_reader.output.console import make_console

        make_console().print(render_results(result))
    if not result.hits:
        raise UserError(f"no articles match {_shown(args.query)}")
    return 0


def _shown(query: str) -> str:
    """The query as one safe line for a message (control characters escaped, long input cut)."""
    text = query if len(query) <= 80 else query[:77] + "..."
    return ascii(text) if not text.isprintable() else repr(text)


def render_results(result: SearchResult):
    """A table of hits: rank, title (outlet, date, id) and the snippet with every match highlighted."""
    from rich.console import Group
    from rich.table import Table
    from rich.text import Text

    table = Table(show_header=True, header_style="bold", expand=True, show_lines=True)
    table.add_column("#", justify="right", style="dim", no_wrap=True)
    table.add_column("Article", ratio=2)
    table.add_column("Where it matches", ratio=3)
    for rank, hit in enumerate(result.hits, start=1):
        about = Text(hit.title or hit.id, style="bold")
        meta = " · ".join(x for x in (hit.outlet, hit.date) if x)
        if meta:
            about.append(f"\n{meta}", style="cyan")
        about.append(f"\n{hit.id}", style="dim")
        table.add_row(str(rank), about, snippet_text(hit))
    shown = len(result.hits)
    more = f" (showing {shown})" if result.total > shown else ""
    footer = Text(f"{result.total:,} article{'s' if result.total != 1 else ''} match{more} · {result.took_ms:.0f} ms")
    footer.stylize("dim")
    return Group(table, footer)


def snippet_text(hit: Hit):
    """The hit's snippet as Text with its matches styled by offset (article text never becomes markup)."""
    from rich.text import Text

    text = Text(hit.snippet)
    shift = 1 if hit.snippet.startswith("…") and hit.snippet_start > 0 else 0
    for m in hit.matches:
        a = m.start - hit.snippet_start + shift
        b = m.end - hit.snippet_start + shift
        if b <= shift or a >= len(hit.snippet):
            continue
        text.stylize("bold black on yellow", max(a, shift), min(b, len(hit.snippet)))
    return text
