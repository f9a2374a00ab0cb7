"""The signature repository: the signatures of an agreement version (one per party)."""

from __future__ import annotations

import json
from collections.abc import Sequence

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..signing.model import Signature, SignatureMethod, Stroke
from .rows_signing import SignatureRow


def strokes_to_json(strokes: Sequence[Stroke]) -> str:
    """The strokes as stored: JSON ``[[[x, y], ...], ...]``, rounded to 1/100 point."""
    return json.dumps([[[round(x, 2), round(y, 2)] for x, y in s] for s in strokes], separators=(",", ":"))


def strokes_from_json(text: str) -> list[Stroke]:
    if not text:
        return []
    return [[(float(x), float(y)) for x, y in s] for s in json.loads(text)]


def to_domain(row: SignatureRow) -> Signature:
    return Signature(
        agreement_id=row.agreement_id, party_key=row.party_key, signer_name=row.signer_name, role=row.role,
        method=SignatureMethod(row.method), content_hash=row.content_hash, strokes=strokes_from_json(row.strokes),
        pad_width=row.pad_width, pad_height=row.pad_height, image_png=row.image_png or b"", place=row.place,
        signed_at=row.signed_at, signed_on=row.signed_on, recorded_at=row.recorded_at, note=row.note, id=row.id,
    )


def from_domain(signature: Signature, row: SignatureRow) -> SignatureRow:
    assert signature.agreement_id is not None  # a signature is always of a stored version
    row.agreement_id = signature.agreement_id
    row.party_key, row.signer_name, row.role = signature.party_key, signature.signer_name, signature.role
    row.method, row.content_hash = signature.method.value, signature.content_hash
    row.strokes = strokes_to_json(signature.strokes)
    row.pad_width, row.pad_height = float(signature.pad_width), float(signature.pad_height)
    row.image_png, row.place = signature.image_png, signature.place
    row.signed_at, row.signed_on, row.recorded_at = signature.signed_at, signature.signed_on, signature.recorded_at
    row.note = signature.note
    return row


def of_agreement(s: Session, agreement_id: int) -> list[Signature]:
    """All stored signatures of the version (also ones of a different hash, if ever), in order."""
    return [to_domain(r) for r in s.scalars(select(SignatureRow).where(SignatureRow.agreement_id == agreement_id)
                                             .order_by(SignatureRow.id))]


def insert(s: Session, signature: Signature) -> Signature:
    """Store the signature; returns it as stored (with its id)."""
    row = from_domain(signature, SignatureRow())
    s.add(row)
    s.flush()
    return to_domain(row)


def signed_parties(s: Session, agreement_id: int, content_hash: str) -> set[str]:
    """The keys of the parties that signed this content of the version."""
    return set(s.scalars(select(SignatureRow.party_key).where(
        SignatureRow.agreement_id == agreement_id, SignatureRow.content_hash == content_hash)))
