"""Hardening tests: hostile archives, hostile text, failing printers."""
