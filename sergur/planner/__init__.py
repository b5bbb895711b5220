"""The district's teaching-load planner: extra hours in other schools so certified teachers reach
the minimum (docs/allowance.md).
"""
