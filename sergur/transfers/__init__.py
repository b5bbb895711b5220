"""Transfers (mutasi) of a teacher from one district to another (docs/transfers.md)."""
