"""Continuous professional development, PKB: plans, activities and credits towards the next rank
(docs/pkb.md).
"""
