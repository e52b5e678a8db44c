"""The search input, docked at the bottom like a pager's ``/``: live as you type, enter to jump, escape to leave."""

from __future__ import annotations

from typing import ClassVar

from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal
from textual.widgets import Input, Label

from tui_reader.messages import SearchClosed, SearchEdited, SearchSubmitted

PLACEHOLDER = 'words, "a phrase", 5,500 or 80%  ·  enter: first match  ·  esc: back to reading'


class SearchInput(Input):
    """The query input. Keys typed right after enter or escape belong to the reader, not to the query.

    A fast typist (or ``tmux send-keys "/" "5,500" Enter "n"``) sends them before focus has moved; they are
    already queued here, so they are passed back to the app, which gives them to the newly focused pane.
    """

    handing_off = False

    async def _on_key(self, event: events.Key) -> None:
        if self.handing_off:
            event.stop()
            event.prevent_default()
            self.call_after_refresh(self.app.post_message, events.Key(event.key, event.character))
            return
        if event.key in ("enter", "escape"):
            self.handing_off = True  # everything after this key is for the pane that gets the focus
        await super()._on_key(event)

    def on_focus(self) -> None:
        """Typing goes into the query again."""
        self.handing_off = False


class SearchBar(Horizontal):
    """A ``/`` prompt and an input; posts ``SearchEdited`` on every change and ``SearchSubmitted`` on enter."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "close", "Leave search", tooltip="Keep the results and go back to reading")
    ]

    def compose(self) -> ComposeResult:
        """The widgets of this screen, top to bottom."""
        yield Label("/", id="search-prompt")
        yield SearchInput(placeholder=PLACEHOLDER, id="search-input", select_on_focus=False)

    @property
    def query(self) -> str:
        """The text in the input."""
        return self.query_one(Input).value

    def open(self) -> None:
        """Show the bar and focus the input (the previous query stays, ready to edit)."""
        self.display = True
        # Focus now, not after a refresh (``Input.focus`` waits for one): keys typed right after ``/`` are
        # already queued and must land in the input, not in the list.
        self.screen.set_focus(self.query_one(Input))

    def clear(self) -> None:
        """Empty the input (which posts ``SearchEdited("")``)."""
        self.query_one(Input).value = ""

    @on(Input.Changed, "#search-input")
    def _changed(self, event: Input.Changed) -> None:
        event.stop()
        self.post_message(SearchEdited(event.value))

    @on(Input.Submitted, "#search-input")
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.post_message(SearchSubmitted(event.value))

    def action_close(self) -> None:
        """Leave the input; hide the bar when the query is empty."""
        if not self.query.strip():
            self.display = False
        self.post_message(SearchClosed())
