"""The ``newsreader`` entry point: the TUI by default; ``search | show | compare | index`` for scripts.

Exit codes: 0 ok, 1 nothing found or a user error (one line on stderr), 2 usage. Bad input never ends in a
traceback. The subcommands import no Textual: they must start fast and run in pipes.
"""

from __future__ import annotations

import argparse
import importlib
import os
import signal
import sys
from collections.abc import Sequence
from pathlib import Path

from tui_reader import __version__
from tui_reader.core.errors import UserError
from tui_reader.startup import pause_collector, resume_collector

EXIT_OK, EXIT_NOTHING, EXIT_USAGE = 0, 1, 2


def _corpus_option(parser: argparse.ArgumentParser, dest: str) -> None:
    parser.add_argument(
        "--corpus",
        dest=dest,
        action="append",
        metavar="PATH",
        help="a file or folder of articles (repeatable); default: the bundled seed articles",
    )


def build_parser() -> argparse.ArgumentParser:
    """The argument parser for ``newsreader`` and its subcommands."""
    parser = argparse.ArgumentParser(
        prog="newsreader",
        description="Read one story across several outlets: search, highlights of quotes and figures, compare.",
        epilog="Run without a command to open the reader. Keys: ? in the app.",
    )
    parser.add_argument("--version", action="version", version=f"newsreader {__version__}")
    _corpus_option(parser, "corpus_main")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    search = sub.add_parser("search", help="search the corpus", description="Search the corpus (ranked).")
    search.add_argument("query", help='words, "a phrase", figures like 5,500 or 80%%, OR, NOT, title:, outlet:')
    search.add_argument("--limit", type=int, default=10, metavar="N", help="at most N results (default 10)")
    search.add_argument("--json", action="store_true", help="print JSON (see DESIGN.md) instead of a table")
    _corpus_option(search, "corpus")

    show = sub.add_parser("show", help="print one article", description="Print one article with highlights.")
    show.add_argument("article", help="an article id (as `newsreader search` prints it) or a file path")
    show.add_argument("--json", action="store_true", help="print JSON with body, quotes and figures")
    _corpus_option(show, "corpus")

    compare = sub.add_parser(
        "compare", help="compare two accounts of one story", description="Compare two articles side by side."
    )
    compare.add_argument("a", help="an article id or path")
    compare.add_argument("b", nargs="?", help="another article (default: the closest other account of A)")
    compare.add_argument("--json", action="store_true", help="print JSON instead of columns")
    _corpus_option(compare, "corpus")

    index = sub.add_parser("index", help="build or update the search index", description="Build the index.")
    index.add_argument("--rebuild", action="store_true", help="throw the index away and build it again")
    _corpus_option(index, "corpus")
    return parser


def corpus_paths(args: argparse.Namespace) -> list[Path] | None:
    """The corpus paths from ``--corpus`` given before or after the command; None means the default."""
    given = (getattr(args, "corpus_main", None) or []) + (getattr(args, "corpus", None) or [])
    return [Path(p) for p in given] or None


def main(argv: Sequence[str] | None = None) -> int:
    """Run newsreader; returns the exit code (also used by the console script)."""
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        code = _dispatch(args, whole_process=argv is None)
    except UserError as exc:
        _error(str(exc))
        code = EXIT_NOTHING
    except KeyboardInterrupt:
        code = 128 + signal.SIGINT
    except BrokenPipeError:
        # The reader of our output went away (`newsreader search x | head`): not an error worth a message.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        code = EXIT_OK
    return code


def _error(message: str) -> None:
    sys.stderr.write(f"newsreader: {message}\n")


# Each subcommand lives in its own module with ``run(args, paths) -> int``; imported only when used.
COMMANDS: dict[str, str] = {
    "show": "tui_reader.output.show",
    "search": "tui_reader.output.search",
    "compare": "tui_reader.output.compare",
    "index": "tui_reader.output.indexing",
}


def _dispatch(args: argparse.Namespace, whole_process: bool) -> int:
    paths = corpus_paths(args)
    if paths:
        missing = [str(p) for p in paths if not p.exists()]
        if len(missing) == len(paths):
            raise UserError(f"no such file or folder: {', '.join(missing)}")
    if args.command is None:
        return _run_tui(paths)
    # Importing a command's modules allocates tens of thousands of objects and no garbage, and the collector
    # walks them again at every allocation burst: the process pauses it for the import (see startup.py).
    if whole_process:
        pause_collector()
    try:
        module = importlib.import_module(COMMANDS[args.command])
    except ModuleNotFoundError as exc:
        if exc.name != COMMANDS[args.command]:
            raise
        raise UserError(f"`newsreader {args.command}` is not built yet (see the open issues)") from None
    finally:
        if whole_process:
            resume_collector()
    return module.run(args, paths)


def _run_tui(paths: list[Path] | None) -> int:
    pause_collector()  # until the first list is drawn; the app resumes it (see startup.py)
    try:
        from tui_reader.app import run_app
    except ModuleNotFoundError as exc:
        if exc.name != "tui_reader.app":
            raise
        raise UserError("the reader (TUI) is not built yet; try `newsreader show ARTICLE`") from None
    return run_app(paths)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
