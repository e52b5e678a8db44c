"""TUI reader speed: first paint of a 1 MB and a 5 MB article, and page-down time, vs Textual's ``Static``.

Run alone with ``python -m bench.tui``; prints one line per measurement. Not a test: nothing is asserted.
Measured on the 2-core machine (headless, 120x40): first paint 1 MB 70 ms, 5 MB 176 ms; page down 83 ms
median (62 ms for a 10 KB article: mostly the Pilot's own round trip); ``Static`` with the same 1 MB 2.3-3.9 s.
"""

from __future__ import annotations

import asyncio
import statistics
import time

from textual.app import App, ComposeResult
from textual.content import Content
from textual.widgets import Static

from tui_reader.core.corpus import Corpus
from tui_reader.core.model import Article
from tui_reader.core.paths import seeds_dir
from tui_reader.widgets.reader import Reader


def big_article(megabytes: float) -> Article:
    """The seed articles' paragraphs repeated to ``megabytes`` of body text."""
    seeds = Corpus.load([seeds_dir()]).articles
    paragraphs = [seeds[i % len(seeds)].body for i in range(len(seeds))]
    unit = "\n\n".join(paragraphs)
    body = "\n\n".join([unit] * (int(megabytes * 1_000_000) // (len(unit) + 2) + 1))
    return Article(id="big", path="big.txt", title=f"A {megabytes:g} MB article", body=body)


class _Bench(App[None]):
    def __init__(self, widget: Reader | Static) -> None:
        super().__init__()
        self.widget = widget

    def compose(self) -> ComposeResult:
        yield self.widget


async def reader_first_paint(article: Article, size: tuple[int, int] = (120, 40)) -> tuple[float, float]:
    """Seconds from ``Reader.show`` to the painted screen, and the median seconds of one page-down."""
    reader = Reader()
    app = _Bench(reader)
    app.animation_level = "none"  # time the drawing, not the scroll animation
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        start = time.perf_counter()
        reader.show(article)
        await pilot.pause()
        first = time.perf_counter() - start
        reader.focus()
        pages = []
        for _ in range(30):
            t = time.perf_counter()
            await pilot.press("pagedown")
            await pilot.pause()
            pages.append(time.perf_counter() - t)
    return first, statistics.median(pages)


async def static_first_paint(article: Article, size: tuple[int, int] = (120, 40)) -> float:
    """The same for a ``Static`` holding the whole body (the reference the design notes measured)."""
    static = Static(Content(""))
    app = _Bench(static)
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        start = time.perf_counter()
        static.update(Content(article.body))
        await pilot.pause()
        return time.perf_counter() - start


def main() -> None:
    """Print first-paint and page-down times for 1 MB and 5 MB articles."""
    for megabytes in (0.01, 1, 5):
        article = big_article(megabytes)
        first, page = asyncio.run(reader_first_paint(article))
        print(f"Reader  {megabytes} MB: first paint {first * 1000:7.1f} ms, page down {page * 1000:5.1f} ms (median)")
        if megabytes == 1:
            static = asyncio.run(static_first_paint(article))
            print(f"Static  {megabytes} MB: first paint {static * 1000:7.1f} ms")


if __name__ == "__main__":
    main()
