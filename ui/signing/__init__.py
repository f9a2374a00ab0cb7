"""Signing in the window: signature pad, sign dialog per party, paper signatures, version history
with differences, sealed export and print, „PDF prüfen…“. The main window builds
:class:`.actions.SigningController` and :class:`.export.PdfExport`."""
