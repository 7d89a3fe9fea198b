"""Fault tests print what they counted (`faults: ... lost=0 duplicated=0`) in pytest's
closing summary, whether or not output is captured."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from tests.faults.throwaway_postgres import throwaway_postgres  # noqa: F401 - a fixture

LINES = pytest.StashKey[list[str]]()


@pytest.fixture
def fault_report(request: pytest.FixtureRequest) -> Callable[[str], None]:
    def report(line: str) -> None:
        print(line)
        request.config.stash.setdefault(LINES, []).append(line)

    return report


def pytest_terminal_summary(
    terminalreporter: pytest.TerminalReporter, config: pytest.Config
) -> None:
    lines = config.stash.get(LINES, [])
    if lines:
        terminalreporter.section("fault counts")
        for line in lines:
            terminalreporter.write_line(line)
