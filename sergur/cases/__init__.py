"""The case: one per teacher per programme year, its state and its append-only event log."""
