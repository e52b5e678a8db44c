"""One measurement a process: ``python -m bench.tasks NAME ARGS...`` prints one JSON object on its last line.

Running each measurement in its own process gives honest peak memory (``ru_maxrss``) and cold imports. Every
task reports wall seconds and CPU seconds (user + system, children included): the machine is shared, and the
CPU time of each side is the steadier figure when other work competes for the cores.
"""

from __future__ import annotations

import json
import resource
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from bench import fts5

# The query mix: (kind, newsreader query, the FTS5 query that asks the same). FTS5's unicode61 tokenizer splits
# "5,500" and "4.75" at the punctuation, so its figure queries are phrases of the parts: the nearest it can ask.
QUERIES: list[tuple[str, str, str]] = [
    ("word", "government", "government"),
    ("word", "election", "election"),
    ("two words", "interest rates", "interest rates"),
    ("two words", "chelsea manager", "chelsea manager"),
    ("phrase", '"prime minister"', '"prime minister"'),
    ("phrase", '"chief executive"', '"chief executive"'),
    ("rare name", "Mourinho", "Mourinho"),
    ("rare name", "Blunkett", "Blunkett"),
    ("figure", "5,500", '"5 500"'),
    ("figure", "4.75%", '"4 75"'),
    ("figure", "£600m", '"600m"'),
    ("common word", "said", "said"),
]


def _cpu() -> float:
    own = resource.getrusage(resource.RUSAGE_SELF)
    kids = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + kids.ru_utime + kids.ru_stime


def _peak_mb() -> float:
    """This process's peak resident memory. Linux's ``ru_maxrss`` starts from the parent's size at the fork (the
    bench runner's), so the kernel's high-water mark of this program's own memory is read instead."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except (OSError, ValueError, IndexError):
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _emit(data: dict[str, Any]) -> None:
    data["peak_mb"] = round(_peak_mb(), 1)
    print(json.dumps(data))


class _Clock:
    """Wall and CPU seconds of a block."""

    def __enter__(self) -> _Clock:
        self.wall, self.cpu = time.perf_counter(), _cpu()
        return self

    def __exit__(self, *exc: object) -> None:
        self.wall = time.perf_counter() - self.wall
        self.cpu = _cpu() - self.cpu


def _percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def _timed_queries(run: Callable[[str], object], queries: list[str], repeat: int) -> dict[str, Any]:
    """p50 / p95 over ``repeat`` rounds of the mix (after one warm-up round), and each query's median."""
    for q in queries:  # warm-up: first touch of each term's postings
        run(q)
    times: list[float] = []
    per_query: dict[str, list[float]] = {q: [] for q in queries}
    for _ in range(repeat):
        for q in queries:
            t = time.perf_counter()
            run(q)
            took = time.perf_counter() - t
            times.append(took)
            per_query[q].append(took)
    return {
        "p50_ms": statistics.median(times) * 1000,
        "p95_ms": _percentile(times, 0.95) * 1000,
        "queries": len(times),
        "per_query_ms": [statistics.median(v) * 1000 for v in per_query.values()],
    }


def warm(corpus: str) -> None:
    """Read every file once so that both engines find them in the page cache (the first reader would pay)."""
    total = 0
    for path in Path(corpus).rglob("*"):
        if path.is_file():
            total += len(path.read_bytes())
    _emit({"bytes": total})


def index_build(corpus: str) -> None:
    """A full newsreader index build (``rebuild=True``) of ``corpus``."""
    with _Clock() as clock:
        from tui_reader.core.index import SearchIndex

        index = SearchIndex.open([Path(corpus)])
        report = index.update(rebuild=True)
    _emit({"seconds": clock.wall, "cpu": clock.cpu, "articles": report.articles, "files": report.files})


def index_update(corpus: str) -> None:
    """An update of an already built index (nothing or a few files changed): the full stat walk."""
    with _Clock() as clock:
        from tui_reader.core.index import SearchIndex

        index = SearchIndex.open([Path(corpus)])
        report = index.update()
    _emit(
        {
            "seconds": clock.wall,
            "cpu": clock.cpu,
            "changed": report.changed + report.added + report.removed,
            "unchanged": report.unchanged,
            "rebuilt": report.rebuilt,
        }
    )


def index_update_quick(corpus: str) -> None:
    """The cheap staleness check the search command and the TUI start with (folder times only)."""
    with _Clock() as clock:
        from tui_reader.core.index import SearchIndex

        index = SearchIndex.open([Path(corpus)])
        index.update(quick=True)
    _emit({"seconds": clock.wall, "cpu": clock.cpu})


def index_search(corpus: str, repeat: str = "5") -> None:
    """In-process search latency over the query mix (index already built): ranked hits with match offsets and
    a snippet each, every hit's text read from its file (no text cache kept between queries)."""
    from tui_reader.core.index import SearchIndex

    index = SearchIndex.open([Path(corpus)])
    index.update(quick=True)

    def run(q: str) -> object:
        index.clear_text_cache()
        return index.search(q, limit=10)

    result = _timed_queries(run, [q for _, q, _ in QUERIES], int(repeat))
    totals = [index.search(q, limit=10).total for _, q, _ in QUERIES]
    _emit({**result, "totals": totals})


def fts5_build(corpus: str, db: str) -> None:
    """SQLite FTS5 build over the same files."""
    with _Clock() as clock:
        n = fts5.build(Path(corpus), Path(db))
    _emit({"seconds": clock.wall, "cpu": clock.cpu, "articles": n})


def fts5_update(corpus: str, db: str) -> None:
    """What an FTS5-based reader does to catch up: stat every file, re-insert the changed ones."""
    with _Clock() as clock:
        changed = fts5.update(Path(corpus), Path(db))
    _emit({"seconds": clock.wall, "cpu": clock.cpu, "changed": changed})


def fts5_search(db: str, repeat: str = "5") -> None:
    """SQLite FTS5 latency over the equivalent query mix (one open connection, as an app would keep): ranked
    rows with a snippet each, as newsreader's hits carry one."""
    con = fts5.connect(Path(db))
    result = _timed_queries(lambda q: fts5.query(con, q), [f for _, _, f in QUERIES], int(repeat))
    totals = [fts5.count(con, f) for _, _, f in QUERIES]
    _emit({**result, "totals": totals})


def annotate_speed(corpus: str) -> None:
    """Annotation throughput (MB/s of body text) over every article of ``corpus``."""
    from tui_reader.core.annotate import annotate
    from tui_reader.core.corpus import Corpus

    articles = Corpus.load([Path(corpus)]).articles
    size = sum(len(a.body.encode()) for a in articles)
    with _Clock() as clock:
        spans = sum(len(annotate(a)) for a in articles)
    _emit({"seconds": clock.wall, "cpu": clock.cpu, "mb": size / 1e6, "spans": spans, "articles": len(articles)})


def annotate_big(corpus: str, megabytes: str = "1") -> None:
    """Annotation of one big body (real paragraphs of ``corpus`` repeated to ``megabytes``): seconds per MB."""
    from tui_reader.core.annotate import annotate
    from tui_reader.core.corpus import Corpus
    from tui_reader.core.model import Article

    text = "\n\n".join(a.body for a in Corpus.load([Path(corpus)]).articles[:400])
    target = int(float(megabytes) * 1_000_000)
    body = ((text + "\n\n") * (target // (len(text) + 2) + 1))[:target].rsplit("\n\n", 1)[0]
    article = Article(id="big", path="big", title="big", body=body)
    annotate(Article(id="warm", path="warm", title="warm", body=text[:20_000]))  # compile patterns, fill caches
    with _Clock() as clock:
        spans = len(annotate(article))
    _emit({"seconds": clock.wall, "cpu": clock.cpu, "mb": len(body.encode()) / 1e6, "spans": spans})


def compare_speed(jsonl: str, id_a: str, id_b: str, repeat: str = "20") -> None:
    """Median time of ``compare(a, b)`` (annotations included, as the TUI and the CLI call it) for two articles of
    a JSONL corpus, and their word counts."""
    from tui_reader.core.annotate import annotate
    from tui_reader.core.compare import compare
    from tui_reader.core.corpus import Corpus

    corpus = Corpus.load([Path(jsonl)])
    a, b = corpus.get(id_a), corpus.get(id_b)
    assert a is not None and b is not None
    compare(a, b)  # warm caches (stemmer, idf)
    times, cpus = [], []
    for _ in range(int(repeat)):
        with _Clock() as clock:
            compare(a, b, spans_a=annotate(a), spans_b=annotate(b))
        times.append(clock.wall)
        cpus.append(clock.cpu)
    _emit(
        {
            "ms": statistics.median(times) * 1000,
            "cpu_ms": statistics.median(cpus) * 1000,
            "words": [len(a.body.split()), len(b.body.split())],
        }
    )


def story_matching(jsonl: str, article_id: str, repeat: str = "3") -> None:
    """``rank_candidates`` for one article against every other article of a JSONL corpus: in memory (profiles
    built each call), and with the index's ``similar()`` as the first cut (what ``newsreader compare A`` and
    the TUI's ``c`` do once the index is built)."""
    from tui_reader.core.compare import rank_candidates
    from tui_reader.core.corpus import Corpus
    from tui_reader.core.index import SearchIndex

    corpus = Corpus.load([Path(jsonl)])
    article = corpus.get(article_id)
    assert article is not None

    def median_ms(pool: Any) -> float:
        times = []
        for _ in range(int(repeat)):
            t = time.perf_counter()
            rank_candidates(article, pool)
            times.append(time.perf_counter() - t)
        return statistics.median(times) * 1000

    in_memory = median_ms(corpus.articles)
    index = SearchIndex.open([Path(jsonl)])
    index.update()
    via_index = median_ms(index)
    _emit({"ms": in_memory, "index_ms": via_index, "pool": len(corpus.articles)})


async def _until(app: Any, pilot: Any, done: Callable[[], object], step: float = 0.005, limit: float = 3600) -> None:
    """Pause the headless app until ``done()``; raise if the app stopped (a worker failed) or time ran out."""
    started = time.perf_counter()
    while not done():
        if not app.is_running or time.perf_counter() - started > limit:
            raise RuntimeError(f"the app stopped or stalled: {getattr(app, '_exception', None)!r}")
        await pilot.pause(step)


def _bare_app() -> Any:
    """The reference: a bare Textual app (Header, Static, Footer)."""
    from textual.app import App, ComposeResult
    from textual.widgets import Footer, Header, Static

    class Bare(App[None]):
        def compose(self) -> ComposeResult:
            yield Header()
            yield Static("hello")
            yield Footer()

    return Bare()


def _first_frame(make_app: Callable[[], Any], ready: Callable[[Any], object], since: float | None = None) -> float:
    """Seconds from making the app (or from ``since``) to its first frame (headless) with ``ready(app)`` true."""
    import asyncio

    from textual.app import App

    drawn: list[float] = []
    original = App._display

    def display(self: Any, screen: Any, renderable: Any) -> None:
        if renderable is not None and not drawn and ready(self):
            drawn.append(time.perf_counter())
        original(self, screen, renderable)

    async def run() -> float:
        t = time.perf_counter() if since is None else since
        app = make_app()
        async with app.run_test(size=(160, 45)) as pilot:
            await _until(app, pilot, lambda: drawn)
            return drawn[0] - t

    App._display = display  # type: ignore[method-assign]
    try:
        return asyncio.run(run())
    finally:
        App._display = original  # type: ignore[method-assign]


def _our_app(corpus: str) -> Any:
    from tui_reader.app import NewsreaderApp
    from tui_reader.library import Library

    return NewsreaderApp(Library([Path(corpus)]))


def _list_drawn(app: Any) -> bool:
    main = getattr(app, "main", None)
    return main is not None and bool(main.source_list.article_ids())


def tui_launch(which: str, corpus: str) -> None:
    """One whole launch in this fresh process: seconds from before importing Textual to the first frame with
    the list filled (``which`` is "ours") or the bare app's first frame ("bare")."""
    t = time.perf_counter()
    if which != "bare":  # as `newsreader` does before importing Textual (tui_reader/startup.py)
        from tui_reader.startup import pause_collector

        pause_collector()
    if which == "bare":
        seconds = _first_frame(_bare_app, lambda app: True, since=t)
    else:
        seconds = _first_frame(lambda: _our_app(corpus), _list_drawn, since=t)
    _emit({"seconds": seconds})


def tui_first_screen(corpus: str, repeat: str = "5") -> None:
    """Headless, seconds from launch to the first frame drawn with the list filled, vs the first frame of a bare
    Textual app (medians, interleaved): in this process (imports done: the app's own start-up), and as whole
    processes (imports included); all after one whole run, which also times the last key of a search to its
    first result (the search bar waits ``SEARCH_DEBOUNCE`` for more keys first)."""
    import asyncio
    import subprocess

    rounds = int(repeat)

    async def search() -> tuple[float, int]:
        app = _our_app(corpus)
        async with app.run_test(size=(160, 45)) as pilot:
            await _until(app, pilot, lambda: app.main._index_state)  # the index worker has finished
            listed = len(app.main.source_list.article_ids())
            await pilot.press("slash", *"governmen")
            t = time.perf_counter()  # from the last key: the Pilot's own round trip per key is not the app's
            await pilot.press("t")
            await _until(app, pilot, lambda: app.main.search_state.active)
            return time.perf_counter() - t, listed

    # A whole run first (index brought up to date, list saved): what every later start finds.
    first_result, listed = asyncio.run(search())
    bare, ours = [], []
    for _ in range(rounds):
        bare.append(_first_frame(_bare_app, lambda app: True))
        ours.append(_first_frame(lambda: _our_app(corpus), _list_drawn))

    def launch(which: str) -> float:
        out = subprocess.run(
            [sys.executable, "-m", "bench.tasks", "tui_launch", which, corpus], capture_output=True, text=True
        )
        return float(json.loads(out.stdout.strip().splitlines()[-1])["seconds"])

    bare_process, ours_process = [], []
    for _ in range(rounds):
        bare_process.append(launch("bare"))
        ours_process.append(launch("ours"))

    _emit(
        {
            "first_screen_s": statistics.median(ours),
            "bare_s": statistics.median(bare),
            "first_screen_process_s": statistics.median(ours_process),
            "bare_process_s": statistics.median(bare_process),
            "first_result_s": first_result,
            "listed": listed,
        }
    )


def tui_memory(corpus: str) -> None:
    """Peak memory of the TUI on ``corpus`` (headless): launch, list filled, index ready (built by the app on a
    first run), twenty articles read, a search and five n.

    ``peak_mb`` is this process (the TUI); ``children_peak_mb`` the largest child (an index build runs in one).
    """
    import asyncio

    from tui_reader.app import NewsreaderApp
    from tui_reader.library import Library

    async def run() -> dict[str, float]:
        t = time.perf_counter()
        app = NewsreaderApp(Library([Path(corpus)]))
        async with app.run_test(size=(160, 45)) as pilot:
            await _until(app, pilot, app.main.source_list.article_ids, 0.01)
            first = time.perf_counter() - t
            await _until(app, pilot, lambda: app.main._index_state, 0.1)
            ready = time.perf_counter() - t
            app.main.source_list.focus()
            for _ in range(20):
                await pilot.press("j")
                await pilot.pause(0.05)
            await app.workers.wait_for_complete()
            await pilot.press("slash", *"government", "enter")
            await _until(app, pilot, lambda: app.main.search_state.active, 0.01)
            for _ in range(5):
                await pilot.press("n")
                await pilot.pause(0.05)
            await app.workers.wait_for_complete()
            return {"first_screen_s": first, "index_ready_s": ready, "articles": len(app.main.by_id)}

    got = asyncio.run(run())
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    _emit({**got, "children_peak_mb": round(children, 1)})


def reader_paint(megabytes: str = "1") -> None:
    """Seconds from ``Reader.show`` of a ``megabytes`` article to the painted screen, the median of one page down
    after it, and the first paint of a Textual ``Static`` holding the whole body (DESIGN's measured fact: 1.55 s
    for 1 MB)."""
    import asyncio

    from textual.app import App, ComposeResult
    from textual.content import Content
    from textual.widgets import Static

    from tui_reader.core.corpus import Corpus
    from tui_reader.core.model import Article
    from tui_reader.core.paths import seeds_dir
    from tui_reader.widgets.reader import Reader

    unit = "\n\n".join(a.body for a in Corpus.load([seeds_dir()]).articles)
    body = "\n\n".join([unit] * (int(float(megabytes) * 1_000_000) // (len(unit) + 2) + 1))
    article = Article(id="big", path="big.txt", title=f"A {megabytes} MB article", body=body)

    class Bench(App[None]):
        def __init__(self, widget: Reader | Static) -> None:
            super().__init__()
            self.widget = widget

        def compose(self) -> ComposeResult:
            yield self.widget

    async def paint(widget: Reader | Static, show: Callable[[], None], pages: int = 0) -> tuple[float, float]:
        app = Bench(widget)
        app.animation_level = "none"  # time the drawing, not the scroll animation
        async with app.run_test(size=(120, 40)) as pilot:
            await pilot.pause()
            t = time.perf_counter()
            show()
            await pilot.pause()
            first = time.perf_counter() - t
            widget.focus()
            times = []
            for _ in range(pages):
                t = time.perf_counter()
                await pilot.press("pagedown")
                await pilot.pause()
                times.append(time.perf_counter() - t)
            return first, statistics.median(times) if times else float("nan")

    reader = Reader()
    static = Static(Content(""))
    ours, page = asyncio.run(paint(reader, lambda: reader.show(article), pages=15))
    ref, _ = asyncio.run(paint(static, lambda: static.update(Content(article.body))))
    _emit({"reader_s": ours, "page_down_s": page, "static_s": ref, "mb": len(body.encode()) / 1e6})


if __name__ == "__main__":
    name, *args = sys.argv[1:]
    globals()[name](*args)
