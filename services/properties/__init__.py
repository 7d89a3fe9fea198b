"""Properties and their units (tenant schema)."""
