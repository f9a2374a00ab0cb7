"""Package data of Kooperation Desktop: fonts, texts, icons, translations, help.

Installed as ``kooperation_desktop_resources``; read it through :mod:`kooperation_desktop.assets`.
"""
