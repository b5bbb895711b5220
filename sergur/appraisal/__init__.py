"""The yearly teacher performance appraisal, PKG (docs/pkg.md)."""
