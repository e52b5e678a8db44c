"""Speakers before and after a rule change, over articles nobody annotated: the wrong speakers a batch misses.

    python scripts/speaker_diff.py save before.json    # with the old rules checked out (or stashed)
    python scripts/speaker_diff.py save after.json     # with the new ones
    python scripts/speaker_diff.py diff before.json after.json

The sample is every 6th bbc_news article and 250 of allsides_general_sample (../shared/corpora); read every
changed line in its article before keeping a rule.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPORA = ROOT.parent / "shared" / "corpora"


def _sample() -> list[Path]:
    bbc = sorted((CORPORA / "bbc_news").glob("*/*.txt"))[::6]
    allsides = sorted((CORPORA / "allsides_general_sample" / "articles").glob("*.txt"))[:500:2]
    return bbc + allsides


def save(out: Path) -> None:
    """Write every quotation's (start, first words, speaker) of the sample, per file."""
    sys.path.insert(0, str(ROOT))
    from tui_reader.core.annotate import find_quotes
    from tui_reader.core.corpus import discover, read_source

    found: dict[str, list[tuple[int, str, str | None]]] = {}
    for path in _sample():
        for source in discover([path]).files:
            for article in read_source(source)[0]:
                found[str(path.relative_to(CORPORA))] = [
                    (q.start, q.text[:50], q.speaker) for q in find_quotes(article)
                ]
    out.write_text(json.dumps(found), "utf-8")
    print(f"{sum(map(len, found.values()))} quotations in {len(found)} articles -> {out}")


def diff(before: Path, after: Path) -> None:
    """Print each quotation whose speaker changed."""
    old, new = json.loads(before.read_text("utf-8")), json.loads(after.read_text("utf-8"))
    changed = 0
    for name, quotes in new.items():
        for was, now in zip(old.get(name, []), quotes, strict=False):
            if was != now:
                changed += 1
                print(f"{name} | {now[1][:45]} | {was[2]} -> {now[2]}")
    print(f"{changed} changed of {sum(map(len, new.values()))}")


if __name__ == "__main__":
    if len(sys.argv) == 3 and sys.argv[1] == "save":
        save(Path(sys.argv[2]))
    elif len(sys.argv) == 4 and sys.argv[1] == "diff":
        diff(Path(sys.argv[2]), Path(sys.argv[3]))
    else:
        sys.exit(__doc__)
