"""Bitcoin payments: watch-only addresses, locked rates, and the chain watched until
nothing that arrived is left uncredited."""
