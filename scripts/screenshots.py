"""Drive newsreader headless over the seed articles and write screenshots/*.svg (``make screenshots``).

Screens: the main screen, a search for 5,500 (after enter), the compare screen of the two seeds, and help.
Uses the real engine (index, annotation, compare) exactly as ``newsreader`` does.
"""

from __future__ import annotations

import asyncio
import os
import sys
import tempfile
from pathlib import Path

from textual.pilot import Pilot
from textual.worker import WorkerCancelled

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tui_reader.app import NewsreaderApp  # noqa: E402
from tui_reader.core.paths import seeds_dir  # noqa: E402
from tui_reader.library import Library  # noqa: E402

OUT = ROOT / "screenshots"
SIZE = (140, 40)
THEME = "textual-dark"


async def settle(pilot: Pilot) -> None:
    """Wait for every worker (and the ones they start), then for the screen to catch up."""
    for _ in range(3):
        for _attempt in range(5):
            try:
                await pilot.app.workers.wait_for_complete()
                break
            except WorkerCancelled:
                continue
        await pilot.pause()


async def shoot() -> list[Path]:
    """Run the app once and save each screen."""
    OUT.mkdir(exist_ok=True)
    written: list[Path] = []
    app = NewsreaderApp(Library([seeds_dir()]), theme=THEME)

    def save(name: str) -> None:
        path = OUT / f"{name}.svg"
        app.save_screenshot(filename=path.name, path=str(OUT))
        written.append(path)

    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        save("main")
        await pilot.press("slash", *"5,500")
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        save("search")
        await pilot.press("c")
        await settle(pilot)
        save("compare")
        await pilot.press("q", "question_mark")
        await settle(pilot)
        save("help")
    return written


def main() -> int:
    """Write the screenshots and list them (with a cache of their own: the pictures never depend on the
    user's cache, and show what a first start shows)."""
    with tempfile.TemporaryDirectory(prefix="newsreader-shots-") as cache:
        os.environ["XDG_CACHE_HOME"] = cache
        for path in asyncio.run(shoot()):
            print(path.relative_to(ROOT))
    return 0


if __name__ == "__main__":
    sys.exit(main())
