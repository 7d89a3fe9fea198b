"""Payments of bills and wallet deposits, whichever provider carries them."""
