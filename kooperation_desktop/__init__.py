"""Kooperation Desktop core: domain, storage, PDF, services. Never imports Qt."""

__version__ = "0.1.0"
