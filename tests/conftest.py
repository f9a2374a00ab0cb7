"""Shared test set-up. Qt runs headless (offscreen) everywhere, set before Qt is imported."""

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
