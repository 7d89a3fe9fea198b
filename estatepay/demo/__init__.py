"""The demo: the estate seeded on the first start of the embedded default (`seed`), and
the fake payment providers it is paid through (`fakes`), also what the tests and the
benchmarks run providers on."""
