"""Observability: Prometheus metrics, structured logs and the request id that ties a
request's log lines to the jobs it sent."""
