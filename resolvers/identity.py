from __future__ import annotations

from datetime import timedelta

from resolvers.context import RequestContext
from services.audit.accounts import record_for_user
from services.errors import RateLimited, ValidationFailed
from services.identity import accounts, profile, recovery
from services.identity.models import User
from services.identity.tokens import IssuedToken
from services.residents import directory

# Wrong current passwords per signed-in user in the login window (a stolen token must
# not become a password oracle).
PASSWORD_CHECKS_PER_USER = 5


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
    ctx.user, ctx.session_id = user, issued.session_id  # the payload's `user.memberships`
    return user, issued


def me(ctx: RequestContext) -> User:
    return ctx.require_user()


async def logout(ctx: RequestContext) -> bool:
    user = ctx.require_user()
    assert ctx.session_id is not None, "an authenticated context has a session"
    await profile.logout(ctx.session_id, ctx.clock())
    await record_for_user(user.id, user.id, "logout", after={"session": str(ctx.session_id)})
    return True


async def update_profile(ctx: RequestContext, data: profile.ProfileInput) -> User:
    user = ctx.require_user()
    updated, before, after = await profile.update_profile(user.id, data)
    if before != after:
        await record_for_user(user.id, user.id, "updateProfile", before=before, after=after)
        await directory.announce_person(user.id)
    ctx.user = updated
    return updated


async def change_password(ctx: RequestContext, current_password: str, new_password: str) -> bool:
    user = ctx.require_user()
    assert ctx.session_id is not None, "an authenticated context has a session"
    key = f"password-check:{user.id}"
    limits = {key: PASSWORD_CHECKS_PER_USER}
    if not await ctx.login_failures.admit(limits, ctx.settings.login_window_seconds):
        raise RateLimited("too many password attempts; try again later")
    try:
        revoked = await profile.change_password(
            user.id, ctx.session_id, current_password, new_password, ctx.clock()
        )
    except ValidationFailed as exc:
        if exc.field != "currentPassword":  # only a wrong password counts
            await ctx.login_failures.release(key)
        raise
    await ctx.login_failures.clear(key)
    await record_for_user(
        user.id, user.id, "changePassword", after={"otherSessionsRevoked": revoked}
    )
    return True


async def request_password_reset(ctx: RequestContext, email: str) -> bool:
    """Always true: whether the email is known shows nowhere, not even in the time taken
    (the lookup and the email are a background job's)."""
    normalized = await recovery.admit_request(email, ctx.client_address, ctx.login_failures)
    if ctx.send_job is None:
        raise RuntimeError("background jobs are not wired into this context")
    await ctx.send_job("send_password_reset", normalized)
    return True


async def reset_password(ctx: RequestContext, token: str, new_password: str) -> bool:
    user = await recovery.reset_password(token, new_password, ctx.clock())
    await record_for_user(user.id, None, "resetPassword", after={"allSessionsRevoked": True})
    return True
