"""Charts drawn from archive DTOs (no SQL here): the sentence-outcome chart."""
