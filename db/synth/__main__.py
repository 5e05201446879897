"""``python -m db.synth``: build a synthetic archive (see :mod:`db.synth.cli`)."""

from __future__ import annotations

import sys

from db.synth.cli import main

if __name__ == "__main__":  # the generator's child process imports this module too
    sys.exit(main())
