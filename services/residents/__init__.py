"""Residents of an estate and the units they occupy (tenant schema)."""
