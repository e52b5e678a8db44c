"""``newsreader index [--rebuild]``: build or update the search index with a progress bar, then a summary.

The summary gives the counts and every skipped file with its one-line reason (a reason shared by many files
is printed once, with how many and a few examples).
"""

from __future__ import annotations

import argparse
import sys
from collections import defaultdict
from pathlib import Path

from tui_reader.core.index import SearchIndex
from tui_reader.core.model import Skipped, UpdateReport

EXAMPLES = 3


def run(args: argparse.Namespace, paths: list[Path] | None) -> int:
    """Update (or with ``--rebuild`` rebuild) the index of the corpus and print what happened."""
    from tui_reader.output.console import make_console

    index = SearchIndex.open(paths)
    report = update_with_progress(index, rebuild=args.rebuild, label="Indexing", wait=60.0)
    console = make_console()
    console.print(summary(report), soft_wrap=True)
    for line in skipped_lines(list(report.skipped)):
        console.print(line, soft_wrap=True)
    if report.notice:
        sys.stderr.write(f"newsreader: note: {report.notice}\n")
    return 0


def update_with_progress(index: SearchIndex, *, rebuild: bool, label: str, wait: float = 0.0) -> UpdateReport:
    """Run ``index.update`` with a Rich progress bar on stderr (articles, articles/s, ETA) when it is a terminal."""
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

    from tui_reader.output.console import make_console

    console = make_console(stderr=True)
    if not console.is_terminal:
        return index.update(rebuild=rebuild, wait=wait)
    with Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("files · {task.fields[articles]:,} articles · {task.fields[rate]}"),
        TimeRemainingColumn(),
        console=console,
        transient=True,
    ) as bar:
        task = bar.add_task(label, total=None, articles=0, rate="")

        def progress(done: int, total: int) -> None:
            elapsed = bar.tasks[0].elapsed or 0.0
            rate = f"{index.indexed_articles / elapsed:,.0f} articles/s" if elapsed > 0.2 else ""
            bar.update(task, completed=done, total=total, articles=index.indexed_articles, rate=rate)

        return index.update(progress, rebuild=rebuild, wait=wait)


def summary(report: UpdateReport):
    """One line: what was indexed and how fast."""
    from rich.text import Text

    if report.rebuilt:
        what = f"Built the index: {report.articles:,} articles from {report.files:,} files"
    elif report.added or report.changed or report.removed:
        what = (
            f"Updated the index: {report.added:,} added, {report.changed:,} changed, {report.removed:,} removed; "
            f"{report.articles:,} articles from {report.files:,} files"
        )
    else:
        what = f"The index is up to date: {report.articles:,} articles from {report.files:,} files"
    line = Text(what, style="bold")
    rate = ""
    if report.rebuilt and report.seconds > 0:
        rate = f", {report.articles / report.seconds:,.0f} articles/s"
    line.append(f" in {report.seconds:.2f} s{rate}", style="dim")
    if report.skipped:
        line.append(f"; {len(report.skipped):,} skipped:", style="yellow")
    return line


def skipped_lines(skipped: list[Skipped]) -> list:
    """Skipped files grouped by reason: a reason shared by several files is printed once."""
    from rich.text import Text

    by_reason: dict[str, list[str]] = defaultdict(list)
    for item in skipped:
        by_reason[item.reason].append(item.path)
    lines = []
    for reason, where in sorted(by_reason.items(), key=lambda kv: (-len(kv[1]), kv[0])):
        line = Text("  ")
        if len(where) == 1:
            line.append(where[0], style="bold")
            line.append(f": {reason}")
        else:
            line.append(f"{reason}", style="bold")
            examples = ", ".join(where[:EXAMPLES]) + (", ..." if len(where) > EXAMPLES else "")
            line.append(f": {len(where):,} files ({examples})")
        lines.append(line)
    return lines
