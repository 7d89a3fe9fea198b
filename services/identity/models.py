from __future__ import annotations

from tortoise import fields
from tortoise.models import Model

from tenants.models import Estate

ROLES = ("ADMIN", "RESIDENT")
EMAIL_LENGTH = 254  # the longest address a mailbox can have


class User(Model):
    id = fields.UUIDField(primary_key=True)
    email = fields.CharField(max_length=EMAIL_LENGTH, unique=True)  # stored lower-cased
    full_name = fields.CharField(max_length=200)
    phone = fields.CharField(max_length=32, null=True)
    password_hash = fields.CharField(max_length=255)
    is_platform_admin = fields.BooleanField(default=False)
    is_active = fields.BooleanField(default=True)
    created_at = fields.DatetimeField(auto_now_add=True)

    class Meta:
        app = "shared"
        table = "users"


class Membership(Model):
    id = fields.UUIDField(primary_key=True)
    user: fields.ForeignKeyRelation[User] = fields.ForeignKeyField(
        "shared.User", related_name="memberships", on_delete=fields.CASCADE
    )
    estate: fields.ForeignKeyRelation[Estate] = fields.ForeignKeyField(
        "shared.Estate", related_name="memberships", on_delete=fields.CASCADE
    )
    role = fields.CharField(max_length=16)
    created_at = fields.DatetimeField(auto_now_add=True)

    user_id: str
    estate_id: str

    class Meta:
        app = "shared"
        table = "memberships"
        unique_together = (("user", "estate", "role"),)
