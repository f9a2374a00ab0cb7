"""Signing in the window: signature pad, sign dialog per party, paper signatures, version history
with differences, sealed export and print, „PDF prüfen…“. Installed by :func:`.actions.install`."""
