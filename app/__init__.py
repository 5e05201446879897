"""Kremlin Affair Archive: desktop viewer (Qt) and command line over a read-only archive."""

__version__ = "0.1.0"

import logging
import sys

# As a library should: without a configured handler (the command line), a logged failure is
# not printed by logging's last-resort handler as a traceback; the GUI logs to a file.
logging.getLogger(__name__).addHandler(logging.NullHandler())

if "shiboken6" in sys.modules:
    # PySide6 was imported first (tests, a script that embeds the window): tame its import
    # hook before the app's own imports pass through it (app.pyside_imports says why).
    from app import pyside_imports  # noqa: F401
