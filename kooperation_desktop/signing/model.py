"""Domain objects of signing: a party's signature (on screen or recorded on paper), the version
history and what changed between two versions. Plain dataclasses, no Qt, no SQL."""

from __future__ import annotations

import datetime as dt
import enum
from dataclasses import dataclass, field

# one stroke: the points (x, y) of the pen between pressing and lifting, in pad pixels
Stroke = list[tuple[float, float]]


class SignatureMethod(enum.StrEnum):
    SCREEN = "screen"  # am Bildschirm unterschrieben
    PAPER = "paper"  # auf Papier unterschrieben (recorded afterwards)


@dataclass(slots=True)
class Signature:
    """A party's signature of one agreement version, bound to that version's content hash."""

    agreement_id: int | None = None
    party_key: str = ""  # see parties.SigningParty.key
    signer_name: str = ""
    role: str = ""
    method: SignatureMethod = SignatureMethod.SCREEN
    content_hash: str = ""  # SHA-256 of the version signed
    strokes: list[Stroke] = field(default_factory=list)  # SCREEN only
    pad_width: float = 0.0  # size of the pad the strokes were drawn on
    pad_height: float = 0.0
    image_png: bytes = b""  # SCREEN: the strokes rendered (transparent background)
    place: str = ""
    signed_at: dt.datetime | None = None  # SCREEN: when signed
    signed_on: dt.date | None = None  # the day signed (SCREEN: local date of signed_at; PAPER: as recorded)
    recorded_at: dt.datetime | None = None  # when entered into the app
    note: str = ""
    id: int | None = None


@dataclass(slots=True)
class PartyStatus:
    """A party of a version with its signature (None: not signed yet)."""

    key: str
    name: str
    role_label: str
    signature: Signature | None = None

    @property
    def signed(self) -> bool:
        return self.signature is not None


@dataclass(slots=True)
class VersionEntry:
    """One line of the version history."""

    agreement_id: int
    version: int
    status: str  # AgreementStatus value
    status_label: str  # German
    created_at: dt.datetime | None
    finalised_at: dt.datetime | None
    signed_on: dt.date | None  # the last signature's day when every party has signed
    content_hash: str
    signatures: int  # how many parties signed
    parties: int  # how many parties sign


@dataclass(frozen=True, slots=True)
class Change:
    """One difference between two versions, in German."""

    area: str  # "Ziele", "Indikatoren", "Aufgaben", "Beteiligte", "Rollen", "Vereinbarung", ...
    kind: str  # "hinzugefügt", "entfernt", "geändert"
    what: str  # the thing, e.g. the goal's words
    detail: str = ""  # for "geändert": before → after
