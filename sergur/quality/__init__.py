"""Quality assurance of certified teachers' performance (seed 001's model,
docs/quality-assurance.md)."""
