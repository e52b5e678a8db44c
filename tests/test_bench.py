"""The benchmark runner still works: every task of ``make bench`` runs once on the seeds (``--smoke``).

Nothing here times anything (speed is measured by ``make bench``, never asserted); it checks that every section
produces rows without errors and that a test run leaves the committed ``bench/results.md`` alone.
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
from pathlib import Path

from tests.conftest import ROOT

RESULTS = ROOT / "bench" / "results.md"


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest() if path.exists() else ""


def test_every_bench_task_runs_on_the_seeds(tmp_path: Path) -> None:
    before = _digest(RESULTS)
    output = tmp_path / "results.md"
    env = {**os.environ, "NEWSREADER_BENCH_WORK": str(tmp_path / "work")}
    done = subprocess.run(
        [sys.executable, "-m", "bench", "--smoke", "--output", str(output)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    text = output.read_text(encoding="utf-8")
    for section in ("## index build", "## search latency (in-process)", "## newsreader search (whole process)"):
        assert section in text
    for section in ("## TUI", "## reader first paint", "## annotation", "## re-index", "## Summary"):
        assert section in text
    rows = [line for line in text.splitlines() if line.startswith("| seeds |")]
    assert len(rows) >= 5, text
    # A task that failed puts its exception's last line in its row.
    assert "Error" not in text and "Traceback" not in text, text
    assert _digest(RESULTS) == before, "a test run must not rewrite the committed bench/results.md"
