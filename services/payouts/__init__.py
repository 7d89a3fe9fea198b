"""Payouts: estates withdraw their revenue to a bank account, approved by a second admin
(maker-checker) and sent through the estate's transfer provider."""
