"""Review (issue 14): ``conflicts`` on the command line shows when each side changed — in UTC.

The Konfliktliste stores its times as UTC (``UTCDateTime``); the window converts them to local time
(``conflict_choice.value_text``), the command line printed them as they are: a worker in Germany
reads a change made at 00:30 as "23:30" of the day before. Now local time, as in the window; and the
field by the window's German name ("Fall: Aktenzeichen", not "cases.file_number").
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from sync_helpers import file_number_clash

from kooperation_desktop.cli import main


@pytest.fixture
def berlin(monkeypatch) -> Iterator[None]:
    monkeypatch.setenv("TZ", "Europe/Berlin")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


def test_the_command_line_shows_the_conflicts_times_in_local_time(team, tmp_path: Path, capsys,
                                                                   berlin: None) -> None:
    a, b, server = team
    clash = file_number_clash(a, b, server, "Familie Uhrzeit")
    assert clash.local_at is not None and clash.server_at is not None
    here = clash.local_at.astimezone().strftime("%d.%m.%Y %H:%M")
    there = clash.server_at.astimezone().strftime("%d.%m.%Y %H:%M")
    assert clash.local_at.astimezone().utcoffset() != clash.local_at.utcoffset()  # (Berlin is not UTC)
    b.close()
    capsys.readouterr()
    assert main(["conflicts", "--data-dir", str(tmp_path / "ben")]) == 0
    line = capsys.readouterr().out.strip()
    assert f"(ben, {here})" in line and f"(anna, {there})" in line, line
    assert "„Familie Uhrzeit“ (Az. AZ 1-A) Fall: Aktenzeichen – hier: AZ 1-B" in line  # the field by its German name
