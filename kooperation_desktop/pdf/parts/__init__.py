"""The parts of the agreement PDF, in the order they are printed (see :mod:`..render`).

Each module turns one part of the agreement into flowables: ``cover`` (title, status, document
data), ``parties`` (who takes part, their roles), ``consent`` (the family's consent), ``goals``
(goals and indicators), ``roles_tasks`` (the youth office's mandate, who does what),
``communication`` (meetings and reports), ``timeframe`` (dates and the transition), ``goodwill``
(how we work together, the family's view) and ``signatures``. They share an
:class:`.context.AgreementContext`.
"""
