from __future__ import annotations

from tortoise import fields

from tenants.scope import TenantModel


class Account(TenantModel):
    id = fields.UUIDField(primary_key=True)
    # What the account is: "wallet:<wallet id>", "estate:revenue", "platform:fees", ...
    code = fields.CharField(max_length=80)
    kind = fields.CharField(max_length=32)
    currency = fields.CharField(max_length=3)
    # Sum of the account's postings, kept in the same transaction as they are written.
    balance = fields.BigIntField(default=0)
    # Reserved by active holds; available = balance - held.
    held = fields.BigIntField(default=0)
    allow_negative = fields.BooleanField(default=False)
    created_at = fields.DatetimeField(auto_now_add=True)

    class Meta:
        app = "tenant"
        table = "ledger_accounts"
        unique_together = (("code", "currency"),)

    @property
    def available(self) -> int:
        return self.balance - self.held


class JournalEntry(TenantModel):
    id = fields.UUIDField(primary_key=True)
    idempotency_key = fields.CharField(max_length=200, unique=True)
    # Hash of what the entry does, to tell a retry from a different request.
    fingerprint = fields.CharField(max_length=64)
    kind = fields.CharField(max_length=32)
    description = fields.CharField(max_length=500, default="")
    reference = fields.CharField(max_length=100, null=True, db_index=True)
    created_at = fields.DatetimeField(auto_now_add=True)

    class Meta:
        app = "tenant"
        table = "ledger_entries"


class Posting(TenantModel):
    id = fields.BigIntField(primary_key=True)
    entry: fields.ForeignKeyRelation[JournalEntry] = fields.ForeignKeyField(
        "tenant.JournalEntry", related_name="postings", on_delete=fields.RESTRICT
    )
    account: fields.ForeignKeyRelation[Account] = fields.ForeignKeyField(
        "tenant.Account", related_name="postings", on_delete=fields.RESTRICT
    )
    amount = fields.BigIntField()  # signed minor units
    currency = fields.CharField(max_length=3)
    balance_after = fields.BigIntField()
    created_at = fields.DatetimeField(auto_now_add=True)

    entry_id: str
    account_id: str

    class Meta:
        app = "tenant"
        table = "ledger_postings"
        indexes = (("account", "created_at"),)


class Hold(TenantModel):
    id = fields.UUIDField(primary_key=True)
    account: fields.ForeignKeyRelation[Account] = fields.ForeignKeyField(
        "tenant.Account", related_name="holds", on_delete=fields.RESTRICT
    )
    amount = fields.BigIntField()
    status = fields.CharField(max_length=16, default="ACTIVE")  # ACTIVE, POSTED, RELEASED
    idempotency_key = fields.CharField(max_length=200, unique=True)
    reference = fields.CharField(max_length=100, null=True)
    created_at = fields.DatetimeField(auto_now_add=True)

    account_id: str

    class Meta:
        app = "tenant"
        table = "ledger_holds"
