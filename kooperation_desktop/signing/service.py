"""The signing use cases: sign a final version on screen or record a paper signature, keep the
status flow (final → signed → superseded / ended), export sealed PDFs, verify a PDF, and show the
version history with what changed.

``SigningService(db)`` works on one open :class:`~kooperation_desktop.storage.database.Database`
(its queries are in :mod:`kooperation_desktop.storage.signatures` and ``.agreements``). Refused use cases raise
:class:`~kooperation_desktop.domain.rules.RuleViolation` with German messages; seal problems raise
:class:`~.certs.SealError`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING, Any

from ..atomic import write_bytes
from ..domain import labels, rules
from ..domain.model import Agreement, AgreementStatus, Case, Problem
from ..domain.rules import RuleViolation
from ..paths import guard_target
from ..storage import agreements as agreements_repo
from ..storage import cases as cases_repo
from ..storage import reports as reports_repo
from ..storage import signatures as signatures_repo
from ..storage.cases import utc_now
from ..storage.database import Database
from ..usecases.agreements import AgreementService
from ..usecases.cases import CaseService
from . import diff, ink
from .errors import SealError
from .model import Change, PartyStatus, Signature, SignatureMethod, VersionEntry
from .parties import PartyMark, signing_parties
from .seal import Claim, SealReport, SealStatus, local_time, seal_pdf, verify_pdf

if TYPE_CHECKING:
    from .certs import SealIdentity


def _certs() -> ModuleType:
    """The key and certificate module (cryptography, asn1crypto): loaded when first needed, not at start."""
    from . import certs

    return certs



def paper_text(signed_on: dt.date | None) -> str:
    return f"auf Papier unterschrieben am {labels.format_date(signed_on)}"


@dataclass(slots=True)
class ExportResult:
    path: Path
    sealed: bool


@dataclass(slots=True)
class Verification:
    """The seal check of a PDF plus the comparison with this database."""

    report: SealReport
    database: str = ""  # German: what the database says about the claimed version
    database_match: bool | None = None  # None: the version is not in this database
    agreement_id: int | None = None

    @property
    def ok(self) -> bool:
        """Intact seal of this organisation over the entire file, and no contradiction with the
        database (a version not stored here is no contradiction)."""
        return self.report.ok and self.database_match is not False

    @property
    def verdict(self) -> str:
        r = self.report
        if self.ok:
            return "Unverändert: Das Siegel ist gültig und deckt die ganze Datei ab."
        if r.status == SealStatus.INTACT and not r.trusted:
            return "Unverändert, aber von einem unbekannten Aussteller versiegelt (unbekannter Aussteller)."
        if r.status == SealStatus.INTACT:
            return "Das Siegel ist unverändert, aber der Prüfwert stimmt nicht mit der Datenbank überein."
        if r.status == SealStatus.CHANGED:
            return "Verändert: Die Datei wurde nach dem Versiegeln verändert."
        if r.status == SealStatus.UNSEALED:
            return "Nicht versiegelt: Die Datei trägt kein digitales Siegel."
        return "Keine lesbare PDF-Datei."

    def lines(self) -> list[str]:
        r = self.report
        out = [f"Ergebnis: {self.verdict}"]
        if r.signer:
            out.append(f"Versiegelt von: {r.signer}")
        if r.signed_at:
            out.append(f"Versiegelt am: {local_time(r.signed_at)}")
        if r.status in (SealStatus.INTACT, SealStatus.CHANGED) and r.signer:
            out.append("Aussteller: " + ("Zertifikat dieser Organisation" if r.trusted else "unbekannter Aussteller"))
        if r.claim:
            out.append(f"Vereinbarung laut PDF: Dokument-Nr. {r.claim.document_id}, Version {r.claim.version}")
            out.append(f"SHA-256 laut PDF: {r.claim.content_hash}")
        if self.database:
            out.append(f"Datenbank: {self.database}")
        out += [f"Hinweis: {p}" for p in r.problems]
        return out


@dataclass(slots=True)
class SigningOverview:
    """What the sign dialog shows for one version."""

    agreement_id: int
    version: int
    document_id: str
    status: AgreementStatus
    content_hash: str
    parties: list[PartyStatus] = field(default_factory=list)

    @property
    def complete(self) -> bool:
        return bool(self.parties) and all(p.signed for p in self.parties)


class SigningService:
    """Signing, sealing, verifying and version history over one open database."""

    def __init__(self, db: Database):
        self.db = db
        self.agreements = AgreementService(db)
        self.cases = CaseService(db)
        self._signer: Any = None  # the unlocked seal key, kept for this session only

    # --- parties and signatures -----------------------------------------------------------
    def signatures(self, agreement_id: int) -> list[Signature]:
        """All stored signatures of the version (also ones of a different hash, if ever)."""
        with self.db.reading() as s:
            return signatures_repo.of_agreement(s, agreement_id)

    def _overview(self, case: Case, agreement: Agreement, language: str = "de") -> SigningOverview:
        assert agreement.id is not None
        sigs = {s.party_key: s for s in self.signatures(agreement.id)
                if s.content_hash and s.content_hash == agreement.content_hash}
        parties = [PartyStatus(p.key, p.name, p.role_label, sigs.get(p.key))
                   for p in signing_parties(case, agreement, language)]
        return SigningOverview(agreement.id, agreement.version, agreement.document_id, agreement.status,
                               agreement.content_hash, parties)

    def overview(self, agreement_id: int, language: str = "de") -> SigningOverview:
        """The version's parties (the PDF's signature lines) with their signatures; role labels in
        ``language`` (the UI's; stored signatures keep the German ones)."""
        case, agreement = self.agreements.document(agreement_id)
        return self._overview(case, agreement, language)

    @staticmethod
    def _check_signable(agreement: Agreement) -> None:
        v = agreement.version
        if agreement.status == AgreementStatus.DRAFT:
            raise RuleViolation(Problem(
                "status", f"Version {v} ist noch ein Entwurf und kann nicht unterschrieben werden. "
                          "Bitte die Vereinbarung zuerst abschließen; unterschrieben wird immer eine "
                          "abgeschlossene Version."))
        if agreement.status in (AgreementStatus.SUPERSEDED, AgreementStatus.ENDED):
            word = "durch eine neuere Version ersetzt" if agreement.status == AgreementStatus.SUPERSEDED else "beendet"
            raise RuleViolation(Problem("status", f"Version {v} ist {word} und kann nicht mehr unterschrieben werden."))
        if not agreement.content_hash:
            raise RuleViolation(Problem("status",
                                        f"Version {v} hat keinen Prüfwert und kann nicht unterschrieben werden."))

    def _add(self, agreement_id: int, party_key: str, build: Any) -> Signature:
        case, agreement = self.agreements.document(agreement_id)
        self._check_signable(agreement)
        overview = self._overview(case, agreement)
        party = next((p for p in overview.parties if p.key == party_key), None)
        if party is None:
            raise RuleViolation(Problem("party", "Diese Person oder Stelle unterschreibt diese Vereinbarung nicht."))
        if party.signed:
            raise RuleViolation(Problem("party", f"{party.name} hat Version {agreement.version} schon unterschrieben."))
        signature: Signature = build(party)
        signature.agreement_id, signature.party_key = agreement_id, party_key
        signature.content_hash, signature.recorded_at = agreement.content_hash, utc_now()
        with self.db.transaction() as s:
            stored = agreements_repo.find_own(s, agreement_id)
            if stored is None or stored.content_hash != agreement.content_hash or stored.status != agreement.status:
                raise RuleViolation(Problem("status", "Die Vereinbarung wurde inzwischen geändert. Bitte neu öffnen."))
            rules.check_case_writable(cases_repo.status(s, stored.case_id))
            signature = signatures_repo.insert(s, signature)
            signed = signatures_repo.signed_parties(s, agreement_id, agreement.content_hash)
            if stored.status == AgreementStatus.FINAL and all(p.key in signed for p in overview.parties):
                agreements_repo.set_status(s, agreement_id, AgreementStatus.SIGNED)
            return signature

    def sign_on_screen(self, agreement_id: int, party_key: str, strokes: Sequence[Sequence[Sequence[float]]],
                       pad_size: tuple[float, float], place: str, signer_name: str = "",
                       when: dt.datetime | None = None) -> Signature:
        """Store a party's signature drawn on screen (vectors + rendered PNG), bound to the
        version's content hash. When every party has signed, the version becomes SIGNED."""
        width, height = pad_size
        clean = ink.clean(strokes, width, height)
        place = " ".join(place.split())
        if not place:
            raise RuleViolation(Problem("place", "Bitte den Ort eingeben, an dem unterschrieben wird."))
        when = when or utc_now()

        def build(party: PartyStatus) -> Signature:
            return Signature(
                signer_name=" ".join(signer_name.split()) or party.name, role=party.role_label,
                method=SignatureMethod.SCREEN, strokes=clean, pad_width=float(width),
                pad_height=float(height), image_png=ink.render_png(clean, width, height), place=place,
                signed_at=when, signed_on=when.astimezone().date(), note="",
            )

        return self._add(agreement_id, party_key, build)

    def record_paper(self, agreement_id: int, party_key: str, signed_on: dt.date, note: str = "") -> Signature:
        """Record that a party signed the printed version on paper on ``signed_on``."""
        today = dt.date.today()
        if signed_on > today:
            raise RuleViolation(Problem("signed_on", "Das Datum der Unterschrift kann nicht in der Zukunft liegen."))
        case, agreement = self.agreements.document(agreement_id)
        if agreement.finalised_at and signed_on < agreement.finalised_at.astimezone().date():
            raise RuleViolation(Problem(
                "signed_on", f"Version {agreement.version} wurde erst am "
                             f"{labels.format_date(agreement.finalised_at.astimezone().date())} abgeschlossen; "
                             "sie kann nicht vorher unterschrieben worden sein."))

        def build(party: PartyStatus) -> Signature:
            return Signature(signer_name=party.name, role=party.role_label, method=SignatureMethod.PAPER,
                             strokes=[], pad_width=0.0, pad_height=0.0, image_png=b"", place="",
                             signed_at=None, signed_on=signed_on, note=note.strip())

        return self._add(agreement_id, party_key, build)

    def end(self, agreement_id: int) -> Agreement:
        """Mark a final or signed version as ended (the help or the agreement is over)."""
        with self.db.transaction() as s:
            stored = agreements_repo.find_own(s, agreement_id)
            if stored is None:
                raise RuleViolation(Problem("status", f"Die Vereinbarung (Nr. {agreement_id}) wurde nicht gefunden."))
            if stored.status not in (AgreementStatus.FINAL, AgreementStatus.SIGNED):
                label = labels.AGREEMENT_STATUS.get(stored.status, stored.status.value)
                raise RuleViolation(Problem("status",
                                            f"Version {stored.version} ist {label} und kann nicht beendet werden."))
            rules.check_case_writable(cases_repo.status(s, stored.case_id))
            agreements_repo.set_status(s, agreement_id, AgreementStatus.ENDED)
        return self.agreements.get(agreement_id)

    # --- PDF ------------------------------------------------------------------------------
    def marks(self, agreement_id: int) -> dict[str, PartyMark] | None:
        """What each signature line of the PDF shows; None while nobody has signed (empty lines
        to sign on paper)."""
        overview = self.overview(agreement_id)
        if not any(p.signed for p in overview.parties):
            return None
        out: dict[str, PartyMark] = {}
        for p in overview.parties:
            sig = p.signature
            if sig is None:
                out[p.key] = PartyMark(on_paper=True)
            elif sig.method == SignatureMethod.SCREEN:
                out[p.key] = PartyMark(image_png=sig.image_png, place=sig.place, signed_on=sig.signed_on)
            else:
                out[p.key] = PartyMark(on_paper=True, signed_on=sig.signed_on)
        return out

    def render(self, agreement_id: int) -> bytes:
        """The PDF (unsealed) with the signatures drawn on their lines."""
        from ..pdf.render import render_agreement_bytes

        case, agreement = self.agreements.document(agreement_id)
        marks = self.marks(agreement_id) if agreement.status != AgreementStatus.DRAFT else None
        return render_agreement_bytes(case, agreement, signatures=marks)

    def sealed_pdf(self, agreement_id: int, password: str | None = None) -> bytes:
        """The PDF of a finalised version, sealed with the organisation's certificate."""
        case, agreement = self.agreements.document(agreement_id)
        if agreement.status == AgreementStatus.DRAFT:
            raise RuleViolation(Problem("status",
                                        f"Version {agreement.version} ist ein Entwurf und wird nicht versiegelt."))
        signer = self.unlock(password) if password is not None else self._unlocked()
        ident = _certs().identity(self.db.data_dir)
        organisation = ident.organisation if ident else "Organisation"
        data = self.render(agreement_id)
        claim = Claim(agreement.document_id, agreement.version, agreement.content_hash)
        return seal_pdf(data, signer, organisation, claim)

    def needs_seal(self, agreement_id: int) -> bool:
        """True when exporting this version produces a sealed PDF (every non-draft version)."""
        with self.db.reading() as s:
            stored = agreements_repo.find_own(s, agreement_id)
        if stored is None:
            raise RuleViolation(Problem("status", f"Die Vereinbarung (Nr. {agreement_id}) wurde nicht gefunden."))
        return stored.status != AgreementStatus.DRAFT

    def export(self, agreement_id: int, out: Path, password: str | None = None) -> ExportResult:
        """Write the agreement PDF to ``out`` (atomically). A draft stays unsealed (marked
        ENTWURF); every other version is sealed — the seal must be unlocked (or ``password``
        given), else SealError."""
        out = guard_target(out, self.db.data_dir)
        if self.needs_seal(agreement_id):
            data, sealed = self.sealed_pdf(agreement_id, password), True
        else:
            data, sealed = self.render(agreement_id), False
        write_bytes(out, data)
        return ExportResult(out, sealed)

    # --- the seal -------------------------------------------------------------------------
    def seal_identity(self) -> SealIdentity | None:
        ident: SealIdentity | None = _certs().identity(self.db.data_dir)
        return ident

    @property
    def unlocked(self) -> bool:
        return self._signer is not None

    def set_up_seal(self, organisation: str, password: str) -> SealIdentity:
        """First use: create the organisation's key and self-signed certificate; unlocks it."""
        ident: SealIdentity = _certs().create_seal(self.db.data_dir, organisation, password)
        self.unlock(password)
        return ident

    def import_seal(self, p12_data: bytes, password: str, replace: bool = False) -> SealIdentity:
        """Use the organisation's own PKCS#12 (from its CA) instead; unlocks it."""
        ident: SealIdentity = _certs().import_seal(self.db.data_dir, p12_data, password, replace=replace)
        self._signer = None
        self.unlock(password)
        return ident

    def unlock(self, password: str) -> Any:
        """Open the seal key with its password (kept in memory for this session)."""
        self._signer = _certs().load_signer(self.db.data_dir, password)
        return self._signer

    def lock(self) -> None:
        self._signer = None

    def _unlocked(self) -> Any:
        if self._signer is None:
            if not _certs().has_seal(self.db.data_dir):
                raise SealError("Es ist noch kein Siegel der Organisation eingerichtet.")
            raise SealError("Zum Versiegeln wird das Siegel-Passwort gebraucht.")
        return self._signer

    # --- verification ---------------------------------------------------------------------
    def verify_bytes(self, data: bytes) -> Verification:
        report = verify_pdf(data, _certs().trust_roots(self.db.data_dir))
        result = Verification(report)
        claim = report.claim
        if claim is None:
            if report.status != SealStatus.UNREADABLE:
                result.database = "Das PDF nennt keine Vereinbarung (Dokument-Nr., Version, Prüfwert)."
            return result
        with self.db.reading() as s:
            # identified by number, version and SHA-256 together (a data folder from before document
            # numbers were unique may hold the same number and version twice)
            found = agreements_repo.by_document(s, claim.document_id, claim.version)
        row = next((a for a in found if a.content_hash and a.content_hash == claim.content_hash),
                   found[0] if found else None)
        if row is None:
            return self._verify_report(result, claim)
        result.agreement_id = row.id
        result.database_match = bool(row.content_hash) and row.content_hash == claim.content_hash
        status = labels.AGREEMENT_STATUS.get(row.status, row.status.value)
        if result.database_match:
            result.database = (f"Der Prüfwert stimmt mit Version {row.version} in der Datenbank überein "
                               f"(Stand: {status}).")
        else:
            result.database = (f"Der Prüfwert weicht von Version {row.version} in der Datenbank ab: "
                               "Das PDF zeigt nicht den gespeicherten Stand.")
        return result

    def _verify_report(self, result: Verification, claim: Claim) -> Verification:
        """A sealed report to the Jugendamt (usecases/reports.py) names its report number."""
        with self.db.reading() as s:
            sent = reports_repo.by_document(s, claim.document_id)
        if sent is None:
            result.database = "Diese Vereinbarung ist auf diesem Gerät nicht gespeichert."
            return result
        result.database_match = bool(sent.content_hash) and sent.content_hash == claim.content_hash
        result.database = (f"Der Prüfwert stimmt mit dem versendeten Bericht {sent.document_id} in der Datenbank "
                           "überein." if result.database_match else
                           f"Der Prüfwert weicht vom Bericht {sent.document_id} in der Datenbank ab: Das PDF zeigt "
                           "nicht den gespeicherten Stand.")
        return result

    def verify_file(self, path: Path) -> Verification:
        return self.verify_bytes(Path(path).read_bytes())

    # --- versions -------------------------------------------------------------------------
    def history(self, case_id: int) -> list[VersionEntry]:
        """Every version of the case's agreement, newest first, with its signing state."""
        case = self.cases.get(case_id)
        out: list[VersionEntry] = []
        for summ in case.agreements:
            parties = signed = 0
            signed_on: dt.date | None = None
            if summ.status != AgreementStatus.DRAFT:
                ov = self.overview(summ.id)
                parties = len(ov.parties)
                sigs = [p.signature for p in ov.parties if p.signature is not None]
                signed = len(sigs)
                if ov.complete:
                    signed_on = max((s.signed_on for s in sigs if s.signed_on), default=None)
            out.append(VersionEntry(
                agreement_id=summ.id, version=summ.version, status=summ.status.value,
                status_label=labels.AGREEMENT_STATUS.get(summ.status, summ.status.value),
                created_at=summ.created_at, finalised_at=summ.finalised_at, signed_on=signed_on,
                content_hash=summ.content_hash, signatures=signed, parties=parties,
            ))
        return out

    def compare(self, old_agreement_id: int, new_agreement_id: int) -> list[Change]:
        """What changed from one version to another (German), see :mod:`.diff`."""
        document = self.agreements.document
        return diff.compare(document(old_agreement_id), document(new_agreement_id))


def verify_without_database(data: bytes, data_dir: Path | None) -> Verification:
    """The seal check alone (when the database cannot be opened here)."""
    result = Verification(verify_pdf(data, _certs().trust_roots(data_dir)))
    result.database = "Die Datenbank wurde nicht geöffnet; der Prüfwert wurde nicht mit ihr verglichen."
    return result
