"""Personal data (UU 27/2022): a teacher's own copy of everything held about them, and the
retention rules applied to the records of closed cases (docs/privacy.md)."""
