"""Users, memberships, passwords, tokens and login throttling (shared schema)."""
