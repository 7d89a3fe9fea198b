"""One module per domain: authorise and call a service, with plain values in and service
objects out; the schema maps them to GraphQL types."""
