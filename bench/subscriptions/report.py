"""The subscriptions bench's phases and their report: latencies, rates and ratios."""

from __future__ import annotations

import argparse
import math
import statistics
from dataclasses import dataclass, field

from bench.common import (
    load_average,
    log,
)
from bench.subscriptions.world import BURST_CONCURRENCY

# --- reporting ----------------------------------------------------------------------


def percentile(values: list[float], q: float) -> float:
    if not values:
        return math.nan
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, math.ceil(q / 100 * len(ordered)) - 1))]


@dataclass
class Phase:
    latencies: list[float] = field(default_factory=list)
    delivered: int = 0
    expected: int = 0
    seconds: float = 0.0
    server_cpu: float = 0.0

    @property
    def per_second(self) -> float:
        return self.delivered / self.seconds if self.seconds else 0.0

    def ms(self, q: float) -> float:
        return percentile(self.latencies, q) * 1000


def mean_ms(phase: Phase) -> float:
    return statistics.fmean(phase.latencies) * 1000 if phase.latencies else math.nan


def ratio(ours: float, base: float) -> str:
    return f"{ours / base:.2f}x" if base and not math.isnan(base) else "n/a"


def report(
    args: argparse.Namespace,
    ours: Phase,
    base: Phase,
    ours_burst: Phase,
    base_burst: Phase,
    failures: list[str],
    client_cpu: float,
    elapsed: float,
) -> None:
    log()
    log(
        f"{args.subscribers:,} subscribers over 2 API processes ({args.admins} admin "
        f"billUpdated, {args.subscribers - args.admins} resident walletUpdated); "
        f"each payment fans out to {1 + args.admins} deliveries"
    )
    log(f"paced: {args.rounds} x {args.per_round} payments at {args.rate:g}/s")
    log("                          ours     baseline   ratio")
    for q in (50, 99):
        log(
            f"  commit->client p{q}  {ours.ms(q):8.1f} ms {base.ms(q):8.1f} ms  "
            f"{ratio(ours.ms(q), base.ms(q))}"
        )
    log(f"  max                {ours.ms(100):8.1f} ms {base.ms(100):8.1f} ms")
    log(f"  mean               {mean_ms(ours):8.1f} ms {mean_ms(base):8.1f} ms")
    log(
        f"  delivered          {ours.delivered:8,d}    {base.delivered:8,d}     "
        f"(expected {ours.expected:,})"
    )
    log(f"  events/s (offered) {ours.per_second:8.0f}    {base.per_second:8.0f}")
    log(f"burst: {args.burst} payments, {BURST_CONCURRENCY} at a time")
    log(
        f"  events/s delivered {ours_burst.per_second:8.0f}    {base_burst.per_second:8.0f}     "
        f"{ratio(ours_burst.per_second, base_burst.per_second)}"
    )
    log(f"  commit->client p50 {ours_burst.ms(50):8.1f} ms {base_burst.ms(50):8.1f} ms")
    log(f"  commit->client p99 {ours_burst.ms(99):8.1f} ms {base_burst.ms(99):8.1f} ms")
    log(
        f"  delivered          {ours_burst.delivered:8,d}    {base_burst.delivered:8,d}     "
        f"(expected {ours_burst.expected:,})"
    )
    for label, phase in (("paced", ours), ("burst", ours_burst)):
        if phase.delivered:
            log(
                f"server CPU per 1,000 deliveries ({label}): ours "
                f"{phase.server_cpu / phase.delivered * 1000:.2f} s"
            )
    for label, phase in (("paced", base), ("burst", base_burst)):
        if phase.delivered:
            log(
                f"server CPU per 1,000 deliveries ({label}): baseline "
                f"{phase.server_cpu / phase.delivered * 1000:.3f} s"
            )
    log(f"this client process: {client_cpu:.1f} CPU s over {elapsed:.1f} s")
    log(f"{load_average()}")
    if failures:
        log(f"{len(failures)} payments failed, e.g. {failures[0]}")
    log()
    log(
        f"latency_p50_ratio={ratio(ours.ms(50), base.ms(50))} "
        f"latency_p99_ratio={ratio(ours.ms(99), base.ms(99))} "
        f"events_per_second_ratio={ratio(ours_burst.per_second, base_burst.per_second)}"
    )
