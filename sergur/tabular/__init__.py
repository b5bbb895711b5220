"""Tables in files: reading teacher master data from CSV and XLSX files, and writing cells
that are safe to open in a spreadsheet.

Pure Python, no Django: the command line (`sergur rank`) and the web import both read files
through this package, while the rules core (`sergur.rules`) judges only the cells it is given.
It may import the rules core, never Django or the web apps.
"""

from __future__ import annotations
