"""``python -m kooperation_desktop`` — the same as the ``kooperation-desktop`` command."""

import sys

from .cli import main

if __name__ == "__main__":
    sys.exit(main())
