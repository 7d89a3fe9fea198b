"""The estate dashboard: money collected, owed and overdue, and a revenue series."""
