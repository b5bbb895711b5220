"""The portfolio: the ten components' entries, evidence, the closed envelope, submission."""
