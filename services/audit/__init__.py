"""The estate's audit log: one row per mutation."""
