"""The Prometheus series (API.md "Operations"), one registry for the process.

Under `serve --workers N` every API process writes its samples to files in
`PROMETHEUS_MULTIPROC_DIR` (made by the parent, `estatepay.serving`), and a scrape of any
process adds up all of them: prometheus-client's multiprocess mode, chosen by that
variable being set before prometheus-client is first imported."""

from __future__ import annotations

import os
from collections.abc import Iterable

from prometheus_client import (
    CollectorRegistry,
    Counter,
    Gauge,
    Histogram,
    generate_latest,
    multiprocess,
)
from prometheus_client.core import GaugeMetricFamily, Metric
from prometheus_client.registry import Collector

REGISTRY = CollectorRegistry(auto_describe=True)
MULTIPROC_ENV = "PROMETHEUS_MULTIPROC_DIR"

HTTP_REQUESTS = Counter(
    "estatepay_http_requests",
    "HTTP requests answered, by route template, method and status",
    ["route", "method", "status"],
    registry=REGISTRY,
)
HTTP_SECONDS = Histogram(
    "estatepay_http_request_duration_seconds",
    "Time to answer an HTTP request, by route template",
    ["route"],
    registry=REGISTRY,
)
GRAPHQL_OPERATIONS = Counter(
    "estatepay_graphql_operations",
    "GraphQL operations over HTTP, by operation name, type and outcome (ok or the error code)",
    ["operation", "type", "outcome"],
    registry=REGISTRY,
)
GRAPHQL_SECONDS = Histogram(
    "estatepay_graphql_operation_duration_seconds",
    "Time to answer a GraphQL operation over HTTP, by operation name and outcome",
    ["operation", "outcome"],
    buckets=(0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0),
    registry=REGISTRY,
)
WEBHOOK_EVENTS = Counter(
    "estatepay_webhook_events",
    "Provider webhook events by provider and outcome: received (stored), refused (bad "
    "signature or body), processed, ignored, failed (to be retried), dead, replayed",
    ["provider", "outcome"],
    registry=REGISTRY,
)
JOBS = Counter(
    "estatepay_jobs",
    "Background jobs run, by job (Dramatiq actor) and outcome (succeeded, failed)",
    ["actor", "outcome"],
    registry=REGISTRY,
)
PAYMENTS = Counter(
    "estatepay_payments",
    "Payments entering a status (committed), by provider and status",
    ["provider", "status"],
    registry=REGISTRY,
)
LEDGER_ENTRIES = Counter(
    "estatepay_ledger_entries",
    "Journal entries written (committed), by kind",
    ["kind"],
    registry=REGISTRY,
)
OPEN_SUBSCRIPTIONS = Gauge(
    "estatepay_open_subscriptions",
    "GraphQL operations running over WebSockets (subscriptions, mostly)",
    registry=REGISTRY,
    multiprocess_mode="livesum",
)
DB_POOL_IN_USE = Gauge(
    "estatepay_db_pool_connections_in_use",
    "Database connections checked out of the pool, by pool (shared, tenant)",
    ["pool"],
    registry=REGISTRY,
    multiprocess_mode="livesum",
)


def queue_depth(depths: dict[tuple[str, str], int]) -> Collector:
    """`estatepay_queue_depth{queue, state}` as read just now (Redis, or in-process)."""

    class QueueDepth(Collector):
        def collect(self) -> Iterable[Metric]:
            family = GaugeMetricFamily(
                "estatepay_queue_depth",
                "Jobs waiting in the broker, by queue and state (ready, delayed)",
                labels=["queue", "state"],
            )
            for (queue, state), depth in sorted(depths.items()):
                family.add_metric([queue, state], depth)
            yield family

    return QueueDepth()


def exposition(*extra: Collector) -> bytes:
    """The text a scrape answers: every process's samples under `serve --workers N`,
    this process's otherwise; `extra` collectors are read now, in this process."""
    if os.environ.get(MULTIPROC_ENV):
        registry = CollectorRegistry()
        multiprocess.MultiProcessCollector(registry)
    else:
        registry = REGISTRY
    text = generate_latest(registry)
    if extra:
        now = CollectorRegistry()
        for collector in extra:
            now.register(collector)
        text += generate_latest(now)
    return text


def process_exiting(pid: int) -> None:
    """Drop a finished process's live gauges (its counters stay counted)."""
    if os.environ.get(MULTIPROC_ENV):
        multiprocess.mark_process_dead(pid)
