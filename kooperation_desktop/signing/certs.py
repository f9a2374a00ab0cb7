"""The organisation's seal: its private key and certificate (PKCS#12) in the data folder.

On first use the app creates an EC P-256 key and a self-signed certificate for the organisation
(name entered once); the key is kept in a password-protected PKCS#12 file. An admin can import
a PKCS#12 issued by the organisation's own CA instead. The certificate(s) are also kept as PEM
beside it, so a PDF can be verified without the password.

Files in ``<data folder>/siegel/``:

* ``organisation.p12`` — key and certificate, encrypted with the seal password,
* ``vertrauen.pem`` — the certificates a seal is checked against (the organisation's
  certificate and, for an imported file, its CA chain),
* ``organisation.json`` — organisation name, when created or imported.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from asn1crypto import pem as asn1_pem
from asn1crypto import x509 as asn1_x509
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.hazmat.primitives.serialization import pkcs12
from cryptography.x509.oid import NameOID

from ..atomic import write_bytes

if TYPE_CHECKING:
    from pyhanko.sign.signers import SimpleSigner
from .errors import SealError, WrongPassword

__all__ = ["SealError", "SealIdentity", "WrongPassword", "create_seal", "has_seal", "identity", "import_seal",
           "load_signer", "seal_dir", "trust_roots"]

SEAL_FOLDER = "siegel"
P12_FILE = "organisation.p12"
TRUST_FILE = "vertrauen.pem"
INFO_FILE = "organisation.json"
MIN_PASSWORD = 8
VALID_YEARS = 10


@dataclass(frozen=True, slots=True)
class SealIdentity:
    """Who seals: shown in the UI and in the stamp (no secrets)."""

    organisation: str
    subject: str  # the certificate's subject, human readable
    valid_from: dt.datetime
    valid_until: dt.datetime
    fingerprint: str  # SHA-256 of the certificate (hex)
    imported: bool


def seal_dir(data_dir: Path) -> Path:
    return Path(data_dir) / SEAL_FOLDER


def has_seal(data_dir: Path) -> bool:
    d = seal_dir(data_dir)
    return (d / P12_FILE).is_file() and (d / TRUST_FILE).is_file()


def _check_new_password(password: str) -> None:
    if len(password) < MIN_PASSWORD:
        raise SealError(f"Das Siegel-Passwort muss mindestens {MIN_PASSWORD} Zeichen lang sein.")


def _identity_of(cert: x509.Certificate, organisation: str, imported: bool) -> SealIdentity:
    return SealIdentity(
        organisation=organisation,
        subject=cert.subject.rfc4514_string(),
        valid_from=cert.not_valid_before_utc,
        valid_until=cert.not_valid_after_utc,
        fingerprint=cert.fingerprint(hashes.SHA256()).hex(),
        imported=imported,
    )


def _store(data_dir: Path, p12: bytes, certs: list[x509.Certificate], organisation: str,
           imported: bool) -> SealIdentity:
    d = seal_dir(data_dir)
    d.mkdir(mode=0o700, parents=True, exist_ok=True)
    write_bytes(d / P12_FILE, p12)
    write_bytes(d / TRUST_FILE, b"".join(c.public_bytes(serialization.Encoding.PEM) for c in certs))
    info = {"organisation": organisation, "imported": imported,
            "stored_at": dt.datetime.now(dt.UTC).isoformat(timespec="seconds")}
    write_bytes(d / INFO_FILE, json.dumps(info, ensure_ascii=False, indent=1).encode("utf-8"))
    return _identity_of(certs[0], organisation, imported)


def create_seal(data_dir: Path, organisation: str, password: str,
                now: dt.datetime | None = None) -> SealIdentity:
    """Create the organisation's EC P-256 key and a self-signed certificate (10 years) and store
    them in the data folder. Refused when a seal exists already."""
    organisation = " ".join(organisation.split())
    if not organisation:
        raise SealError("Bitte den Namen der Organisation (des Trägers) eingeben.")
    _check_new_password(password)
    if has_seal(data_dir):
        raise SealError("Für diesen Datenordner ist schon ein Siegel eingerichtet.")
    now = now or dt.datetime.now(dt.UTC)
    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([
        x509.NameAttribute(NameOID.COMMON_NAME, organisation[:64]),
        x509.NameAttribute(NameOID.ORGANIZATION_NAME, organisation[:64]),
    ])
    cert = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(minutes=5))
        .not_valid_after(now + dt.timedelta(days=365 * VALID_YEARS))
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .add_extension(x509.KeyUsage(digital_signature=True, content_commitment=True, key_encipherment=False,
                                     data_encipherment=False, key_agreement=False, key_cert_sign=True,
                                     crl_sign=False, encipher_only=False, decipher_only=False), critical=True)
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(key.public_key()), critical=False)
        .sign(key, hashes.SHA256())
    )
    p12 = pkcs12.serialize_key_and_certificates(
        b"Siegel", key, cert, None, serialization.BestAvailableEncryption(password.encode("utf-8")))
    return _store(data_dir, p12, [cert], organisation, imported=False)


def import_seal(data_dir: Path, p12_data: bytes, password: str, replace: bool = False) -> SealIdentity:
    """Take the organisation's own PKCS#12 file (key + certificate from its CA). Its password
    becomes the seal password. ``replace=True`` replaces an existing seal."""
    if has_seal(data_dir) and not replace:
        raise SealError("Für diesen Datenordner ist schon ein Siegel eingerichtet.")
    try:
        key, cert, others = pkcs12.load_key_and_certificates(p12_data, password.encode("utf-8") or None)
    except ValueError:
        raise WrongPassword("Die Datei ist keine PKCS#12-Datei oder das Passwort stimmt nicht.") from None
    if key is None or cert is None:
        raise SealError("Die PKCS#12-Datei enthält keinen privaten Schlüssel mit Zertifikat.")
    if not isinstance(key, (ec.EllipticCurvePrivateKey,)) and not hasattr(key, "sign"):
        raise SealError("Dieser Schlüsseltyp kann nicht zum Versiegeln benutzt werden.")
    orgs = cert.subject.get_attributes_for_oid(NameOID.ORGANIZATION_NAME) or \
        cert.subject.get_attributes_for_oid(NameOID.COMMON_NAME)
    organisation = str(orgs[0].value) if orgs else cert.subject.rfc4514_string()
    return _store(data_dir, p12_data, [cert, *others], organisation, imported=True)


def identity(data_dir: Path) -> SealIdentity | None:
    """The stored seal's identity (no password needed), or None when there is none."""
    if not has_seal(data_dir):
        return None
    d = seal_dir(data_dir)
    certs = x509.load_pem_x509_certificates((d / TRUST_FILE).read_bytes())
    try:
        info = json.loads((d / INFO_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        info = {}
    orgs = certs[0].subject.get_attributes_for_oid(NameOID.ORGANIZATION_NAME)
    organisation = info.get("organisation") or (str(orgs[0].value) if orgs else certs[0].subject.rfc4514_string())
    return _identity_of(certs[0], organisation, bool(info.get("imported")))


def trust_roots(data_dir: Path | None) -> list[asn1_x509.Certificate]:
    """The certificates a seal is checked against (empty when this folder has no seal)."""
    if data_dir is None or not has_seal(data_dir):
        return []
    data = (seal_dir(data_dir) / TRUST_FILE).read_bytes()
    return [asn1_x509.Certificate.load(der) for _, _, der in asn1_pem.unarmor(data, multiple=True)]


def load_signer(data_dir: Path, password: str) -> SimpleSigner:  # pyHanko imported lazily: heavy
    """The pyHanko signer for the organisation's key. Raises SealError / WrongPassword."""
    from pyhanko.sign import signers

    if not has_seal(data_dir):
        raise SealError("Es ist noch kein Siegel der Organisation eingerichtet.")
    data = (seal_dir(data_dir) / P12_FILE).read_bytes()
    try:
        signer: SimpleSigner = signers.SimpleSigner.load_pkcs12_data(data, other_certs=[],
                                                                    passphrase=password.encode("utf-8") or None)
    except ValueError:
        raise WrongPassword("Das Siegel-Passwort stimmt nicht.") from None
    return signer


def fingerprint(cert: asn1_x509.Certificate) -> str:
    return hashlib.sha256(cert.dump()).hexdigest()
