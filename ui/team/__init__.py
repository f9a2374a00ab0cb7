"""Team mode in the window: the status line, „Synchronisieren“, the Konfliktliste and the team view
(:class:`TeamController`, built by the main window only for a data folder connected with a server)."""

from .controller import TeamController

__all__ = ["TeamController"]
