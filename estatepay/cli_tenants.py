"""`estatepay tenants ...`: list, create, migrate and place estates."""

from __future__ import annotations

import argparse
from typing import Any

from estatepay.cli_common import port_number, positive_int, with_database
from tenants.settings import Settings


def cmd_tenants_list(args: argparse.Namespace, settings: Settings) -> int:
    from tenants.models import Estate

    async def work() -> int:
        for estate in await Estate.all().order_by("slug"):
            print(f"{estate.slug}\t{estate.status}\t{estate.currency}\t{estate.name}")
        return 0

    return with_database(settings, work)


def cmd_tenants_create(args: argparse.Namespace, settings: Settings) -> int:
    from services.estates import provisioning

    async def work() -> int:
        estate = await provisioning.create_estate(
            provisioning.EstateInput(
                slug=args.slug,
                name=args.name,
                currency=args.currency,
                timezone=args.timezone,
                admin_email=args.admin_email,
                admin_full_name=args.admin_full_name,
                admin_password=args.admin_password,
            )
        )
        print(f"estate {estate.slug} created")
        return 0

    return with_database(settings, work)


def cmd_tenants_migrate(args: argparse.Namespace, settings: Settings) -> int:
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TimeElapsedColumn

    from services.estates import provisioning

    # The bar on stderr (stdout keeps the summary); each failure one line above it.
    console = Console(stderr=True)
    bar = Progress(
        "[progress.description]{task.description}",
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=console,
    )
    task: Any = None

    def progress(slug: str, done: int, total: int, error: str | None) -> None:
        nonlocal task
        if task is None:
            task = bar.add_task("estates migrated", total=total)
        if error:
            bar.console.print(f"{slug}: FAILED: {error}", markup=False, highlight=False)
        bar.update(task, completed=done)

    async def work() -> int:
        with bar:
            report = await provisioning.migrate_all_estates(args.concurrency, progress)
        print(
            f"{report.estates} estates, {report.applied} migrations applied, "
            f"{len(report.failed)} failed"
        )
        return 1 if report.failed else 0

    return with_database(settings, work)


def cmd_tenants_place(args: argparse.Namespace, settings: Settings) -> int:
    from services.estates import placement

    host, port = args.node

    async def work() -> int:
        move = await placement.place(args.slug, host, port)
        if move.moved:
            print(f"estate {move.slug} moved from {move.source} to {move.target}")
        else:
            print(f"estate {move.slug} is on {move.target} already")
        return 0

    return with_database(settings, work)


def node_address(text: str) -> tuple[str, int]:
    host, colon, port = text.rpartition(":")
    if not colon or not host:
        raise argparse.ArgumentTypeError(f"{text!r} is not HOST:PORT")
    return host, port_number(port)


def add_commands(commands: Any) -> None:
    tenants = commands.add_parser("tenants", help="estates").add_subparsers(
        dest="tenants_command", required=True
    )
    tenants.add_parser("list", help="list estates").set_defaults(func=cmd_tenants_list)
    create = tenants.add_parser("create", help="provision an estate and its first admin")
    for flag in ("slug", "name", "admin-email", "admin-password"):
        create.add_argument(f"--{flag}", required=True)
    create.add_argument("--currency", default="NGN")
    create.add_argument("--timezone", default="Africa/Lagos")
    create.add_argument("--admin-full-name", default="Estate Admin")
    create.set_defaults(func=cmd_tenants_create)
    migrate = tenants.add_parser(
        "migrate",
        help="bring every estate schema to head (killed, run it again: it goes on where "
        "each estate stopped)",
    )
    migrate.add_argument("--concurrency", type=positive_int, default=8, metavar="N")
    migrate.set_defaults(func=cmd_tenants_migrate)
    place = tenants.add_parser(
        "place", help="(Citus) move an estate to another worker while it keeps serving"
    )
    place.add_argument("slug")
    place.add_argument("--node", type=node_address, required=True, metavar="HOST:PORT")
    place.set_defaults(func=cmd_tenants_place)
