"""Plumbing shared by the apps: no rules live here."""
