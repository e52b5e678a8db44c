"""A regular (non-editable) install carries the seeds as package data and reads them from anywhere."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

from tests.conftest import ROOT, SEED_A, SEED_B


def test_wheel_ships_the_seeds_and_they_load_from_elsewhere(tmp_path: Path) -> None:
    build = subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "--no-build-isolation",
            "-q",
            "-w",
            str(tmp_path),
            str(ROOT),
        ],
        capture_output=True,
        text=True,
    )
    assert build.returncode == 0, build.stderr
    wheel = next(tmp_path.glob("newsreader-*.whl"))
    names = zipfile.ZipFile(wheel).namelist()
    assert f"tui_reader/seeds/{SEED_A}.txt" in names
    assert f"tui_reader/seeds/{SEED_B}.txt" in names
    for name in names:
        if name.startswith("tui_reader/seeds/"):
            shipped = zipfile.ZipFile(wheel).read(name)
            assert shipped == (ROOT / "seeds" / Path(name).name).read_bytes()

    target = tmp_path / "site"
    zipfile.ZipFile(wheel).extractall(target)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    out = subprocess.run(
        [
            sys.executable,
            "-I",
            "-c",
            f"import sys; sys.path[:] = [{str(target)!r}] + [p for p in sys.path if p != {str(ROOT)!r}]\n"
            "from tui_reader.core.corpus import Corpus\n"
            "import tui_reader\n"
            "print(tui_reader.__file__)\n"
            "print(' '.join(a.id for a in Corpus.load().articles))",
        ],
        capture_output=True,
        text=True,
        cwd=elsewhere,
    )
    assert out.returncode == 0, out.stderr
    module_file, ids = out.stdout.strip().splitlines()
    assert module_file.startswith(str(target))
    assert ids == f"{SEED_A} {SEED_B}"
