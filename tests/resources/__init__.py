"""Tests of the files under resources/ (the Frictionless description of the source data)."""
