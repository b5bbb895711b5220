"""The educator certificate, the NRG, public verification and revocation (issue 12 items 5-8,
docs/certificates.md)."""
