"""Import of teacher master data (NUPTK/Dapodik exports) from CSV and XLSX."""
