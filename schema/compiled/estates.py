"""The estate itself, compiled: `estate` (a shared table: PostgreSQL only)."""

from __future__ import annotations

from graphql import FieldNode, GraphQLField

from schema.compiled.build import Build
from schema.compiled.identity import ESTATE
from schema.compiled.params import shared_tables
from schema.compiled.sql import obj, object_type


def estate(b: Build, d: GraphQLField, nodes: list[FieldNode]) -> str:
    shared = shared_tables(b)
    slug = b.param(lambda request: request.slug, "text")
    value = obj(b, object_type(d), nodes, "r", ESTATE)
    return f"(SELECT {value} FROM {shared}estates r WHERE r.slug = {slug})"
