"""Dramatiq broker setup, actors and the scheduler."""
