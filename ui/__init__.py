"""The PySide6 front end of Kooperation Desktop (the only package that imports Qt).

It shows what :class:`kooperation_desktop.services.Services` returns and calls its use cases;
no SQL and no business rules live here.
"""
