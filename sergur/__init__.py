"""sergur: in-service teacher certification, end to end."""
