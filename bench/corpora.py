"""The benchmark corpora: the seeds, bbc_news, bbc_news replicated x10 and x40 with unique paths, and
allsides_general_sample. Replicas are made once under ``bench/.work`` (git-ignored) and reused."""

from __future__ import annotations

import os
import shutil
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("NEWSREADER_CORPORA", ROOT.parent / "shared" / "corpora"))
WORK = Path(os.environ.get("NEWSREADER_BENCH_WORK", Path(__file__).resolve().parent / ".work"))
"""Replicas, FTS5 databases and the index cache of the benchmark (git-ignored; the tests point it elsewhere)."""


@dataclass(frozen=True)
class BenchCorpus:
    """A named corpus folder, how many article files it holds and how many bytes."""

    name: str
    path: Path
    files: int
    bytes: int


def _measure(name: str, path: Path) -> BenchCorpus:
    files = [p for p in path.rglob("*.txt") if p.is_file()]
    return BenchCorpus(name, path, len(files), sum(p.stat().st_size for p in files))


def replicate(source: Path, times: int) -> Path:
    """Copy ``source``'s .txt files ``times`` times into ``bench/.work`` with unique paths (hard links when
    possible: same bytes, no extra disk). Reused when already complete."""
    target = WORK / f"{source.name}-x{times}"
    marker = target / ".complete"
    if marker.exists():
        return target
    if target.exists():
        shutil.rmtree(target)
    files = sorted(p for p in source.rglob("*.txt") if p.is_file())
    for copy in range(times):
        for src in files:
            dst = target / f"copy{copy:02d}" / src.relative_to(source)
            dst.parent.mkdir(parents=True, exist_ok=True)
            try:
                os.link(src, dst)
            except OSError:
                shutil.copyfile(src, dst)
    marker.touch()
    return target


def available(quick: bool = False, names: set[str] | None = None) -> list[BenchCorpus]:
    """The corpora this machine has; ``quick`` leaves out the x40 replica; ``names`` keeps only those named
    (``seeds``, ``bbc_news``, ``bbc_news x10``, ``bbc_news x40``, ``allsides_general_sample``)."""
    out = [c for c in _available(quick, names) if names is None or c.name in names]
    return out


def _available(quick: bool, names: set[str] | None) -> list[BenchCorpus]:
    def wanted(name: str) -> bool:
        return names is None or name in names

    out = [_measure("seeds", ROOT / "seeds")]
    bbc = SHARED / "bbc_news"
    if bbc.exists():
        out.append(_measure("bbc_news", bbc))
        if wanted("bbc_news x10"):
            out.append(_measure("bbc_news x10", replicate(bbc, 10)))
        if not quick and wanted("bbc_news x40"):
            out.append(_measure("bbc_news x40", replicate(bbc, 40)))
    sample = SHARED / "allsides_general_sample"
    if sample.exists():
        out.append(_measure("allsides_general_sample", sample))
    return out
