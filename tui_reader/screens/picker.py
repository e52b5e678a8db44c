"""A picker of the other accounts of a story, best match first (for the compare screen's ``p``)."""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from tui_reader.library import Entry


class CandidatePicker(ModalScreen[str | None]):
    """Dismisses with the chosen article id, or None (escape)."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape,q", "dismiss_none", "Cancel")]

    def __init__(self, candidates: list[tuple[Entry | None, float]], current: str | None = None) -> None:
        super().__init__()
        self._candidates = [(e, s) for e, s in candidates if e is not None]
        self._current = current

    def compose(self) -> ComposeResult:
        """The widgets of this screen, top to bottom."""
        with Vertical(id="picker"):
            yield Static(Content.styled("Compare with which account?", "bold"), id="picker-title")
            options = []
            for entry, score in self._candidates:
                mark = "● " if entry.id == self._current else "  "
                meta = " · ".join(p for p in (entry.source, entry.date) if p)
                options.append(
                    Option(
                        Content.assemble(
                            mark, (f"{score:.2f}  ", "dim"), entry.title or "(untitled)", ("\n    " + meta, "dim")
                        ),
                        id=None,
                    )
                )
            yield OptionList(*options, id="picker-list")

    def on_mount(self) -> None:
        """Set up what needs the DOM once mounted."""
        options = self.query_one(OptionList)
        for index, (entry, _) in enumerate(self._candidates):
            if entry.id == self._current:
                options.highlighted = index

    @on(OptionList.OptionSelected)
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(self._candidates[event.option_index][0].id)

    def action_dismiss_none(self) -> None:
        """Close without choosing."""
        self.dismiss(None)
