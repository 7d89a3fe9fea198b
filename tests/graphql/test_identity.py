from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta

import jwt

from services.identity.tokens import ALGORITHM, ISSUER
from tests.conftest import PASSWORD, GraphQLClient, make_estate, make_settings

LOGIN = "mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token expiresAt user { email } } }"  # noqa: E501
ME = "{ me { id email fullName isPlatformAdmin memberships { role estate { slug } } } }"


async def test_login_returns_a_token_that_identifies_the_user(gql: GraphQLClient) -> None:
    fixture = await make_estate()
    data = await gql.ok(LOGIN, e=fixture.admin_email.upper(), p=PASSWORD)
    assert data["login"]["user"]["email"] == fixture.admin_email
    gql.token = data["login"]["token"]
    me = (await gql.ok(ME))["me"]
    assert me["memberships"] == [{"role": "ADMIN", "estate": {"slug": fixture.slug}}]
    assert me["isPlatformAdmin"] is False


async def test_wrong_password_and_unknown_email_look_the_same(gql: GraphQLClient) -> None:
    fixture = await make_estate()
    wrong = await gql.error(LOGIN, e=fixture.admin_email, p="not-the-password-1")
    unknown = await gql.error(LOGIN, e=f"{uuid.uuid4().hex}@nobody.test", p="whatever-pass-1")
    assert wrong["extensions"]["code"] == unknown["extensions"]["code"] == "UNAUTHENTICATED"
    assert wrong["message"] == unknown["message"]


async def test_failed_logins_are_rate_limited_per_email(gql: GraphQLClient) -> None:
    fixture = await make_estate()
    for _ in range(make_settings().login_attempts_per_email):
        error = await gql.error(LOGIN, e=fixture.admin_email, p="wrong-password-1")
        assert error["extensions"]["code"] == "UNAUTHENTICATED"
    # Locked out now, even with the right password.
    error = await gql.error(LOGIN, e=fixture.admin_email, p=PASSWORD)
    assert error["extensions"]["code"] == "RATE_LIMITED"


async def test_failed_logins_are_rate_limited_per_client_address(gql: GraphQLClient) -> None:
    fixture = await make_estate()
    for attempt in range(make_settings().login_attempts_per_address):
        await gql.error(LOGIN, e=f"nobody{attempt}@nowhere.test", p="wrong-password-1")
    error = await gql.error(LOGIN, e=fixture.admin_email, p=PASSWORD)
    assert error["extensions"]["code"] == "RATE_LIMITED"


async def test_me_requires_a_token(gql: GraphQLClient) -> None:
    error = await gql.error(ME)
    assert error["extensions"]["code"] == "UNAUTHENTICATED"


def _token(secret: str, expires_in: timedelta, sub: str) -> str:
    now = datetime.now(UTC)
    claims = {"sub": sub, "iat": now, "exp": now + expires_in, "iss": ISSUER}
    return jwt.encode(claims, secret, algorithm=ALGORITHM)


async def test_expired_and_forged_tokens_are_unauthenticated(gql: GraphQLClient) -> None:
    fixture = await make_estate()
    await gql.login(fixture.admin_email)
    real = jwt.decode(gql.token or "", options={"verify_signature": False})["sub"]
    secret = make_settings().secret_key
    for token in (
        _token(secret, timedelta(seconds=-5), real),  # expired
        _token("someone-elses-secret-key-0123456789abcdef", timedelta(hours=1), real),  # forged
        "not-a-jwt",
    ):
        gql.token = token
        error = await gql.error(ME)
        assert error["extensions"]["code"] == "UNAUTHENTICATED", token


async def test_a_bad_token_does_not_block_login(gql: GraphQLClient) -> None:
    fixture = await make_estate()
    gql.token = "garbage"
    data = await gql.ok(LOGIN, e=fixture.admin_email, p=PASSWORD)
    assert data["login"]["token"]
