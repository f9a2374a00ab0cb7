"""What the data protection records and lists: audit entries (who, when, which entity, which
action — never content) and the closed cases retention looks at. Plain dataclasses, no storage."""

from __future__ import annotations

import datetime as dt
import getpass
from dataclasses import dataclass

CREATED, CHANGED, DELETED = "created", "changed", "deleted"
# explicit events recorded by the feature services (no row change)
BACKUP, RESTORE, EXPORT, PASSWORD = "backup", "restore", "export", "password"
UNSHARED = "unshared"  # team mode: a case the server no longer shares with this login, removed here
PUSH_REFUSED = "sync_refused"  # team mode: the server refused a case's changes (why: in entity_type, no values)

ACTION_LABELS = {
    CREATED: "angelegt", CHANGED: "geändert", DELETED: "gelöscht", BACKUP: "Datensicherung",
    RESTORE: "wiederhergestellt", EXPORT: "exportiert", PASSWORD: "Passwort geändert",
    UNSHARED: "nicht mehr freigegeben, vom Laptop entfernt",
    PUSH_REFUSED: "Änderungen vom Server nicht angenommen",
}
ENTITY_LABELS = {
    "cases": "Fall", "persons": "Person", "partners": "Kooperationspartner/in", "consents": "Einverständnis",
    "agreements": "Vereinbarung", "goals": "Ziel", "indicators": "Indikator", "roles": "Rolle",
    "tasks": "Aufgabe", "communication_rules": "Kommunikationsregel", "signatures": "Unterschrift",
    "followup_reviews": "Überprüfung", "followup_review_ratings": "Bewertung (Überprüfung)",
    "followup_reflections": "Reflexion", "followup_reflection_ratings": "Bewertung (Reflexion)",
    "followup_transition_plans": "Übergangsplan", "followup_done": "Erledigt-Vermerk",
    "protection_settings": "Einstellung", "reports": "Bericht an das Jugendamt",
    "database": "Datenbank",
}


@dataclass(frozen=True)
class AuditEntry:
    at: dt.datetime
    user: str
    action: str
    entity_type: str
    entity_id: int | None
    case_id: int | None

    @property
    def action_label(self) -> str:
        return ACTION_LABELS.get(self.action, self.action)

    @property
    def entity_label(self) -> str:
        return ENTITY_LABELS.get(self.entity_type, self.entity_type)


def current_user() -> str:
    """The OS user profile name (no client data)."""
    try:
        return getpass.getuser()
    except Exception:  # noqa: BLE001 - no user name in the environment
        return "unbekannt"


def new_entry(action: str, entity_type: str, entity_id: int | None = None, case_id: int | None = None) -> AuditEntry:
    """An entry of ``action`` made now by the current user."""
    return AuditEntry(at=dt.datetime.now(dt.UTC), user=current_user(), action=action, entity_type=entity_type,
                      entity_id=entity_id, case_id=case_id)


@dataclass(frozen=True)
class ClosedCase:
    """A closed (archived) case as retention sees it: ``last_change`` is when it was closed (a
    closed case cannot change any more); None when the database knows no date."""

    case_id: int
    title: str
    file_number: str
    last_change: dt.datetime | None


@dataclass(frozen=True)
class ExpiredCase:
    case_id: int
    title: str
    file_number: str
    closed_on: dt.date
    delete_from: dt.date
