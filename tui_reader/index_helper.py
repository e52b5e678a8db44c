"""The index helper process: ``python -m tui_reader.index_helper [PATH ...]`` updates a corpus's search index.

The app starts it for a big corpus (see ``Library.update_index``) so that building the index neither adds the
builder's memory to the app's nor competes with the interface for the interpreter lock. It writes JSON lines
to stdout, and nothing else anywhere (the terminal belongs to the app): ``{"done": N, "total": M}`` as files
are indexed, then ``{"articles": N, "changed": bool, "notice": ...}``, or ``{"error": "..."}`` when the update failed.
Plain Python: it imports neither Textual nor the app.
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path
from typing import TextIO

PROGRESS_EVERY = 0.1
"""Seconds between progress lines."""


def run(paths: list[Path] | None, out: TextIO) -> int:
    """Update the index of ``paths`` (None: the seeds), reporting to ``out``; returns the exit code."""
    last = 0.0

    def say(message: dict[str, object]) -> None:
        out.write(json.dumps(message) + "\n")
        out.flush()

    def progress(done: int, total: int) -> None:
        nonlocal last
        now = time.monotonic()
        if now - last >= PROGRESS_EVERY or done == total:
            last = now
            say({"done": done, "total": total})

    try:
        from tui_reader.core.index import SearchIndex

        index = SearchIndex.open(paths)
        report = index.update(progress)
    except Exception as exc:  # the app then updates the index in its own process
        say({"error": f"{type(exc).__name__}: {exc}"})
        return 1
    changed = bool(report.added or report.changed or report.removed or report.rebuilt)
    say({"articles": report.articles, "changed": changed, "notice": report.notice})
    return 0


def main() -> None:
    """The process entry point: paths from the command line."""
    try:
        sys.exit(run([Path(p) for p in sys.argv[1:]] or None, sys.stdout))
    except (BrokenPipeError, KeyboardInterrupt):  # the app went away: nobody to tell
        sys.exit(1)


if __name__ == "__main__":
    main()
