"""Estates as use cases: provisioning one, and finding the one a request names."""
