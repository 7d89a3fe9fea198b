"""Billing plans: recurring charges of units, bill runs, late fees and autopay (#18)."""
