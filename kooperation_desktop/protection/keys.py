"""Keys: the user's password and the office's recovery key both unlock the database key.

The database (SQLCipher 4) is encrypted with a random 256-bit *database key*, handed to SQLCipher
as a raw key (``PRAGMA key = "x'…'"``). That key is stored only wrapped, in the key file
``kooperation.keys`` beside the database:

- wrapped by the *password*: scrypt(password, random per-database salt) → AES-256-GCM;
- wrapped for the *recovery key* (a random 160-bit code printed once for the office, e.g.
  ``ABCD-EFGH-…``): the recovery key derives an X25519 key pair; only its public half is stored,
  and the database key is sealed to it (ephemeral X25519 + HKDF + AES-GCM). So a new database key
  (change of password = re-key) can be sealed for the recovery key without knowing it.

Nothing readable about a family is in the key file. A wrong password fails the AES-GCM tag check
before the database is even touched.

During a re-key the file briefly holds the old and the new entry (``entries``), so a crash between
re-keying the database and rewriting the key file never locks the user out: at the next unlock
the entry that opens the database is kept (see :mod:`.vault`).
"""

from __future__ import annotations

import base64
import os
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..atomic import fsync_dir as fsync_dir  # re-exported: used by vault, backup, gdpr
from ..atomic import write_bytes as write_atomically

# hashlib (scrypt), json (the key file), unicodedata and cryptography are imported where they are
# used: the password dialog at start does not need them (random bytes come from os.urandom, which
# is what the secrets module hands out)
if TYPE_CHECKING:
    from cryptography.hazmat.primitives.asymmetric.x25519 import (
        X25519PrivateKey,
        X25519PublicKey,
    )

KEY_FILENAME = "kooperation.keys"
FORMAT = "kooperation-desktop-keys"
ENV_PASSPHRASE = "KOOPERATION_PASSPHRASE"
MIN_PASSWORD_LENGTH = 10

# scrypt cost for NEW key files (OWASP's minimum for scrypt: N=2**17, r=8, p=1; 128 MiB and about
# 0.5 s on a laptop). The parameters are stored in the file, so a change here never locks out an
# existing database; a key file with a lower cost is re-wrapped at its next unlock with the password.
SCRYPT_N = 2**17
SCRYPT_R = 8
SCRYPT_P = 1

_AAD_PASSWORD = b"kooperation-desktop/db-key/password/v1"
_AAD_RECOVERY = b"kooperation-desktop/db-key/recovery/v1"
_RECOVERY_BYTES = 20  # 160 bits → 32 base32 characters
_B32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567"


class ProtectionError(Exception):
    """A German message for the user (the database stays untouched)."""


class PassphraseRequired(ProtectionError):
    """The database is (or will be) encrypted and no password was given."""


class WrongPassphrase(ProtectionError):
    """Neither the password nor a recovery key given opens the database."""


class KeyFileDamaged(ProtectionError):
    """The key file beside the database cannot be read."""


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _unb64(text: str) -> bytes:
    return base64.b64decode(text.encode("ascii"), validate=True)


def _normalise_password(password: str) -> bytes:
    import unicodedata

    return unicodedata.normalize("NFC", password).encode("utf-8")


def derive_password_key(password: str, salt: bytes, n: int, r: int, p: int) -> bytes:
    """The 256-bit key-encryption key from the password (scrypt)."""
    import hashlib

    return hashlib.scrypt(_normalise_password(password), salt=salt, n=n, r=r, p=p,
                          maxmem=128 * r * n * p + 32 * 1024 * 1024, dklen=32)


# --- recovery key ------------------------------------------------------------------------
def new_recovery_key() -> str:
    """A fresh recovery key as the office prints it: 8 groups of 4 characters (A–Z, 2–7)."""
    text = base64.b32encode(os.urandom(_RECOVERY_BYTES)).decode("ascii")
    return "-".join(text[i:i + 4] for i in range(0, len(text), 4))


def parse_recovery_key(text: str) -> bytes | None:
    """The recovery key's bytes if ``text`` looks like one (spaces, dashes, case, 0/O and 1/I
    confusions forgiven), else None."""
    cleaned = "".join(ch for ch in text.upper() if ch not in " -\t\n").replace("0", "O").replace("1", "I")
    if len(cleaned) != 32 or any(ch not in _B32 for ch in cleaned):
        return None
    return base64.b32decode(cleaned)


def _recovery_private(recovery: bytes) -> X25519PrivateKey:
    from cryptography.hazmat.primitives import hashes
    from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey
    from cryptography.hazmat.primitives.kdf.hkdf import HKDF

    seed = HKDF(algorithm=hashes.SHA256(), length=32, salt=None,
                info=b"kooperation-desktop/recovery/x25519").derive(recovery)
    return X25519PrivateKey.from_private_bytes(seed)


def _raw_public(key: X25519PublicKey) -> bytes:
    from cryptography.hazmat.primitives import serialization

    return key.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)


def _seal_kek(shared: bytes, epk: bytes) -> bytes:
    from cryptography.hazmat.primitives import hashes
    from cryptography.hazmat.primitives.kdf.hkdf import HKDF

    return HKDF(algorithm=hashes.SHA256(), length=32, salt=epk,
                info=b"kooperation-desktop/recovery/seal").derive(shared)


def seal_for_recovery(db_key: bytes, recovery_public: bytes) -> dict[str, str]:
    from cryptography.hazmat.primitives.asymmetric.x25519 import (
        X25519PrivateKey,
        X25519PublicKey,
    )
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    eph = X25519PrivateKey.generate()
    epk = _raw_public(eph.public_key())
    kek = _seal_kek(eph.exchange(X25519PublicKey.from_public_bytes(recovery_public)), epk)
    nonce = os.urandom(12)
    return {"epk": _b64(epk), "nonce": _b64(nonce), "ct": _b64(AESGCM(kek).encrypt(nonce, db_key, _AAD_RECOVERY))}


def _open_with_recovery(sealed: dict[str, str], recovery: bytes) -> bytes | None:
    from cryptography.exceptions import InvalidTag
    from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PublicKey
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    priv = _recovery_private(recovery)
    epk = _unb64(sealed["epk"])
    kek = _seal_kek(priv.exchange(X25519PublicKey.from_public_bytes(epk)), epk)
    try:
        return AESGCM(kek).decrypt(_unb64(sealed["nonce"]), _unb64(sealed["ct"]), _AAD_RECOVERY)
    except InvalidTag:
        return None


# --- the key file ------------------------------------------------------------------------
@dataclass
class KeyFile:
    """Contents of ``kooperation.keys`` (see the module doc)."""

    kdf: dict[str, int]
    recovery_public: bytes
    entries: list[dict[str, Any]] = field(default_factory=list)
    # False until the user confirmed that the recovery key was noted (printed); while False,
    # every successful unlock makes and shows a new one (see vault.unlock)
    recovery_confirmed: bool = True

    def to_json(self) -> str:
        import json

        return json.dumps({"format": FORMAT, "version": 1, "kdf": {"name": "scrypt", **self.kdf},
                           "recovery_public": _b64(self.recovery_public), "entries": self.entries,
                           "recovery_confirmed": self.recovery_confirmed},
                          indent=1)

    @classmethod
    def from_json(cls, text: str) -> KeyFile:
        import json

        try:
            raw = json.loads(text)
            if raw.get("format") != FORMAT or raw.get("version") != 1:
                raise ValueError("format")
            kdf = {k: int(raw["kdf"][k]) for k in ("n", "r", "p")}
            entries = list(raw["entries"])
            for e in entries:
                for part in ("password", "recovery"):
                    for k in e[part]:
                        _unb64(e[part][k])
            confirmed = raw.get("recovery_confirmed", True)
            if not isinstance(confirmed, bool):
                raise TypeError("recovery_confirmed")
            return cls(kdf=kdf, recovery_public=_unb64(raw["recovery_public"]), entries=entries,
                       recovery_confirmed=confirmed)
        except (ValueError, KeyError, TypeError, AttributeError) as exc:
            raise KeyFileDamaged(
                f"Die Schlüsseldatei „{KEY_FILENAME}“ ist beschädigt. Bitte eine Datensicherung "
                "wiederherstellen oder die IT-Betreuung fragen.") from exc

    def wrap(self, db_key: bytes, password: str) -> dict[str, Any]:
        """A key entry for ``db_key``: wrapped by ``password`` and sealed for the recovery key."""
        from cryptography.hazmat.primitives.ciphers.aead import AESGCM

        salt, nonce = os.urandom(16), os.urandom(12)
        kek = derive_password_key(password, salt, **self.kdf)
        return {
            "password": {"salt": _b64(salt), "nonce": _b64(nonce),
                         "ct": _b64(AESGCM(kek).encrypt(nonce, db_key, _AAD_PASSWORD))},
            "recovery": seal_for_recovery(db_key, self.recovery_public),
        }

    def is_recovery_key(self, passphrase: str) -> bool:
        """True if ``passphrase`` is this file's recovery key (not a password)."""
        recovery = parse_recovery_key(passphrase)
        return recovery is not None and \
            _raw_public(_recovery_private(recovery).public_key()) == self.recovery_public

    def below_cost(self) -> bool:
        """True if the password is wrapped with a lower scrypt cost than new key files get."""
        return self.kdf["n"] < SCRYPT_N

    def set_recovery_key(self, db_key: bytes) -> str:
        """A new recovery key for ``db_key`` (the old one stops working); every entry is sealed
        for it and it counts as not yet confirmed. Returns it, to be shown."""
        recovery = new_recovery_key()
        recovery_bytes = parse_recovery_key(recovery)
        assert recovery_bytes is not None
        self.recovery_public = _raw_public(_recovery_private(recovery_bytes).public_key())
        for entry in self.entries:
            entry["recovery"] = seal_for_recovery(db_key, self.recovery_public)
        self.recovery_confirmed = False
        return recovery

    def unwrap(self, passphrase: str) -> list[tuple[int, bytes]]:
        """(entry index, database key) pairs, newest entry first, that ``passphrase`` opens — as
        the password or as the recovery key. Raises WrongPassphrase if it opens none."""
        from cryptography.exceptions import InvalidTag
        from cryptography.hazmat.primitives.ciphers.aead import AESGCM

        found: list[tuple[int, bytes]] = []
        recovery = parse_recovery_key(passphrase)
        if recovery is not None and _raw_public(_recovery_private(recovery).public_key()) == self.recovery_public:
            for i in reversed(range(len(self.entries))):
                key = _open_with_recovery(self.entries[i]["recovery"], recovery)
                if key is not None:
                    found.append((i, key))
            if found:
                return found
        keks: dict[bytes, bytes] = {}
        for i in reversed(range(len(self.entries))):
            p = self.entries[i]["password"]
            salt = _unb64(p["salt"])
            if salt not in keks:
                keks[salt] = derive_password_key(passphrase, salt, **self.kdf)
            try:
                found.append((i, AESGCM(keks[salt]).decrypt(_unb64(p["nonce"]), _unb64(p["ct"]), _AAD_PASSWORD)))
            except InvalidTag:
                continue
        if not found:
            raise WrongPassphrase("Das Passwort ist falsch. Bitte noch einmal versuchen "
                                  "(auf Groß- und Kleinschreibung achten).")
        return found


def key_path(data_dir: Path) -> Path:
    return Path(data_dir) / KEY_FILENAME


def read_key_file(data_dir: Path) -> KeyFile:
    try:
        text = key_path(data_dir).read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise KeyFileDamaged(f"Die Schlüsseldatei „{KEY_FILENAME}“ ist beschädigt.") from exc
    return KeyFile.from_json(text)


def write_key_file(data_dir: Path, key_file: KeyFile) -> None:
    write_atomically(key_path(data_dir), key_file.to_json().encode("utf-8"))


def new_key_file(password: str) -> tuple[KeyFile, bytes, str]:
    """(key file, database key, recovery key) for a new database protected by ``password``."""
    problems = password_problems(password)
    if problems:
        raise ProtectionError(" ".join(problems))
    recovery = new_recovery_key()
    recovery_bytes = parse_recovery_key(recovery)
    assert recovery_bytes is not None
    kf = KeyFile(kdf={"n": SCRYPT_N, "r": SCRYPT_R, "p": SCRYPT_P},
                 recovery_public=_raw_public(_recovery_private(recovery_bytes).public_key()),
                 recovery_confirmed=False)
    db_key = os.urandom(32)
    kf.entries = [kf.wrap(db_key, password)]
    return kf, db_key, recovery


# --- passwords: rules, strength, retry delay -------------------------------------------------
def password_problems(password: str) -> list[str]:
    """Why ``password`` cannot be used (German; empty: fine)."""
    problems = []
    if len(password) < MIN_PASSWORD_LENGTH:
        problems.append(f"Das Passwort muss mindestens {MIN_PASSWORD_LENGTH} Zeichen lang sein.")
    elif password.strip() != password:
        problems.append("Das Passwort darf nicht mit einem Leerzeichen beginnen oder enden.")
    return problems


_COMMON = ("passwort", "password", "123456", "qwertz", "qwerty", "hallo", "geheim", "familie",
           "jugendamt", "kooperation", "sommer", "winter", "abcdef")


def password_strength(password: str) -> tuple[int, str]:
    """(0–4, German description) — a rough estimate shown while the password is typed."""
    if not password:
        return 0, "Bitte ein Passwort eingeben."
    classes = sum(any(f(ch) for ch in password) for f in (str.islower, str.isupper, str.isdigit,
                                                            lambda c: not c.isalnum()))
    unique = len(set(password))
    score = 0
    if len(password) >= MIN_PASSWORD_LENGTH:
        score = 1
        if len(password) >= 12 and classes >= 2 and unique >= 6:
            score = 2
        if len(password) >= 14 and classes >= 3 and unique >= 8:
            score = 3
        if (len(password) >= 18 and classes >= 3 and unique >= 10) or (len(password) >= 24 and unique >= 12):
            score = 4
    low = password.lower()
    if any(w in low for w in _COMMON) and score > 1:
        score -= 1
    if unique <= 3:
        score = 0
    texts = {
        0: f"Zu kurz oder zu einfach (mindestens {MIN_PASSWORD_LENGTH} Zeichen).",
        1: "Schwach: länger machen oder Zahlen und Sonderzeichen mischen.",
        2: "Mittel: ein paar Zeichen mehr machen es deutlich sicherer.",
        3: "Gut.",
        4: "Sehr gut.",
    }
    if len(password) < MIN_PASSWORD_LENGTH:
        return 0, texts[0]
    return score, texts[score]


class RetryThrottle:
    """Delay after wrong passwords: 0 s for the first two, then 2, 4, 8 … up to 30 s.

    The real protection against guessing is scrypt and the random key; the delay keeps a person
    at the laptop from trying many passwords quickly."""

    MAX_DELAY = 30.0

    def __init__(self, clock: Callable[[], float] = time.monotonic):
        self.failures = 0
        self._clock = clock
        self._until = 0.0

    def failed(self) -> float:
        """Record a wrong password; returns the seconds to wait before the next try."""
        self.failures += 1
        delay = 0.0 if self.failures < 3 else min(self.MAX_DELAY, 2.0 ** (self.failures - 2))
        self._until = self._clock() + delay
        return delay

    def succeeded(self) -> None:
        self.failures = 0
        self._until = 0.0

    def remaining(self) -> float:
        return max(0.0, self._until - self._clock())
