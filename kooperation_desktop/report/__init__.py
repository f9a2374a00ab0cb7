"""The development report to the Jugendamt (Entwicklungsbericht / Bericht zum Hilfeplangespräch).

- :mod:`.model` — the report's dataclasses (the drafted document, the stored report);
- :mod:`.draft` — drafting a report from the case: per goal the levels and GAS T-scores (the
  follow-up's own :mod:`~kooperation_desktop.followup.gas`), successes, the family's voice, disputed
  points, tasks, next steps — with only what the family consented to share with the Jugendamt;
- :mod:`.cli` — ``export-report`` on the command line.

The rules (status, freezing, consent categories, disputed points) are in
:mod:`kooperation_desktop.domain.reports`; the use case in :mod:`kooperation_desktop.usecases.reports`;
the PDF in :mod:`kooperation_desktop.pdf.report`.
"""
