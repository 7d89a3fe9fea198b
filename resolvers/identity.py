from __future__ import annotations

from datetime import timedelta

from strawberry.types import Info

from resolvers.context import RequestContext
from schema.types import LoginPayload, User
from services.identity import accounts


async def login(info: Info[RequestContext, None], email: str, password: str) -> LoginPayload:
    ctx = info.context
    s = ctx.settings
    policy = accounts.LoginPolicy(
        secret_key=s.secret_key,
        token_lifetime=timedelta(minutes=s.token_lifetime_minutes),
        attempts_per_email=s.login_attempts_per_email,
        attempts_per_address=s.login_attempts_per_address,
        window_seconds=s.login_window_seconds,
    )
    user, issued = await accounts.login(
        email, password, ctx.client_address, policy, ctx.login_failures
    )
    ctx.user = user  # the payload's `user.memberships` is the caller's own
    return LoginPayload(
        token=issued.token, expires_at=issued.expires_at, user=User.from_model(user)
    )


async def me(info: Info[RequestContext, None]) -> User:
    return User.from_model(info.context.require_user())
