"""Regions, schools, subjects, teachers and programme years: the master data."""
