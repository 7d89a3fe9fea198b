"""Resident wallets: balances from the ledger, PINs, freezes, history."""
