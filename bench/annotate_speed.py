"""How annotate() scales: seconds per megabyte on big bodies, and on hostile 1 MB bodies (``--adversarial``).

``make bench`` measures annotation throughput on the real corpora and on a 1 MB body; this script adds the
bigger bodies and the hostile ones, which check that every pass stays linear.

Run: `python bench/annotate_speed.py [--sizes 1,5] [--corpus PATH] [--repeat 3]`. Big bodies are made by
repeating real article text (the seeds, plus BBC articles when ../shared/corpora is here), paragraphs kept.
Speed is measured here, never asserted in tests; the machine is shared, so the best of --repeat runs counts.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tui_reader.core.annotate import annotate, find_quotes  # noqa: E402
from tui_reader.core.corpus import Corpus  # noqa: E402
from tui_reader.core.figures import find_figures  # noqa: E402
from tui_reader.core.model import Article  # noqa: E402

SHARED = ROOT.parent / "shared" / "corpora"
# Hostile bodies of about 1 MB: every one must stay linear (a quadratic pass would take minutes here).
ADVERSARIAL = {
    "straight quote marks only": '"' * 1_000_000,
    "apostrophe openers, no closer": "'a " * 330_000,
    "one 1 MB digit run": "1" * 1_000_000,
    "a figure every 6 chars": "1,000 " * 160_000,
    "hyphenated digits": "1-2-" * 250_000,
    "names and speech verbs": "Mr Smith said " * 70_000,
    "curly quotes and singles": "“He said” ‘x’ " * 70_000,
    "endless number words": "two hundred and " * 60_000,
    "one paragraph of attributed quotes": "“We will,” he said. " * 50_000,
    "described speakers and roles": "“We will,” the company said. Chairman Al Smith agreed. " * 18_000,
    "participles and relative clauses": "Smith, who met Jones, rejected it, saying “no.” " * 20_000,
}


def sample_text(limit: int = 400) -> str:
    """Real article text to repeat: the seeds and up to ``limit`` BBC articles."""
    paths = [ROOT / "seeds"]
    bbc = SHARED / "bbc_news" / "politics"
    if bbc.is_dir():
        paths.append(bbc)
    corpus = Corpus.load(paths)
    return "\n\n".join(a.body for a in corpus.articles[:limit])


def best(fn, arg, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn(arg)
        times.append(time.perf_counter() - start)
    return min(times)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1,5", help="body sizes in MB, comma-separated")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--corpus", type=Path, default=SHARED / "bbc_news", help="a corpus to annotate whole")
    parser.add_argument("--adversarial", action="store_true", help="also time hostile 1 MB bodies")
    args = parser.parse_args()

    text = sample_text()
    annotate(Article(id="warm", path="warm", title="warm", body=text))  # compile regexes, fill caches
    print("| body | annotate | s/MB | figures only | quotes only | spans |")
    print("|---|---|---|---|---|---|")
    for size in (float(s) for s in args.sizes.split(",")):
        target = int(size * 1_000_000)
        body = (text + "\n\n") * (target // (len(text) + 2) + 1)
        body = body[:target].rsplit("\n\n", 1)[0]
        article = Article(id="bench", path="bench", title="bench", body=body)
        repeat = args.repeat if size <= 1 else 1
        total = best(annotate, article, repeat)
        figures = best(find_figures, body, repeat)
        quotes = best(find_quotes, article, repeat)
        spans = len(annotate(article))
        mb = len(body.encode()) / 1e6
        print(f"| {mb:.1f} MB | {total:.2f} s | {total / mb:.2f} | {figures:.2f} s | {quotes:.2f} s | {spans} |")

    if args.adversarial:
        print("\n| hostile body (1 MB) | annotate | spans |")
        print("|---|---|---|")
        for name, body in ADVERSARIAL.items():
            article = Article(id="bench", path="bench", title="bench", body=body)
            took = best(annotate, article, 1)
            print(f"| {name} | {took:.2f} s | {len(annotate(article))} |")

    if args.corpus.exists():
        corpus = Corpus.load([args.corpus])
        start = time.perf_counter()
        count = sum(len(annotate(a)) for a in corpus.articles)
        took = time.perf_counter() - start
        n = len(corpus.articles)
        print(f"\n{n} articles of {args.corpus.name}: {took:.2f} s, {n / took:.0f} articles/s, {count} spans")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
