"""``make bench``: every measurement beside its reference, in one run; prints a table, writes bench/results.md.

Usage: ``python -m bench [--quick] [--only SECTION,...]``; sections: index, search, cli, tui, compare, annotate.
``--quick`` leaves out the x40 replica (89,000 articles). Each measurement runs in its own process.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

from bench.corpora import SHARED, WORK, BenchCorpus, available

PYTHON = sys.executable
NEWSREADER = str(Path(sys.executable).with_name("newsreader"))
RESULTS = Path(__file__).resolve().parent / "results.md"
CACHE = WORK / "cache"


def task(name: str, *args: str) -> dict[str, Any]:
    """Run one measurement in a fresh process (its own cache dir under bench/.work) and return its JSON."""
    env = {**os.environ, "XDG_CACHE_HOME": str(CACHE)}
    out = subprocess.run(
        [PYTHON, "-m", "bench.tasks", name, *args], capture_output=True, text=True, env=env, cwd=Path.cwd()
    )
    if out.returncode != 0:
        return {"error": (out.stderr.strip().splitlines() or ["failed"])[-1]}
    return json.loads(out.stdout.strip().splitlines()[-1])


def wall(cmd: list[str], repeat: int = 7, env: dict[str, str] | None = None) -> float:
    """Median wall-clock seconds of a whole command (first run discarded: warm file cache for everyone)."""
    full_env = {**os.environ, "XDG_CACHE_HOME": str(CACHE), **(env or {})}
    subprocess.run(cmd, capture_output=True, env=full_env)
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        subprocess.run(cmd, capture_output=True, env=full_env)
        times.append(time.perf_counter() - t)
    return statistics.median(times)


class Report:
    """Collects rows per section, prints them as they come, and writes results.md at the end."""

    def __init__(self) -> None:
        self.sections: dict[str, list[list[str]]] = {}
        self.headers: dict[str, list[str]] = {}

    def section(self, name: str, header: list[str]) -> None:
        """Start a table."""
        self.sections[name] = []
        self.headers[name] = header
        print(f"\n== {name}\n" + " | ".join(header), flush=True)

    def row(self, name: str, cells: list[Any]) -> None:
        """Add (and print) one row; numbers are formatted with separators."""
        text = [c if isinstance(c, str) else f"{c:,.1f}" if isinstance(c, float) else f"{c:,}" for c in cells]
        self.sections[name].append(text)
        print(" | ".join(text), flush=True)

    def markdown(self) -> str:
        """Every table as Markdown, with the machine described on top."""
        lines = [
            "# Benchmark results",
            "",
            f"Machine: {os.cpu_count()} cores, {platform.machine()}, Python {platform.python_version()}, "
            f"{platform.system()} {platform.release()}; {_versions()}. Run {time.strftime('%Y-%m-%d %H:%M')} with "
            "`make bench`. Medians of repeated runs; each measurement in its own process.",
            "",
        ]
        for name, rows in self.sections.items():
            header = self.headers[name]
            lines += [f"## {name}", "", "| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
            lines += ["| " + " | ".join(r) + " |" for r in rows]
            lines.append("")
        return "\n".join(lines)


def _versions() -> str:
    from importlib.metadata import version

    parts = []
    for dist in ("textual", "rich", "whoosh-reloaded"):
        try:
            parts.append(f"{dist} {version(dist)}")
        except Exception:
            continue
    import sqlite3

    parts.append(f"SQLite {sqlite3.sqlite_version}")
    return ", ".join(parts)


def bench_index(report: Report, corpora: list[BenchCorpus]) -> None:
    """Full build vs FTS5, then updates with nothing and with 1% changed."""
    report.section(
        "index build",
        ["corpus", "articles", "MB", "newsreader s", "art/s", "MB/s", "peak MB", "FTS5 s", "FTS5 art/s", "ratio"],
    )
    for c in corpora:
        ours = task("index_build", str(c.path))
        ref = task("fts5_build", str(c.path), str(WORK / f"fts5-{c.path.name}.db"))
        if "error" in ours or "error" in ref:
            report.row("index build", [c.name, ours.get("error", ""), ref.get("error", "")])
            continue
        mb = c.bytes / 1e6
        report.row(
            "index build",
            [
                c.name,
                ours["articles"],
                mb,
                ours["seconds"],
                ours["articles"] / ours["seconds"],
                mb / ours["seconds"],
                ours["peak_mb"],
                ref["seconds"],
                ref["articles"] / ref["seconds"],
                f"{ours['seconds'] / ref['seconds']:.1f}x",
            ],
        )
    report.section("re-index", ["corpus", "nothing changed s", "quick check s", "1% changed s", "files changed"])
    for c in corpora:
        nothing = task("index_update", str(c.path))
        quick = task("index_update_quick", str(c.path))
        if c.path.is_relative_to(WORK):
            changed = _touch_one_percent(c.path)
            some = task("index_update", str(c.path))
            cells = [some.get("seconds", float("nan")), changed]
        else:
            cells = ["(shared corpus: not modified)", "-"]
        report.row(
            "re-index", [c.name, nothing.get("seconds", float("nan")), quick.get("seconds", float("nan")), *cells]
        )


def _touch_one_percent(root: Path) -> int:
    """Rewrite 1% of a replica's files with a new last line (unlinking first: replicas are hard links to the
    shared corpus, which must never be written)."""
    files = sorted(root.rglob("*.txt"))
    chosen = files[::100]
    for path in chosen:
        text = path.read_text(encoding="utf-8", errors="replace")
        path.unlink()
        path.write_text(text + f"\n\nBenchmark edit {time.time_ns()}.\n", encoding="utf-8")
    return len(chosen)


def bench_search(report: Report, corpora: list[BenchCorpus]) -> None:
    """In-process latency over the query mix, vs FTS5 on the equivalent queries."""
    report.section(
        "search latency (in-process)", ["corpus", "p50 ms", "p95 ms", "FTS5 p50 ms", "FTS5 p95 ms", "p95 ratio"]
    )
    for c in corpora:
        ours = task("index_search", str(c.path))
        ref = task("fts5_search", str(WORK / f"fts5-{c.path.name}.db"))
        if "error" in ours or "error" in ref:
            report.row("search latency (in-process)", [c.name, ours.get("error", ""), ref.get("error", "")])
            continue
        report.row(
            "search latency (in-process)",
            [
                c.name,
                ours["p50_ms"],
                ours["p95_ms"],
                ref["p50_ms"],
                ref["p95_ms"],
                f"{ours['p95_ms'] / ref['p95_ms']:.1f}x",
            ],
        )


def bench_cli(report: Report, corpora: list[BenchCorpus]) -> None:
    """`newsreader search` as a whole process, vs the `import whoosh` floor and `grep -rlF`."""
    report.section(
        "newsreader search (whole process)",
        ["corpus", "query", "newsreader s", "python+import whoosh s", "ratio to floor", "grep -rlF s"],
    )
    floor = wall([PYTHON, "-c", "import whoosh.index, whoosh.qparser"])
    for c in corpora:
        for literal in ("Lukashenko", "5,500", "government"):
            ours = wall([NEWSREADER, "search", literal, "--corpus", str(c.path), "--limit", "10"])
            grep = wall(["grep", "-rlF", literal, str(c.path)], repeat=3) if shutil.which("grep") else float("nan")
            report.row(
                "newsreader search (whole process)",
                [c.name, literal, ours, floor, f"{ours / floor:.2f}x", grep],
            )


def bench_annotate(report: Report, corpora: list[BenchCorpus]) -> None:
    """Annotation throughput on the real corpora."""
    report.section("annotation", ["corpus", "MB", "seconds", "MB/s", "spans", "peak MB"])
    for c in corpora:
        if "x" in c.name.split()[-1]:
            continue  # replicas repeat the same text
        got = task("annotate_speed", str(c.path))
        if "error" in got:
            report.row("annotation", [c.name, got["error"]])
            continue
        report.row("annotation", [c.name, got["mb"], got["seconds"], got["mb_per_s"], got["spans"], got["peak_mb"]])


def _compare_pairs() -> list[tuple[str, str, str]]:
    """Two long (about 1,500 words each) and two short same-story articles from allsides_fulltext_groups."""
    path = SHARED / "allsides_fulltext_groups" / "articles.jsonl"
    if not path.exists():
        return []
    words: dict[str, int] = {}
    stories: dict[str, list[str]] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        rec = json.loads(line)
        words[rec["id"]] = len(rec["text"].split())
        stories.setdefault(rec["story_id"], []).append(rec["id"])
    pairs = [(a, b) for ids in stories.values() for a in ids for b in ids if a < b]
    long = min(pairs, key=lambda p: abs(words[p[0]] - 1500) + abs(words[p[1]] - 1500))
    short = min(pairs, key=lambda p: words[p[0]] + words[p[1]])
    return [("two long", *long), ("two short", *short)]


def bench_compare(report: Report) -> None:
    """compare(a, b) for two long and two short accounts of one story."""
    report.section("compare", ["pair", "words", "median ms", "peak MB"])
    jsonl = SHARED / "allsides_fulltext_groups" / "articles.jsonl"
    for label, a, b in _compare_pairs():
        got = task("compare_speed", str(jsonl), a, b)
        if "error" in got:
            report.row("compare", [label, got["error"]])
            continue
        report.row("compare", [label, " + ".join(str(w) for w in got["words"]), got["ms"], got["peak_mb"]])


def bench_tui(report: Report, corpora: list[BenchCorpus]) -> None:
    """Launch to the first frame with the list filled vs a bare Textual app's first frame (in-process: the
    app's own start-up; whole process: imports too), the first search result, and the TUI's peak memory on
    a first run (the index built by its helper process) and a later run."""
    report.section(
        "TUI",
        [
            "corpus",
            "first frame ms",
            "bare app ms",
            "ratio",
            "whole process ms",
            "bare process ms",
            "ratio",
            "first search result ms",
        ],
    )
    for c in corpora:
        got = task("tui_first_screen", str(c.path))
        if "error" in got:
            report.row("TUI", [c.name, got["error"]])
            continue
        report.row(
            "TUI",
            [
                c.name,
                got["first_screen_s"] * 1000,
                got["bare_s"] * 1000,
                f"{got['first_screen_s'] / got['bare_s']:.2f}x",
                got["first_screen_process_s"] * 1000,
                got["bare_process_s"] * 1000,
                f"{got['first_screen_process_s'] / got['bare_process_s']:.2f}x",
                got["first_result_s"] * 1000,
            ],
        )
    header = ["corpus", "run", "list shown s", "index ready s", "TUI peak MB", "index helper peak MB"]
    report.section("TUI memory", header)
    for c in corpora:
        cache = WORK / f"tui-cache-{c.path.name}"
        shutil.rmtree(cache, ignore_errors=True)
        for run in ("first", "later"):
            got = task("tui_memory", str(c.path), str(cache))
            if "error" in got:
                report.row("TUI memory", [c.name, run, got["error"]])
                continue
            row = [c.name, run, got["first_screen_s"], got["index_ready_s"], got["peak_mb"], got["children_peak_mb"]]
            report.row("TUI memory", row)


SECTIONS = ("index", "search", "cli", "tui", "compare", "annotate")


def main() -> None:
    """Run the chosen sections and write bench/results.md."""
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__)
    parser.add_argument("--quick", action="store_true", help="leave out the x40 replica")
    parser.add_argument("--only", default=",".join(SECTIONS), help="comma-separated sections")
    args = parser.parse_args()
    wanted = set(args.only.split(","))
    WORK.mkdir(parents=True, exist_ok=True)
    corpora = available(quick=args.quick)
    print("corpora: " + ", ".join(f"{c.name} ({c.files:,} files, {c.bytes / 1e6:.1f} MB)" for c in corpora))
    report = Report()
    if "index" in wanted:
        bench_index(report, corpora)
    if "search" in wanted:
        bench_search(report, corpora)
    if "cli" in wanted:
        bench_cli(report, corpora)
    if "tui" in wanted:
        bench_tui(report, corpora)
    if "compare" in wanted:
        bench_compare(report)
    if "annotate" in wanted:
        bench_annotate(report, corpora)
    RESULTS.write_text(report.markdown(), encoding="utf-8")
    print(f"\nwritten: {RESULTS}")


if __name__ == "__main__":
    main()
