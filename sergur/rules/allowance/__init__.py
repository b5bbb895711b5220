"""The professional allowance as rules: the counted teaching load and eligibility per semester,
the amount, payments and the teaching-load planner (docs/allowance.md)."""
