"""`estatepay stripe sync`: every estate that takes Stripe gets its residents as Stripe
customers and its billing plans as Stripe products and prices, with a progress bar.
Idempotent: a second run sends Stripe nothing new."""

from __future__ import annotations

import argparse
import sys
from functools import partial

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from services.payment_methods import customers
from services.payments.gateways.base import ProviderError, ProviderUnavailable
from services.plans import stripe_products
from tenants.models import Estate
from tenants.settings import Settings

STEPS = (customers.sync_residents, stripe_products.sync_plans)


async def sync(args: argparse.Namespace, settings: Settings) -> int:
    slugs = [
        str(s)
        for s in await Estate.filter(status="ACTIVE")
        .order_by("slug")
        .values_list("slug", flat=True)
    ]
    if args.estate and args.estate not in slugs:
        print(f"error (--estate): no active estate {args.estate!r}", file=sys.stderr)
        return 2
    wanted = [args.estate] if args.estate else slugs
    if args.estate and await customers.stripe_gateway(args.estate, settings.encryption_key) is None:
        print(f"error (--estate): {args.estate} has no active Stripe gateway", file=sys.stderr)
        return 2
    console = Console(stderr=True)
    columns = (
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
    )
    failed = False
    with Progress(*columns, console=console) as progress:
        for slug in wanted:
            total = await customers.count_residents(slug) + await stripe_products.count_plans(slug)
            task = progress.add_task(slug, total=total)
            try:
                report = await customers.sync_estate(
                    slug, settings.encryption_key, STEPS, partial(progress.advance, task)
                )
            except (ProviderError, ProviderUnavailable) as exc:
                progress.update(task, description=f"{slug}: FAILED ({exc.message})")
                failed = True
                continue
            if report.skipped:
                progress.update(task, description=f"{slug}: skipped, {report.skipped}", total=0)
            else:
                progress.update(task, description=f"{slug}: {report.synced} synced")
    return 1 if failed else 0
