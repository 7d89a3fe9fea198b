"""Fake payment providers: real HTTP servers on 127.0.0.1 that sign their own
webhooks, for the tests and the demo estate."""
