"""One module per domain: authorise, call a service, map to GraphQL types."""
