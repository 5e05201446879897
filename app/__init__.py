"""Kremlin Affair Archive: desktop viewer (Qt) and command line over a read-only archive."""

__version__ = "0.1.0"

import logging

# As a library should: without a configured handler (the command line), a logged failure is
# not printed by logging's last-resort handler as a traceback; the GUI logs to a file.
logging.getLogger(__name__).addHandler(logging.NullHandler())
