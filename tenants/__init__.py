"""Tenancy: the estate registry, tenant scopes, schema routing, provisioning, migrations."""
