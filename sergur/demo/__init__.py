"""The demo district: Kabupaten Bantul (DI Yogyakarta) with its schools, teachers, the
people around them, and portfolios in every state. `manage.py demo_setup` loads it.

It stands on every other app (it fills their tables through their services), so it is the
top layer of the import-linter contract of the apps: no app imports it.
"""

from __future__ import annotations
