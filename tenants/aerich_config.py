"""The Tortoise configuration that aerich's own CLI reads (see `aerich.ini`).

The application never imports this module: it builds its configuration with
`tenants.database.tortoise_config` and applies migrations itself (`tenants.migrations`).
This is the same configuration for PostgreSQL (`DATABASE_URL`, default a local
`estatepay` database), with aerich's bookkeeping model added to the shared app and
without the tenant router, which aerich's CLI has no use for.
"""

from __future__ import annotations

import os
from typing import Any

from tenants.database import tortoise_config
from tenants.settings import Settings

DEFAULT_DATABASE_URL = "postgres://postgres@127.0.0.1:5432/estatepay"


def aerich_tortoise_config(database_url: str) -> dict[str, Any]:
    config = tortoise_config(Settings(database_url=database_url))
    config.pop("routers", None)
    shared = config["apps"]["shared"]
    shared["models"] = [*shared["models"], "aerich.models"]
    return config


TORTOISE_ORM: dict[str, Any] = aerich_tortoise_config(
    os.environ.get("DATABASE_URL") or DEFAULT_DATABASE_URL
)
