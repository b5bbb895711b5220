"""Selection: eligibility, ranking, quota and participant numbers per programme year."""
