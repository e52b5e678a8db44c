"""The core never imports Textual, and the scriptable commands do not either (start-up time)."""

from __future__ import annotations

import pkgutil
import subprocess
import sys

import pytest

import tui_reader.core


def _modules_loaded_after(code: str) -> set[str]:
    out = subprocess.run(
        [sys.executable, "-c", f"{code}\nimport sys\nprint('\\n'.join(sys.modules))"],
        capture_output=True,
        text=True,
        check=True,
    )
    return set(out.stdout.split())


def test_core_modules_never_import_textual() -> None:
    names = [m.name for m in pkgutil.iter_modules(tui_reader.core.__path__, "tui_reader.core.")]
    assert "tui_reader.core.corpus" in names
    loaded = _modules_loaded_after("\n".join(f"import {n}" for n in names))
    assert not {m for m in loaded if m == "textual" or m.startswith("textual.")}


def test_show_command_does_not_import_textual_or_trafilatura() -> None:
    code = (
        "import io, contextlib\n"
        "from tui_reader.cli import main\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        "    main(['show', '000_cbf40d5bed3aab87', '--json'])"
    )
    loaded = _modules_loaded_after(code)
    assert "textual" not in loaded
    assert "trafilatura" not in loaded


def test_search_builds_no_comparison_classes_and_the_model_still_gives_them() -> None:
    """`newsreader search --json` pays for no frozen dataclass of the comparison (import time), while
    ``from tui_reader.core.model import Comparison`` works as for every other class of the model."""
    code = (
        "import io, contextlib\n"
        "from tui_reader.cli import main\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        "    main(['search', '80%', '--json'])"
    )
    loaded = _modules_loaded_after(code)
    assert "tui_reader.core.index" in loaded and "tui_reader.core.comparison_model" not in loaded

    from tui_reader.core import comparison_model, model

    assert model.Comparison is comparison_model.Comparison and model.Sentence is comparison_model.Sentence
    with pytest.raises(AttributeError):
        model.NoSuchClass  # noqa: B018
