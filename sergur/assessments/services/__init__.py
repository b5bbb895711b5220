"""Writes of the assessment, one module per step: allocation, sheets and rounds,
reconciliation, decisions and publication, batch jobs."""
