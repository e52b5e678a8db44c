"""What reaches the terminal: run the real app and commands on a pseudo-terminal, with hostile articles, and
check that no control sequence carried by article text is ever written (issue 9).

The app itself writes escape sequences to draw; the test looks for the ones the *content* tried to smuggle in:
the hostile texts carry marker payloads (OSC 52 clipboard writes, window titles, CSI screen clears, 8-bit C1
controls, BEL) and the output must contain none of them in any form.
"""

from __future__ import annotations

import fcntl
import json
import os
import pty
import re
import select
import signal
import struct
import subprocess
import sys
import termios
import time
from pathlib import Path

import pytest

NEWSREADER = [sys.executable, "-m", "tui_reader.cli"]

HOSTILE_TITLE = "Harbour \x1b]0;PWNTITLE\x07report \x1b[2J\x9b1;1H with [bold red]markup[/]"
HOSTILE_BODY = (
    "The council met \x1b]52;c;UFdOQ0xJUA==\x07 on Monday and agreed a budget of 5,500 pounds.\n\n"
    "Unterminated \x1b]52;c;UFdOVU5URVJN and the rest of the paragraph stays readable.\n\n"
    "Eight-bit \x9d0;PWN8BIT\x9c controls, a bell \x07 here, \u202ereversed\u202c, and "
    "[@click=app.quit]click me[/] and [link=file:///etc/passwd]a link[/link]."
)
# Byte strings that would show that content reached the terminal as control sequences.
LEAKS = [
    b"\x1b]0;PWNTITLE",
    b"PWNTITLE",
    b"\x1b]52;c;UFdOQ0xJUA",
    b"UFdOQ0xJUA",
    b"\x1b]52;c;UFdOVU5URVJN",
    b"PWN8BIT",
    b"\xe2\x80\xae",  # U+202E RIGHT-TO-LEFT OVERRIDE
]
C1_IN_UTF8 = re.compile(rb"\xc2[\x80-\x9f]")


@pytest.fixture
def hostile_corpus(tmp_path: Path) -> Path:
    root = tmp_path / "corpus"
    root.mkdir()
    (root / "harbour.txt").write_text(f"{HOSTILE_TITLE}\n\n{HOSTILE_BODY}", encoding="utf-8")
    record = {
        "id": "wire-1",
        "title": "Wire \x1b]0;PWNTITLE\x07 story",
        "outlet": "Wire\x9b2J",
        "text": "A wire story about the budget \x1b]52;c;UFdOQ0xJUA==\x07 with 5,500 pounds.",
    }
    (root / "wire.jsonl").write_text(json.dumps(record), encoding="utf-8")
    return root


class Terminal:
    """A child process on a pseudo-terminal of a fixed size, with everything it writes kept."""

    def __init__(self, argv: list[str], env: dict[str, str], size: tuple[int, int] = (120, 40)) -> None:
        self.output = bytearray()
        pid, fd = pty.fork()
        if pid == 0:  # the child: become the program
            os.execvpe(argv[0], argv, env)
        self.pid, self.fd = pid, fd
        cols, rows = size
        fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))

    def read_until(self, needle: bytes, timeout: float = 20.0, since: int = 0) -> bool:
        """Read output until ``needle`` has appeared after offset ``since`` (True) or the deadline passes."""
        deadline = time.monotonic() + timeout
        while needle not in self.output[since:] and time.monotonic() < deadline:
            ready, _, _ = select.select([self.fd], [], [], 0.1)
            if ready:
                try:
                    chunk = os.read(self.fd, 65536)
                except OSError:
                    break
                if not chunk:
                    break
                self.output += chunk
        return needle in self.output[since:]

    def send(self, keys: str) -> None:
        os.write(self.fd, keys.encode())

    def finish(self, timeout: float = 30.0) -> int:
        """Wait for the child to exit (reading all it writes); kill it if it does not."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            pid, status = os.waitpid(self.pid, os.WNOHANG)
            self.read_until(b"\x00never\x00", timeout=0.05)
            if pid:
                os.close(self.fd)
                return os.waitstatus_to_exitcode(status)
        os.kill(self.pid, signal.SIGKILL)
        os.waitpid(self.pid, 0)
        os.close(self.fd)
        return -9


def _env(tmp_path: Path) -> dict[str, str]:
    return {
        **os.environ,
        "TERM": "xterm-256color",
        "COLORTERM": "truecolor",
        "XDG_CACHE_HOME": str(tmp_path / "cache"),
        "PYTHONPATH": os.pathsep.join(sys.path),
    }


def _assert_no_leak(output: bytes) -> None:
    for leak in LEAKS:
        assert leak not in output, f"{leak!r} reached the terminal"
    assert not C1_IN_UTF8.search(output), "an 8-bit control character reached the terminal"


def test_the_app_writes_no_control_sequence_from_content(hostile_corpus: Path, tmp_path: Path) -> None:
    term = Terminal([*NEWSREADER, "--corpus", str(hostile_corpus)], _env(tmp_path))
    try:
        assert term.read_until(b"Harbour"), "the app never showed the article list"
        assert term.read_until(b"index ready"), "the index never finished"
        term.send("\r")  # open the article
        assert term.read_until(b"council met"), "the article never showed"
        term.send("c")  # compare the two articles
        assert term.read_until(b"only in", timeout=20), "compare never opened"
        mark = len(term.output)
        term.send("q")  # back to the list and the reader
        assert term.read_until(b"Search", since=mark), "compare never closed"
        term.send("/")
        term.send("budget")
        assert term.read_until(b"match"), "the search never answered"
        term.send("\r")  # keep the result
        # ctrl+q quits from anywhere, the search input too: no key of this test waits on a focus change (a key
        # sent while the input still had it was typed into the query under load, twice in CI)
        term.send("\x11")
    finally:
        code = term.finish()
    output = bytes(term.output)
    _assert_no_leak(output)
    # The markup-like text was drawn as text (the app ran, quit normally, and showed it literally).
    assert b"[@click=app.quit]" in output
    assert code == 0


@pytest.mark.parametrize(
    "argv",
    [
        ["show", "harbour"],
        ["show", "wire-1"],
        ["search", "budget"],
        ["search", "5,500", "--json"],
        ["compare", "harbour", "wire-1"],
        ["index", "--rebuild"],
    ],
)
def test_commands_write_no_control_sequence_from_content(hostile_corpus: Path, tmp_path: Path, argv: list[str]) -> None:
    env = {**_env(tmp_path), "FORCE_COLOR": "1", "COLUMNS": "120"}
    term = Terminal([*NEWSREADER, *argv, "--corpus", str(hostile_corpus)], env)
    term.read_until(b"\x00never\x00", timeout=0.2)
    code = term.finish(timeout=60)
    assert code == 0, bytes(term.output)[-500:]
    _assert_no_leak(bytes(term.output))


def test_json_output_escapes_nothing_dangerous(hostile_corpus: Path, tmp_path: Path) -> None:
    out = subprocess.run(
        [*NEWSREADER, "show", "harbour", "--json", "--corpus", str(hostile_corpus)],
        capture_output=True,
        env=_env(tmp_path),
        check=True,
    ).stdout
    _assert_no_leak(out)
    data = json.loads(out)
    assert "[@click=app.quit]click me[/]" in data["body"]
    assert "\x1b" not in data["body"] and "\x07" not in data["title"]
