"""Notifications, compiled: `notifications`, the signed-in user's own, with their
deliveries."""

from __future__ import annotations

from graphql import FieldNode, GraphQLField

from schema.compiled.build import Build
from schema.compiled.params import user_param
from schema.compiled.sql import Emitter, Listing, connection, datetime, integer, many, text

DELIVERY: dict[str, Emitter] = {
    "channel": text("{a}.channel"),
    "status": text("{a}.status"),
    "attempts": integer("{a}.attempts"),
    "lastError": text("{a}.last_error"),
    "sentAt": datetime("{a}.sent_at"),
}

NOTIFICATION: dict[str, Emitter] = {
    "id": text("{a}.id"),
    "kind": text("{a}.kind"),
    "title": text("{a}.title"),
    "body": text("{a}.body"),
    "readAt": datetime("{a}.read_at"),
    "createdAt": datetime("{a}.created_at"),
    # `deliveries_by_notification`: by channel (one row per channel).
    "deliveries": many(
        "notification_deliveries", "{r}.notification_id = {a}.id", "{r}.channel", DELIVERY
    ),
}


def notifications(b: Build, d: GraphQLField, nodes: list[FieldNode]) -> str:
    node = nodes[0]
    args = b.plan_args(d, node)
    where = f"{{r}}.user_id = {user_param(b)}"
    if args["unreadOnly"]:  # a Boolean!: its value is part of the plan's shape
        where += " AND {r}.read_at IS NULL"
    listing = Listing("notifications", where, True, NOTIFICATION)
    after = b.arg(d, node, "after") if args["after"] is not None else None
    return connection(b, d, nodes, "root", listing, b.arg(d, node, "first"), after)
