"""``newsreader show ARTICLE``: one article as Rich text (highlights and a legend) or as JSON."""

from __future__ import annotations

import argparse
from pathlib import Path

from tui_reader.core.annotate import annotate
from tui_reader.core.corpus import find_article
from tui_reader.core.errors import UserError


def run(args: argparse.Namespace, paths: list[Path] | None) -> int:
    """Print the article named by ``args.article``; exit 1 with close matches when there is none."""
    article, corpus = find_article(paths, args.article)
    if article is None:
        hint = corpus.suggestions(args.article) if corpus else []
        more = f"; did you mean: {', '.join(hint)}" if hint else ""
        raise UserError(f"no article {args.article!r} in the corpus{more}")
    spans = annotate(article)
    if args.json:
        from tui_reader.output.serialize import article_json, write_json

        write_json(article_json(article, spans))
        return 0
    from tui_reader.output.article import legend, render_article
    from tui_reader.output.console import make_console

    console = make_console()
    console.print(render_article(article, spans, console))
    if spans:
        console.print(legend(spans))
    return 0
