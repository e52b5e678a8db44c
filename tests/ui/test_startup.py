"""The start-up pause of the garbage collector: paused by `newsreader`, resumed (and start-up frozen) once the
list is drawn, and never left off."""

from __future__ import annotations

import gc
from collections.abc import Iterator

import pytest

from tests.ui.conftest import settle
from tui_reader import startup
from tui_reader.cli import main


@pytest.fixture(autouse=True)
def _restore_collector() -> Iterator[None]:
    yield
    startup.resume_collector()
    gc.unfreeze()  # give the rest of the test run its objects back
    gc.enable()


def test_pause_and_resume() -> None:
    startup.pause_collector()
    assert not gc.isenabled() and startup.collector_paused()
    startup.resume_collector()
    assert gc.isenabled() and not startup.collector_paused()
    assert gc.get_freeze_count() > 0  # what start-up made is out of later collections' way
    startup.resume_collector()  # a second resume changes nothing
    assert gc.isenabled()


def test_a_collector_someone_else_turned_off_stays_off() -> None:
    gc.disable()
    startup.pause_collector()
    startup.resume_collector()
    assert not gc.isenabled()  # not ours to turn on


async def test_the_app_resumes_the_collector_once_the_list_is_drawn(make_app) -> None:
    startup.pause_collector()
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        assert app.main.source_list.article_ids()
        assert gc.isenabled() and not startup.collector_paused()


def test_the_tui_command_pauses_the_collector_and_leaves_it_on(monkeypatch: pytest.MonkeyPatch) -> None:
    seen: list[bool] = []

    def fake_run(self: object) -> None:  # stands in for the terminal session
        seen.append(gc.isenabled())

    monkeypatch.setattr("tui_reader.app.NewsreaderApp.run", fake_run)
    assert main([]) == 0
    assert seen == [False]  # the app started with the collector paused
    assert gc.isenabled()  # and the process got it back whatever happened


@pytest.mark.parametrize("whole_process", [True, False])
def test_a_subcommand_is_imported_with_the_collector_paused_and_runs_with_it_on(
    monkeypatch: pytest.MonkeyPatch, whole_process: bool
) -> None:
    """`newsreader search` (argv from the command line) pauses the collector for its imports only; a caller
    of main(argv) keeps its collector as it was."""
    import argparse
    import types

    from tui_reader import cli

    seen: dict[str, bool] = {}

    def run(args: argparse.Namespace, paths: object) -> int:
        seen["run"] = gc.isenabled()
        return 0

    def fake_import(name: str) -> types.ModuleType:
        seen["import"] = gc.isenabled()
        return types.SimpleNamespace(run=run)  # type: ignore[return-value]

    monkeypatch.setattr(cli.importlib, "import_module", fake_import)
    args = cli.build_parser().parse_args(["search", "x"])
    assert cli._dispatch(args, whole_process=whole_process) == 0
    assert seen == {"import": not whole_process, "run": True}
    assert gc.isenabled()
