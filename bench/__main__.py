"""``make bench``: every measurement beside its reference, in one run; prints one summary table against the
targets of the performance issue, then the detail, and writes it all to bench/results.md.

Usage: ``python -m bench [--quick] [--smoke] [--only SECTION,...] [--corpora NAME,...] [--output PATH]``.
Sections: index, search, cli, tui, compare, annotate, reindex (run last: it edits 1% of a replica's files).
``--quick`` leaves out the x40 replica (89,000 articles); ``--smoke`` runs every task once on the seeds only
(the test suite uses it to check that the tasks still work; its timings mean nothing).

Each measurement runs in its own process (cold imports, honest peak memory); each comparison runs its two
sides back to back, and both wall and CPU seconds are kept, because the machine is shared: the CPU-time ratio
is the steadier one when other work competes for the cores.
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
from bench.tasks import QUERIES

PYTHON = sys.executable
NEWSREADER = str(Path(sys.executable).with_name("newsreader"))
RESULTS = Path(__file__).resolve().parent / "results.md"
CACHE = WORK / "cache"
SCALE = "bbc_news x10"
"""The corpus the targets are stated at (about 22,000 articles)."""
BIG = "bbc_news x40"
SECTIONS = ("index", "search", "cli", "tui", "compare", "annotate", "reindex")
LITERALS = ("Mourinho", "5,500", "government")
"""`newsreader search` / `grep -rlF` literals: a rare name, a figure, a common word."""
FLOORS = {
    "import whoosh.index, whoosh.query": "import whoosh.index, whoosh.query",
    "import whoosh": "import whoosh",
}


def task(name: str, *args: str) -> dict[str, Any]:
    """Run one measurement in a fresh process (its own cache dir under bench/.work) and return its JSON."""
    env = {**os.environ, "XDG_CACHE_HOME": str(CACHE)}
    out = subprocess.run([PYTHON, "-m", "bench.tasks", name, *args], capture_output=True, text=True, env=env)
    if out.returncode != 0:
        return {"error": (out.stderr.strip().splitlines() or ["failed"])[-1][:120]}
    return json.loads(out.stdout.strip().splitlines()[-1])


RUNS = 7
"""Runs of each whole command (``wall``); ``--smoke`` sets 1."""


def wall(cmd: list[str], repeat: int | None = None) -> float:
    """Median wall-clock seconds of a whole command (one run first, discarded: warm page cache for everyone)."""
    env = {**os.environ, "XDG_CACHE_HOME": str(CACHE)}
    subprocess.run(cmd, capture_output=True, env=env)
    times = []
    for _ in range(min(repeat or RUNS, RUNS)):
        t = time.perf_counter()
        subprocess.run(cmd, capture_output=True, env=env)
        times.append(time.perf_counter() - t)
    return statistics.median(times)


def fmt(value: Any) -> str:
    """A table cell: floats with one decimal (three below 1), ints with separators, None as a dash."""
    if value is None:
        return "-"
    if isinstance(value, float):
        if value != value:  # NaN
            return "-"
        return f"{value:,.3f}" if abs(value) < 1 else f"{value:,.1f}"
    if isinstance(value, int):
        return f"{value:,}"
    return str(value)


def ratio(ours: float | None, ref: float | None) -> str:
    """``ours / ref`` as ``2.3x`` (a dash when either is missing)."""
    if not ours or not ref:
        return "-"
    return f"{ours / ref:.2f}x"


class Report:
    """Collects the summary rows and the detail tables, prints them as they come, writes results.md."""

    def __init__(self) -> None:
        self.sections: dict[str, tuple[list[str], list[list[str]], str]] = {}
        self.summary: list[list[str]] = []

    def section(self, name: str, header: list[str], note: str = "") -> None:
        """Start a detail table (``note``: one paragraph under its title)."""
        self.sections[name] = (header, [], note)
        print(f"\n== {name}\n" + " | ".join(header), flush=True)

    def row(self, name: str, cells: list[Any]) -> None:
        """Add (and print) one row of a detail table."""
        text = [fmt(c) for c in cells]
        self.sections[name][1].append(text)
        print(" | ".join(text), flush=True)

    def target(self, what: str, ours: str, reference: str, measured: str, goal: str, met: bool | None) -> None:
        """One row of the summary: a measurement, its reference, the ratio or value, the target and verdict."""
        verdict = "-" if met is None else ("met" if met else "missed")
        self.summary.append([what, ours, reference, measured, goal, verdict])

    def markdown(self, machine: str, took: float) -> str:
        """The summary and every detail table as Markdown, with the machine described on top."""
        lines = [
            "# Benchmark results",
            "",
            f"Machine: {machine}. Run {time.strftime('%Y-%m-%d %H:%M')} with `make bench` ({took / 60:.0f} min).",
            "Each measurement runs in its own process; the two sides of each comparison run back to back. Wall",
            "seconds are medians where repeated; CPU seconds (user + system) are given beside them because the",
            "machine is shared and the CPU ratio is steadier under load.",
            "",
            "## Summary: every target of the performance issue",
            "",
            *_table(["measurement", "newsreader", "reference", "ratio / value", "target", ""], self.summary),
            "",
        ]
        for name, (header, rows, note) in self.sections.items():
            lines += [f"## {name}", ""]
            if note:
                lines += [note, ""]
            lines += [*_table(header, rows), ""]
        return "\n".join(lines)

    def print_summary(self) -> None:
        """The summary table on stdout."""
        print("\n== summary")
        for line in _table(["measurement", "newsreader", "reference", "ratio / value", "target", ""], self.summary):
            print(line)


def _table(header: list[str], rows: list[list[str]]) -> list[str]:
    return ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)] + ["| " + " | ".join(r) + " |" for r in rows]


def machine() -> str:
    """Cores, CPU model, memory, Python and the versions that matter."""
    from importlib.metadata import version

    cpu = ""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    memory = ""
    try:
        pages, size = os.sysconf("SC_PHYS_PAGES"), os.sysconf("SC_PAGE_SIZE")
        memory = f", {pages * size / 2**30:.0f} GB RAM"
    except (ValueError, OSError):
        pass
    parts = []
    for dist in ("whoosh-reloaded", "PyStemmer", "textual", "rich"):
        try:
            parts.append(f"{dist} {version(dist)}")
        except Exception:
            continue
    import sqlite3

    parts.append(f"SQLite {sqlite3.sqlite_version}")
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    return (
        f"{os.cpu_count()} cores ({cpu or platform.machine()}){memory}, {platform.system()} {platform.release()}, "
        f"Python {platform.python_version()}; {', '.join(parts)}; load average {load:.1f} at the start"
    )


# ----- sections ----------------------------------------------------------------------------------------------


def bench_index(report: Report, corpora: list[BenchCorpus]) -> None:
    """Full build vs FTS5 (page cache warmed first, so neither side pays for the disk)."""
    report.section(
        "index build",
        [
            "corpus",
            "articles",
            "MB",
            "newsreader s",
            "CPU s",
            "art/s",
            "MB/s",
            "peak MB",
            "FTS5 s",
            "FTS5 CPU s",
            "FTS5 art/s",
            "FTS5 MB/s",
            "FTS5 peak MB",
            "ratio (wall)",
            "ratio (CPU)",
        ],
    )
    for c in corpora:
        task("warm", str(c.path))
        ours = task("index_build", str(c.path))
        ref = task("fts5_build", str(c.path), str(_fts5_db(c)))
        if "error" in ours or "error" in ref:
            report.row("index build", [c.name, ours.get("error", ""), ref.get("error", "")])
            continue
        mb = c.bytes / 1e6
        n = ours["articles"]
        report.row(
            "index build",
            [
                c.name,
                n,
                mb,
                ours["seconds"],
                ours["cpu"],
                n / ours["seconds"],
                mb / ours["seconds"],
                ours["peak_mb"],
                ref["seconds"],
                ref["cpu"],
                ref["articles"] / ref["seconds"],
                mb / ref["seconds"],
                ref["peak_mb"],
                ratio(ours["seconds"], ref["seconds"]),
                ratio(ours["cpu"], ref["cpu"]),
            ],
        )
        if c.name == SCALE:
            report.target(
                f"index build, {c.name} ({n:,} articles)",
                f"{ours['seconds']:.1f} s ({n / ours['seconds']:,.0f} art/s, {mb / ours['seconds']:.1f} MB/s)",
                f"FTS5 {ref['seconds']:.1f} s",
                f"{ratio(ours['seconds'], ref['seconds'])} (CPU {ratio(ours['cpu'], ref['cpu'])})",
                "within 10x",
                ours["seconds"] <= 10 * ref["seconds"],
            )
        if c.name == BIG:
            report.target(
                f"index build, {c.name}: peak memory",
                f"{ours['peak_mb']:.0f} MB",
                f"FTS5 {ref['peak_mb']:.0f} MB",
                f"{ours['peak_mb']:.0f} MB",
                "-",
                None,
            )


def _fts5_db(c: BenchCorpus) -> Path:
    return WORK / f"fts5-{c.path.name}.db"


def bench_reindex(report: Report, corpora: list[BenchCorpus]) -> None:
    """Updates of a built index: nothing changed (full stat walk, and the quick folder check), 1% changed."""
    report.section(
        "re-index",
        [
            "corpus",
            "nothing changed s",
            "CPU s",
            "FTS5 stat walk s",
            "quick check s",
            "1% changed s",
            "FTS5 1% changed s",
            "files changed",
            "peak MB",
        ],
        "Nothing changed: `update()` stats every file and compares with the manifest; the quick check (folder "
        "times only) is what `newsreader search` does before each search. 1% changed: every 100th file of the "
        "replica is rewritten with one more line (unlinked first: replicas are hard links to the shared corpus); "
        "the FTS5 reference stats every file and deletes and re-inserts the changed ones.",
    )
    for c in corpora:
        nothing = task("index_update", str(c.path))
        quick = task("index_update_quick", str(c.path))
        ref_nothing = task("fts5_update", str(c.path), str(_fts5_db(c)))
        some: dict[str, Any] = {}
        ref_some: dict[str, Any] = {}
        changed: int | str = "(shared corpus: not modified)"
        if c.path.is_relative_to(WORK):
            changed = _touch_one_percent(c.path)
            some = task("index_update", str(c.path))
            ref_some = task("fts5_update", str(c.path), str(_fts5_db(c)))
        report.row(
            "re-index",
            [
                c.name,
                nothing.get("seconds"),
                nothing.get("cpu"),
                ref_nothing.get("seconds"),
                quick.get("seconds"),
                some.get("seconds"),
                ref_some.get("seconds"),
                changed,
                max(nothing.get("peak_mb", 0), some.get("peak_mb", 0)),
            ],
        )
        if c.name in (SCALE, BIG) and "seconds" in nothing:
            report.target(
                f"re-index, nothing changed, {c.name}",
                f"{nothing['seconds']:.2f} s (quick check {quick.get('seconds', float('nan')):.3f} s)",
                f"FTS5 stat walk {ref_nothing.get('seconds', float('nan')):.2f} s",
                f"{nothing['seconds']:.2f} s",
                "under 1 s" if c.name == SCALE else "-",
                nothing["seconds"] < 1.0 if c.name == SCALE else None,
            )
        if c.name == SCALE and "seconds" in some:
            report.target(
                f"re-index, 1% changed ({changed} files), {c.name}",
                f"{some['seconds']:.2f} s",
                f"FTS5 {ref_some.get('seconds', float('nan')):.2f} s",
                ratio(some["seconds"], ref_some.get("seconds")),
                "-",
                None,
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


def bench_search(report: Report, corpora: list[BenchCorpus], repeat: int) -> None:
    """In-process latency over the query mix, vs FTS5 on the equivalent queries, and each query at scale."""
    report.section(
        "search latency (in-process)",
        ["corpus", "p50 ms", "p95 ms", "FTS5 p50 ms", "FTS5 p95 ms", "p95 ratio", "peak MB"],
        f"The mix: {len(QUERIES)} queries (words, two words, phrases, rare names, figures, a common word), "
        f"{repeat} rounds after a warm-up round. newsreader returns 10 ranked hits, each with every match's "
        "offsets and a snippet, its text read again from the file; FTS5 returns 10 ranked rows with snippet().",
    )
    per_query: dict[str, tuple[dict[str, Any], dict[str, Any]]] = {}
    for c in corpora:
        ours = task("index_search", str(c.path), str(repeat))
        ref = task("fts5_search", str(_fts5_db(c)), str(repeat))
        if "error" in ours or "error" in ref:
            report.row("search latency (in-process)", [c.name, ours.get("error", ""), ref.get("error", "")])
            continue
        per_query[c.name] = (ours, ref)
        report.row(
            "search latency (in-process)",
            [
                c.name,
                ours["p50_ms"],
                ours["p95_ms"],
                ref["p50_ms"],
                ref["p95_ms"],
                ratio(ours["p95_ms"], ref["p95_ms"]),
                ours["peak_mb"],
            ],
        )
        if c.name in (SCALE, BIG):
            report.target(
                f"search p95, {c.name}",
                f"{ours['p95_ms']:.1f} ms (p50 {ours['p50_ms']:.1f})",
                f"FTS5 {ref['p95_ms']:.1f} ms (p50 {ref['p50_ms']:.1f})",
                ratio(ours["p95_ms"], ref["p95_ms"]),
                "within 3x" if c.name == SCALE else "-",
                ours["p95_ms"] <= 3 * ref["p95_ms"] if c.name == SCALE else None,
            )
    for name, (ours, ref) in per_query.items():
        if name not in (SCALE, BIG):
            continue
        title = f"search latency per query, {name}"
        report.section(title, ["kind", "query", "hits", "median ms", "FTS5 query", "FTS5 hits", "FTS5 median ms"])
        for i, (kind, q, f) in enumerate(QUERIES):
            report.row(
                title,
                [kind, q, ours["totals"][i], ours["per_query_ms"][i], f, ref["totals"][i], ref["per_query_ms"][i]],
            )


def bench_cli(report: Report, corpora: list[BenchCorpus]) -> None:
    """`newsreader search` as a whole process, vs the python + whoosh import floors and `grep -rlF`."""
    report.section(
        "newsreader search (whole process)",
        ["corpus", "query", "newsreader --json s", "table s", "floor s", "ratio to floor", "grep -rlF s", "vs grep"],
        "floor: `python -c 'import whoosh.index, whoosh.query'` (what any Whoosh search must import; "
        "`python -c 'import whoosh'` alone is given in the summary). newsreader runs with an index already built "
        "and checks the folders for changes first, as it always does. Medians of 7 runs (grep: 3).",
    )
    floors = {label: wall([PYTHON, "-c", code]) for label, code in FLOORS.items()}
    floor = floors["import whoosh.index, whoosh.query"]
    for c in corpora:
        rows = []
        for literal in LITERALS:
            base = [NEWSREADER, "search", literal, "--corpus", str(c.path), "--limit", "10"]
            ours = wall([*base, "--json"])
            table = wall(base)
            grep = wall(["grep", "-rlF", literal, str(c.path)], repeat=3) if shutil.which("grep") else None
            rows.append((ours, grep))
            report.row(
                "newsreader search (whole process)",
                [c.name, literal, ours, table, floor, ratio(ours, floor), grep, ratio(ours, grep)],
            )
        if c.name in (SCALE, BIG):
            worst = max(r[0] for r in rows)
            grep_best = min(r[1] for r in rows if r[1])
            report.target(
                f"`newsreader search --json`, whole process, {c.name} (slowest of {len(rows)} queries)",
                f"{worst:.3f} s",
                f"floor {floor:.3f} s (`import whoosh` alone {floors['import whoosh']:.3f} s)",
                ratio(worst, floor),
                "within 1.5x of the floor",
                worst <= 1.5 * floor,
            )
            report.target(
                f"`newsreader search` vs `grep -rlF`, {c.name}",
                f"{worst:.3f} s",
                f"grep {grep_best:.3f} s (fastest literal)",
                ratio(worst, grep_best),
                "faster than grep from 20,000 articles",
                worst < grep_best,
            )


def bench_tui(report: Report, corpora: list[BenchCorpus], paint_sizes: tuple[str, ...] = ("1", "5")) -> None:
    """Launch to the first frame with the list filled vs a bare Textual app's first frame (in-process and as
    whole processes), a search's first result, the TUI's peak memory; the reader's paint of a big article."""
    report.section(
        "TUI",
        [
            "corpus",
            "articles",
            "first frame s",
            "bare app s",
            "ratio",
            "whole process s",
            "bare process s",
            "ratio",
            "index ready s",
            "first search result s",
            "peak MB",
            "index helper peak MB",
        ],
        "Headless (`App.run_test`, 160x45), the index built by the index section. first frame: from making the "
        "app to the first frame drawn with the list filled, against a bare Textual app (Header, Static, Footer) "
        "to its first frame, medians of interleaved runs in one process (the app's own start-up); whole process: "
        "the same from before importing Textual, each launch a fresh process. index ready: the index update has "
        "finished (a full stat walk). first search result: from the last key of `/government` to the results on "
        "screen, including the search bar's debounce. peak MB: the TUI process through launch, twenty articles "
        "read, a search and five n (index helper: the process that updates a big corpus's index).",
    )
    rounds = "5" if RUNS > 1 else "1"
    for c in corpora:
        got = task("tui_first_screen", str(c.path), rounds)
        mem = task("tui_memory", str(c.path))
        if "error" in got or "error" in mem:
            report.row("TUI", [c.name, got.get("error", ""), mem.get("error", "")])
            continue
        report.row(
            "TUI",
            [
                c.name,
                mem["articles"],
                got["first_screen_s"],
                got["bare_s"],
                ratio(got["first_screen_s"], got["bare_s"]),
                got["first_screen_process_s"],
                got["bare_process_s"],
                ratio(got["first_screen_process_s"], got["bare_process_s"]),
                mem["index_ready_s"],
                got["first_result_s"],
                mem["peak_mb"],
                mem["children_peak_mb"] or None,
            ],
        )
        if c.name == SCALE:
            report.target(
                f"TUI first screen, list filled, {c.name} (whole process; in-process in brackets)",
                f"{got['first_screen_process_s']:.2f} s ({got['first_screen_s']:.3f} s)",
                f"bare Textual app {got['bare_process_s']:.2f} s ({got['bare_s']:.3f} s)",
                f"{ratio(got['first_screen_process_s'], got['bare_process_s'])} "
                f"({ratio(got['first_screen_s'], got['bare_s'])})",
                "within 1.5x",
                got["first_screen_process_s"] <= 1.5 * got["bare_process_s"],
            )
            report.target(
                f"TUI first search result (last key to results), {c.name}",
                f"{got['first_result_s']:.2f} s",
                "-",
                f"{got['first_result_s']:.2f} s",
                "-",
                None,
            )
        if c.name in (SCALE, BIG):
            report.target(
                f"TUI peak memory, {c.name} ({mem['articles']:,} articles)",
                f"{mem['peak_mb']:.0f} MB",
                "-",
                f"{mem['peak_mb']:.0f} MB",
                "under 500 MB" if c.name == BIG else "-",
                mem["peak_mb"] < 500 if c.name == BIG else None,
            )
    report.section(
        "reader first paint",
        ["article", "Reader s", "page down s", "Textual Static s", "ratio", "peak MB"],
        "A big article (the seeds repeated) shown in the reader widget, and one page down after it (median of 15, "
        "with the Pilot's own round trip); the same body in a Textual Static is the reference.",
    )
    for mb in paint_sizes:
        got = task("reader_paint", mb)
        if "error" in got:
            report.row("reader first paint", [f"{mb} MB", got["error"]])
            continue
        report.row(
            "reader first paint",
            [
                f"{got['mb']:.1f} MB",
                got["reader_s"],
                got["page_down_s"],
                got["static_s"],
                ratio(got["reader_s"], got["static_s"]),
                got["peak_mb"],
            ],
        )


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
    """compare(a, b) for two long and two short accounts of one story; story matching for one article."""
    report.section(
        "compare",
        ["pair", "words", "median ms", "CPU ms", "peak MB"],
        "`compare(a, b)` with both articles' annotations, as the compare screen and `newsreader compare` call it "
        "(median of 20). Story matching: `rank_candidates` for one article against the whole AllSides groups "
        "corpus in memory (median of 3).",
    )
    jsonl = SHARED / "allsides_fulltext_groups" / "articles.jsonl"
    pairs = _compare_pairs()
    for label, a, b in pairs:
        got = task("compare_speed", str(jsonl), a, b, "20" if RUNS > 1 else "1")
        if "error" in got:
            report.row("compare", [label, got["error"]])
            continue
        words = " + ".join(f"{w:,}" for w in got["words"])
        report.row("compare", [label, words, got["ms"], got["cpu_ms"], got["peak_mb"]])
        report.target(f"compare, {label} ({words} words)", f"{got['ms']:.0f} ms", "-", f"{got['ms']:.0f} ms", "-", None)
    if pairs:
        got = task("story_matching", str(jsonl), pairs[0][1], "3" if RUNS > 1 else "1")
        if "error" not in got:
            pool = f"{got['pool']:,} articles"
            report.row("compare", [f"story matching, in memory ({pool})", "-", got["ms"], None, got["peak_mb"]])
            report.row("compare", [f"story matching via the index ({pool})", "-", got["index_ms"], None, None])


def bench_annotate(report: Report, corpora: list[BenchCorpus]) -> None:
    """Annotation throughput on the real corpora, and on one big body."""
    report.section("annotation", ["corpus", "articles", "MB", "seconds", "MB/s", "spans", "peak MB"])
    for c in corpora:
        if c.name.split()[-1].startswith("x"):
            continue  # replicas repeat the same text
        got = task("annotate_speed", str(c.path))
        if "error" in got:
            report.row("annotation", [c.name, got["error"]])
            continue
        mb_s = got["mb"] / got["seconds"]
        report.row(
            "annotation", [c.name, got["articles"], got["mb"], got["seconds"], mb_s, got["spans"], got["peak_mb"]]
        )
        if c.name in ("bbc_news", "allsides_general_sample"):
            report.target(f"annotation, {c.name}", f"{mb_s:.2f} MB/s", "-", f"{mb_s:.2f} MB/s", "-", None)
    bbc = next((c for c in corpora if c.name == "bbc_news"), None)
    if bbc is not None:
        got = task("annotate_big", str(bbc.path), "1")
        if "error" not in got:
            report.row(
                "annotation",
                [
                    "one 1 MB body (bbc_news text)",
                    1,
                    got["mb"],
                    got["seconds"],
                    got["mb"] / got["seconds"],
                    got["spans"],
                    got["peak_mb"],
                ],
            )


def main(argv: list[str] | None = None) -> None:
    """Run the chosen sections and write the results."""
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__)
    parser.add_argument("--quick", action="store_true", help="leave out the x40 replica")
    parser.add_argument("--smoke", action="store_true", help="every task once, on the seeds (timings mean nothing)")
    parser.add_argument("--only", default=",".join(SECTIONS), help="comma-separated sections")
    parser.add_argument("--corpora", default="", help="comma-separated corpus names (default: all available)")
    parser.add_argument("--repeat", type=int, default=5, help="rounds of the search query mix")
    parser.add_argument("--output", type=Path, default=RESULTS, help="where to write the Markdown results")
    args = parser.parse_args(argv)
    wanted = set(args.only.split(","))
    unknown = wanted - set(SECTIONS)
    if unknown:
        parser.error(f"unknown sections: {', '.join(sorted(unknown))}")
    global RUNS
    if args.smoke:
        RUNS, args.repeat, args.corpora = 1, 1, "seeds"
    started = time.perf_counter()
    # Byte-compile newsreader first, as pip does when it installs a package: an editable install under
    # PYTHONDONTWRITEBYTECODE would otherwise compile every module again in every measured process.
    subprocess.run([PYTHON, "-m", "compileall", "-q", str(Path(__file__).resolve().parent.parent / "tui_reader")])
    described = machine()
    WORK.mkdir(parents=True, exist_ok=True)
    names = {n.strip() for n in args.corpora.split(",") if n.strip()} or None
    corpora = available(quick=args.quick, names=names)
    print(described)
    print("corpora: " + ", ".join(f"{c.name} ({c.files:,} files, {c.bytes / 1e6:.1f} MB)" for c in corpora))
    report = Report()
    if "index" in wanted:
        bench_index(report, corpora)
    if "search" in wanted:
        bench_search(report, corpora, args.repeat)
    if "cli" in wanted:
        bench_cli(report, [c for c in corpora if c.name != "seeds"] or corpora)
    if "tui" in wanted:
        bench_tui(
            report, [c for c in corpora if c.name in ("seeds", SCALE, BIG)], ("0.1",) if args.smoke else ("1", "5")
        )
    if "compare" in wanted:
        bench_compare(report)
    if "annotate" in wanted:
        bench_annotate(report, corpora)
    if "reindex" in wanted:
        bench_reindex(report, corpora)
    report.print_summary()
    args.output.write_text(report.markdown(described, time.perf_counter() - started), encoding="utf-8")
    print(f"\nwritten: {args.output}")


if __name__ == "__main__":
    main()
