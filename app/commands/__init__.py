"""Commands of the ``kremlin-archive`` command line, one module each."""
