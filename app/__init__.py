"""Kremlin Affair Archive: desktop viewer (Qt) and command line over a read-only archive."""

__version__ = "0.1.0"
