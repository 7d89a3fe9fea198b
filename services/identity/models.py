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
    # False while the estate has deactivated this person (residents): no access there.
    active = fields.BooleanField(default=True)
    created_at = fields.DatetimeField(auto_now_add=True)

    user_id: str
    estate_id: str

    class Meta:
        app = "shared"
        table = "memberships"
        unique_together = (("user", "estate", "role"),)


class Session(Model):
    """One sign-in: its id is the token's `sid`. A token is good only while its session
    is neither revoked (logout, a password change or reset) nor past `expires_at`."""

    id = fields.UUIDField(primary_key=True)
    user: fields.ForeignKeyRelation[User] = fields.ForeignKeyField(
        "shared.User", related_name="sessions", on_delete=fields.CASCADE
    )
    created_at = fields.DatetimeField(auto_now_add=True)
    expires_at = fields.DatetimeField(db_index=True)
    revoked_at = fields.DatetimeField(null=True)

    user_id: str

    class Meta:
        app = "shared"
        table = "sessions"


class PasswordReset(Model):
    """A reset token sent by email: only its SHA-256 is stored; used once, then spent."""

    id = fields.UUIDField(primary_key=True)
    user: fields.ForeignKeyRelation[User] = fields.ForeignKeyField(
        "shared.User", related_name="password_resets", on_delete=fields.CASCADE
    )
    token_hash = fields.CharField(max_length=64, unique=True)
    created_at = fields.DatetimeField()
    expires_at = fields.DatetimeField()
    used_at = fields.DatetimeField(null=True)

    user_id: str

    class Meta:
        app = "shared"
        table = "password_resets"
