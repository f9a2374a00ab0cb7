"""Entry script of the frozen app (PyInstaller): the same as the ``kooperation-desktop`` command."""

import sys

from kooperation_desktop_ui.launch import main

if __name__ == "__main__":
    sys.exit(main())
