"""The professional allowance (TPG): teaching load per semester and eligibility
(docs/allowance.md).
"""
