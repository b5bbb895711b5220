"""The working-group pages (docs/kkg.md "On the web")."""
