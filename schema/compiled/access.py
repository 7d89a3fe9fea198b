"""The read rules of services.access, as SQL: what a viewer may see, and the checks that
send a request back to graphql-core for its error (NOT_FOUND, FORBIDDEN)."""

from __future__ import annotations

from schema.compiled.build import Build, Getter


def viewer_resident(b: Build) -> str:
    """The caller's resident row id in this estate (NULL for none)."""
    if "viewer" not in b.shared:
        user = b.param(lambda request: b.dialect.db_id(request.user_id), "uuid")
        b.shared["viewer"] = f"(SELECT v.id FROM residents v WHERE v.user_id = {user})"
    return b.shared["viewer"]


def visible(b: Build, column: str = "{r}.resident_id") -> str:
    """`visible_rows`: an admin sees every row, a resident their own. A caller who is
    neither gets FORBIDDEN from graphql-core (`RequestContext.viewer`)."""
    if b.is_admin:
        return "1 = 1"
    b.guards.append(f"{viewer_resident(b)} IS NOT NULL")
    return f"{column} = {viewer_resident(b)}"


def visible_resident(b: Build, getter: Getter) -> str:
    """`visible_resident_id`: a resident filter naming one the viewer may ask about (an
    admin: any of the estate's; a resident: themselves); any other is NOT_FOUND."""
    wanted = b.param(lambda request: b.dialect.db_id(getter(request)), "uuid")
    if b.is_admin:
        b.guards.append(f"EXISTS (SELECT 1 FROM residents g WHERE g.id = {wanted})")
    else:
        b.guards.append(f"{wanted} = {viewer_resident(b)}")
    return wanted


def caller_still(b: Build) -> str:
    """The caller is still what the plan was chosen for (`schema.compiled.caller`): an
    active user whose token's session stands (no logout, password change or reset since),
    an active ADMIN membership of the active estate or an active membership without that
    role (a deactivated resident has none), and the estate's time zone and currency
    unchanged."""
    shared = b.dialect.shared_tables
    user = b.param(lambda request: request.user_id, "uuid")
    session = b.param(lambda request: request.session_id, "uuid")
    slug = b.param(lambda request: request.slug, "text")
    zone = b.param(lambda request: request.timezone, "text")
    currency = b.param(lambda request: request.currency, "text")
    member = (
        f"SELECT 1 FROM {shared}memberships m WHERE m.user_id = u.id AND m.estate_id = e.id"
        " AND m.active"
    )
    admin = f"EXISTS ({member} AND m.role = 'ADMIN')"
    role = admin if b.is_admin else f"EXISTS ({member}) AND NOT {admin}"
    standing = (
        f"EXISTS (SELECT 1 FROM {shared}sessions s WHERE s.id = {session} AND s.user_id = u.id"
        " AND s.revoked_at IS NULL)"
    )
    return (
        f"EXISTS (SELECT 1 FROM {shared}users u, {shared}estates e WHERE u.id = {user}"
        f" AND u.is_active AND {standing} AND e.slug = {slug} AND e.status = 'ACTIVE'"
        f" AND e.timezone = {zone} AND e.currency = {currency} AND {role})"
    )
