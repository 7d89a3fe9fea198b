"""What the scheduler and its jobs remember. One module, two apps: `ScheduleClaim` lives in
the shared schema (one schedule for the whole deployment), `JobRun` in each estate's."""

from __future__ import annotations

from tortoise import fields
from tortoise.models import Model

from tenants.scope import TenantModel


class ScheduleClaim(Model):
    """One fire time of one periodic job, claimed by exactly one scheduler process.

    The claims of a job form a chain: each names the slot it follows (`after`), and both
    (job, slot) and (job, after) are unique, so concurrent schedulers can neither fire a
    slot twice nor cover the same missed slots twice. After downtime one claim stands for
    every fire time missed since `after` (`covers` of them): the jobs compute from state as
    of their slot time, so one run does what the missed runs would have done."""

    id = fields.BigIntField(primary_key=True)
    job = fields.CharField(max_length=64)
    slot = fields.DatetimeField()
    after = fields.DatetimeField(null=True)
    covers = fields.IntField(default=1)
    claimed_by = fields.CharField(max_length=200)
    claimed_at = fields.DatetimeField()
    # Set once every message of the slot is sent; a claim left unsent past the lease (its
    # scheduler died in between) is taken over and sent by another scheduler.
    sent_at = fields.DatetimeField(null=True)
    messages = fields.IntField(default=0)

    class Meta:
        app = "shared"
        table = "schedule_claims"
        unique_together = (("job", "slot"), ("job", "after"))
        indexes = (("sent_at", "claimed_at"),)


class JobRun(TenantModel):
    """One scheduled job run for one slot in this estate: repeated deliveries of the same
    message are counted and skipped once it is DONE; a failure keeps its error here (the
    Redis dead-letter queue keeps no traceback)."""

    id = fields.UUIDField(primary_key=True)
    job = fields.CharField(max_length=64)
    slot = fields.DatetimeField()
    # RUNNING, DONE, FAILED (retried), DEAD (retries spent)
    status = fields.CharField(max_length=16, default="RUNNING")
    deliveries = fields.IntField(default=0)
    attempts = fields.IntField(default=0)
    affected = fields.IntField(default=0)  # rows the job changed: bills, reminders, ...
    error: fields.Field[str | None] = fields.TextField(null=True)  # type: ignore[assignment]
    started_at = fields.DatetimeField(auto_now_add=True)
    finished_at = fields.DatetimeField(null=True)

    class Meta:
        app = "tenant"
        table = "job_runs"
        unique_together = (("job", "slot"),)
