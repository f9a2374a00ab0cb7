"""Errors of the seal (light module: the command line imports it without loading cryptography)."""

from __future__ import annotations


class SealError(Exception):
    """A German message about the organisation's seal (missing, wrong password, bad file)."""


class WrongPassword(SealError):
    """The seal password does not open the PKCS#12 file."""
