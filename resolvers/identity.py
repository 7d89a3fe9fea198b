from __future__ import annotations

from datetime import timedelta

from resolvers.context import RequestContext
from services.identity import accounts
from services.identity.models import User
from services.identity.tokens import IssuedToken


async def login(ctx: RequestContext, email: str, password: str) -> tuple[User, IssuedToken]:
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
    return user, issued


def me(ctx: RequestContext) -> User:
    return ctx.require_user()
