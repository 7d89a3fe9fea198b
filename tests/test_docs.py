"""The API contract ships with the code (docs/API.md), the same as the team's copy."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
# Where the team keeps the contract: `shared/` beside the checkout (as CI lays it out).
CONTRACT = ROOT.parent / "shared" / "API.md"


def test_docs_api_is_the_contract() -> None:
    if not CONTRACT.exists():
        pytest.skip(f"no {CONTRACT} beside this checkout to compare docs/API.md with")
    assert (ROOT / "docs" / "API.md").read_text() == CONTRACT.read_text(), (
        "docs/API.md differs from the contract: copy shared/API.md over it"
    )


def test_readme_links_the_contract() -> None:
    assert "(docs/API.md)" in (ROOT / "README.md").read_text()
