"""Fault tests report what they counted (`faults: ... lost=0 duplicated=0`): the lines go
with the test's report, so pytest's closing summary shows them (tests/conftest.py), from
an xdist worker too, whether or not output is captured."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from tests.faults.throwaway_postgres import throwaway_postgres  # noqa: F401 - a fixture


@pytest.fixture
def fault_report(request: pytest.FixtureRequest) -> Callable[[str], None]:
    def report(line: str) -> None:
        print(line)
        request.node.user_properties.append(("fault", line))

    return report
