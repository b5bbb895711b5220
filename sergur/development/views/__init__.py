"""The PKB pages (docs/pkb.md "On the web")."""
