"""The sergur command line."""
