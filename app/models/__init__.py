"""Qt item models over the data layer (no widgets here)."""
