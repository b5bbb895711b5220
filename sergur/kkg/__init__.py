"""Teacher working groups, KKG/MGMP: clusters, programmes, meetings and resource persons
(docs/kkg.md).
"""
