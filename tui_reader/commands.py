"""Command palette entries (``ctrl+p``): search, compare, highlight toggles, facts, list order, help.

Each entry runs an action of the screen the palette was opened from, so the palette and the keys can never
disagree. Theme switching comes from Textual's own "Theme" command.
"""

from __future__ import annotations

from functools import partial

from textual.command import DiscoveryHit, Hit, Hits, Provider

# (title, help, action on the main screen, key)
MAIN_COMMANDS: tuple[tuple[str, str, str, str], ...] = (
    ("Search", "Search the corpus as you type", "search", "/"),
    ("Next match", "Go to the next search match", "next_match", "n"),
    ("Previous match", "Go to the previous search match", "previous_match", "N"),
    ("Compare with the closest other account", "Open the split-screen compare", "compare", "c"),
    ("Toggle quotation highlights", "Show or hide quotations and their speakers", "toggle_highlight('quotes')", "1"),
    ("Toggle figure highlights", "Show or hide figures", "toggle_highlight('figures')", "2"),
    ("Toggle search-match highlights", "Show or hide search matches", "toggle_highlight('matches')", "3"),
    ("Toggle facts panel", "The article's quotations and figures as a list", "toggle_facts", "f"),
    ("Change list order", "Newest first, by outlet, by story, corpus order", "cycle_order", "o"),
)
COMPARE_COMMANDS: tuple[tuple[str, str, str, str], ...] = (
    ("Swap sides", "Put the right account on the left", "swap", "s"),
    ("Compare with another account", "Pick another account of this story", "pick", "p"),
    ("Back to the reader", "Leave the compare screen", "app.pop_screen", "q"),
)


class NewsreaderCommands(Provider):
    """The app's own commands for the screen the palette was opened from, plus help."""

    def _commands(self) -> list[tuple[str, str, str, str]]:
        from tui_reader.screens.compare import CompareScreen
        from tui_reader.screens.main import MainScreen

        commands: list[tuple[str, str, str, str]] = []
        if isinstance(self.screen, MainScreen):
            commands.extend(MAIN_COMMANDS)
        elif isinstance(self.screen, CompareScreen):
            commands.extend(COMPARE_COMMANDS)
        commands.append(("Help: keys and highlight legend", "Every key, and what the colours mean", "app.help", "?"))
        return commands

    def _run(self, action: str) -> None:
        self.app.call_later(self.screen.run_action, action)

    async def discover(self) -> Hits:
        """Every command, shown before anything is typed."""
        for title, help_text, action, key in self._commands():
            yield DiscoveryHit(f"{title}  ({key})", partial(self._run, action), help=help_text)

    async def search(self, query: str) -> Hits:
        """Commands whose title fuzzily matches ``query``."""
        matcher = self.matcher(query)
        for title, help_text, action, key in self._commands():
            score = matcher.match(title)
            if score > 0:
                yield Hit(score, matcher.highlight(f"{title}  ({key})"), partial(self._run, action), help=help_text)
