"""GraphiQL without internet: Strawberry's page with its unpkg assets served from the
package (`static/graphiql/`, the same files at the same paths)."""

from __future__ import annotations

import logging
import re
from pathlib import Path

from starlette.routing import BaseRoute, Mount
from starlette.staticfiles import StaticFiles
from strawberry.http.ides import get_graphql_ide_html

log = logging.getLogger(__name__)
ASSETS = Path(__file__).parent / "static" / "graphiql"
PREFIX = "/graphiql/"
_CDN_URL = re.compile(r"https://unpkg\.com/([^\"'\s]+)")


def offline_page() -> str:
    """Strawberry's GraphiQL page, each asset we ship pointed at our copy."""

    def local(match: re.Match[str]) -> str:
        path = match.group(1)
        if (ASSETS / path).is_file():
            return PREFIX + path
        log.warning("GraphiQL asset %s is not shipped: the page loads it from unpkg", path)
        return match.group(0)

    return _CDN_URL.sub(local, get_graphql_ide_html("graphiql"))


def asset_routes() -> list[BaseRoute]:
    return [Mount(PREFIX.rstrip("/"), StaticFiles(directory=ASSETS), name="graphiql")]
