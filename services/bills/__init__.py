"""Bills: numbering, the lifecycle state machine, creation and summaries."""
