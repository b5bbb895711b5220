"""Salary tables, the allowance amount, the SKTP decree and quarterly payment runs
(docs/allowance.md).
"""
