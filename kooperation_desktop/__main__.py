"""``python -m kooperation_desktop`` — the same as the ``kooperation-desktop`` command.

The program's entry script, never imported by the core: it starts the launcher of the installed
command (:mod:`ui.launch`), which hands the window to the core's command line.
"""

import sys

if __name__ == "__main__":
    from ui.launch import main

    sys.exit(main())
