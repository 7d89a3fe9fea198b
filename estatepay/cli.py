"""The `estatepay` command."""

from __future__ import annotations

import argparse
import os
import sys
from typing import NoReturn

from pydantic import ValidationError

from estatepay import cli_tenants, serving
from estatepay.cli_common import port_number, positive_int, with_database
from tenants.settings import Settings, UnsafeSettings, get_settings


def cmd_serve(args: argparse.Namespace, settings: Settings) -> int:
    import uvicorn

    from estatepay.app import create_app
    from estatepay.demo.seed import (
        LOGINS,
        configure_demo_gateways,
        fake_provider_routes,
        local_base_url,
        seed_demo,
        walkthrough,
    )

    demo = settings.embedded or args.demo
    # The fakes settle whatever a browser presses Pay on: the demo's only, never production.
    fakes = demo and not settings.is_production
    workers = serving.default_workers(settings) if args.workers is None else args.workers
    if refused := serving.refusal(settings, workers, fakes):
        print(f"error (--workers): {refused}", file=sys.stderr)
        return 2
    settings.check_production_safety()  # before migrating, and not once per child
    pool = serving.pool_per_process(settings, workers)
    base_url = local_base_url(args.host, args.port)

    estates = 0

    # Once, here, before any API process starts: the shared schema to head, the demo seed.
    async def prepare() -> int:
        nonlocal estates
        from tenants.models import Estate

        estates = await Estate.all().count()
        if demo:
            await seed_demo()
            if fakes:
                await configure_demo_gateways(base_url, settings.encryption_key)
        if workers > 1 and (warning := await serving.connection_warning(workers, pool)):
            print(warning, file=sys.stderr)
        return 0

    if failed := with_database(settings, prepare):
        return failed
    if demo:
        print("\nDemo estate 'demo' (send the header X-Tenant: demo). Logins:")
        for login in LOGINS:
            print(f"  {login.role:15} {login.email:30} {login.password}")
        if fakes:
            print(walkthrough(base_url))
    if settings.embedded:
        print(f"\nEmbedded mode: SQLite under {settings.data_dir}/, in-process broker.")
    elif not demo and not estates:
        print(
            "\nNo estate yet. Create the first one (and its admin) with\n"
            "  estatepay tenants create --slug SLUG --name NAME "
            "--admin-email EMAIL --admin-password PASSWORD\n"
            "and a platform operator with\n"
            "  estatepay admin create --email EMAIL --password PASSWORD\n"
            "(or start with --demo for the demo estate)"
        )
    if settings.graphiql_enabled:
        print(f"GraphiQL: {base_url}/graphql")
    print(f"Dashboard: {base_url}/dashboard")
    print(f"Metrics: {base_url}/metrics\n")
    if not settings.embedded:
        print(serving.connections_line(workers, pool))
    if workers > 1:
        os.environ["DB_POOL_MAX_SIZE"] = str(pool)  # the children read their settings anew
        sys.stdout.flush()  # before the children's logs
        return serving.run_processes(args.host, args.port, workers)
    routes = fake_provider_routes(settings, base_url) if fakes else []
    settings = settings.model_copy(update={"db_pool_max_size": pool})
    uvicorn.run(
        create_app(settings, routes),
        host=args.host,
        port=args.port,
        log_level="info",
        log_config=None,  # ours (`serving.configure_logging`), JSON in production
        access_log=False,  # estatepay.access writes the richer line
    )
    return 0


def cmd_admin_create(args: argparse.Namespace, settings: Settings) -> int:
    from services.identity.accounts import create_platform_admin

    async def work() -> int:
        user = await create_platform_admin(args.email, args.password, args.full_name)
        print(f"platform admin {user.email} ready")
        return 0

    return with_database(settings, work)


def cmd_ledger_verify(args: argparse.Namespace, settings: Settings) -> int:
    from services.ledger.verify import verify_ledger
    from tenants.models import Estate
    from tenants.scope import tenant_scope

    async def work() -> int:
        query = Estate.filter(status="ACTIVE").order_by("slug")
        slugs = [str(s) for s in await query.values_list("slug", flat=True)]
        if args.estate and args.estate not in slugs:
            print(f"error (--estate): no active estate {args.estate!r}", file=sys.stderr)
            return 2
        broken = False
        for slug in [args.estate] if args.estate else slugs:
            try:
                async with tenant_scope(slug):
                    problems = await verify_ledger()
            except Exception as exc:  # one broken estate must not hide the others
                problems = [f"could not verify: {type(exc).__name__}: {exc}"]
            for problem in problems:
                print(f"{slug}: {problem}")
            if not problems:
                print(f"{slug}: ok")
            broken = broken or bool(problems)
        return 1 if broken else 0

    return with_database(settings, work)


def cmd_stripe_sync(args: argparse.Namespace, settings: Settings) -> int:
    from estatepay.stripe_sync import sync

    return with_database(settings, lambda: sync(args, settings))


def cmd_worker(args: argparse.Namespace, settings: Settings) -> int:
    from workers.runner import run_worker

    return run_worker(settings, args.threads, args.metrics_port, args.metrics_host)


def cmd_scheduler(args: argparse.Namespace, settings: Settings) -> int:
    from workers.scheduler import run_scheduler

    return run_scheduler(settings)


def cmd_makemigrations(args: argparse.Namespace, settings: Settings) -> int:
    from tenants.migrations import generate

    generate(args.name)
    return 0


def cmd_fakechain(args: argparse.Namespace, settings: Settings) -> int:
    """Drive the demo's fake Bitcoin chain (served by `estatepay serve` under /_fakes/)."""
    import httpx

    from estatepay.demo.bitcoin import CHAIN_PATH

    bodies = {
        "pay": lambda: {"address": args.address, "amountBtc": args.amount_btc},
        "mine": lambda: {"blocks": args.blocks},
        "drop": lambda: {"txid": args.txid},
        "reorg": lambda: {"depth": args.depth},
    }
    url = f"{args.url.rstrip('/')}{CHAIN_PATH}/_control/{args.action}"
    try:
        response = httpx.post(url, json=bodies[args.action](), timeout=10)
    except httpx.HTTPError as exc:
        print(
            f"error (--url): cannot reach {args.url}: {exc} (is estatepay serve running?)",
            file=sys.stderr,
        )
        return 1
    if response.status_code != 200:
        print(f"error: {url} answered {response.status_code}", file=sys.stderr)
        return 1
    print(response.text)
    return 0


class Parser(argparse.ArgumentParser):
    """Bad arguments are one line (not argparse's usage block) and exit code 2."""

    def error(self, message: str) -> NoReturn:
        self.exit(2, f"{self.prog}: error: {message} (see {self.prog} --help)\n")


def parser() -> argparse.ArgumentParser:
    root = Parser(prog="estatepay", description=__doc__)
    commands = root.add_subparsers(dest="command", required=True)

    serve = commands.add_parser("serve", help="run the API server")
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=port_number, default=8000)
    serve.add_argument(
        "--demo",
        action="store_true",
        help="seed the demo estate and serve its fake providers (PostgreSQL)",
    )
    serve.add_argument(
        "--workers",
        type=positive_int,
        metavar="N",
        help="API processes sharing the port (default: the CPU count with "
        "ENVIRONMENT=production, DATABASE_URL and REDIS_URL; else 1). More than 1 needs "
        "DATABASE_URL and REDIS_URL; DB_POOL_MAX_SIZE is per process",
    )
    serve.set_defaults(func=cmd_serve)

    worker = commands.add_parser("worker", help="run background workers (needs REDIS_URL)")
    worker.add_argument("--threads", type=positive_int, default=4)
    worker.add_argument(
        "--metrics-port",
        type=positive_int,
        metavar="PORT",
        help="serve this worker's Prometheus metrics on http://HOST:PORT/metrics",
    )
    worker.add_argument("--metrics-host", default="127.0.0.1", metavar="HOST")
    worker.set_defaults(func=cmd_worker)

    scheduler = commands.add_parser(
        "scheduler",
        help="send the periodic jobs (needs REDIS_URL); run as many as you like: each "
        "fire time is sent once",
    )
    scheduler.set_defaults(func=cmd_scheduler)

    admin = commands.add_parser("admin", help="platform operators").add_subparsers(
        dest="admin_command", required=True
    )
    create_admin = admin.add_parser("create", help="create or reset a platform admin")
    create_admin.add_argument("--email", required=True)
    create_admin.add_argument("--password", required=True)
    create_admin.add_argument("--full-name", default="Platform Admin")
    create_admin.set_defaults(func=cmd_admin_create)

    cli_tenants.add_commands(commands)

    ledger = commands.add_parser("ledger", help="the double-entry ledger").add_subparsers(
        dest="ledger_command", required=True
    )
    verify = ledger.add_parser("verify", help="check every ledger invariant")
    verify.add_argument("--estate", help="one estate's slug (default: every estate)")
    verify.set_defaults(func=cmd_ledger_verify)

    stripe = commands.add_parser("stripe", help="Stripe").add_subparsers(
        dest="stripe_command", required=True
    )
    stripe_sync = stripe.add_parser("sync", help="residents as Stripe customers (idempotent)")
    stripe_sync.add_argument("--estate", help="one estate's slug (default: every estate)")
    stripe_sync.set_defaults(func=cmd_stripe_sync)

    chain = commands.add_parser(
        "fakechain", help="(demo) pay an address, mine blocks on the demo's fake Bitcoin chain"
    )
    chain.add_argument("--url", default="http://127.0.0.1:8000", help="the serving estatepay")
    actions = chain.add_subparsers(dest="action", required=True)
    pay = actions.add_parser("pay", help="a transaction paying ADDRESS, into the mempool")
    pay.add_argument("address")
    pay.add_argument("amount_btc", help='in BTC, e.g. "0.00002"')
    actions.add_parser("mine", help="mine blocks").add_argument(
        "blocks", type=positive_int, nargs="?", default=1
    )
    actions.add_parser("drop", help="drop a mempool transaction").add_argument("txid")
    actions.add_parser("reorg", help="reorg the last DEPTH blocks away").add_argument(
        "depth", type=positive_int
    )
    chain.set_defaults(func=cmd_fakechain)

    make = commands.add_parser(
        "makemigrations", help="(developers) write aerich migrations for model changes"
    )
    make.add_argument("name")
    make.set_defaults(func=cmd_makemigrations)
    return root


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    try:
        settings = get_settings()
    except ValidationError as exc:
        for error in exc.errors():
            name = "_".join(str(part) for part in error["loc"]).upper()
            print(f"error ({name}): {error['msg']}", file=sys.stderr)
        return 2
    serving.configure_logging(settings)
    try:
        return int(args.func(args, settings))
    except UnsafeSettings as exc:
        print(f"error ({exc.setting}): {exc.reason}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
