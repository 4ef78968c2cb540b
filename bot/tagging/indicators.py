"""Extract indicators from raw text: CVE ids, ATT&CK technique ids, agency advisory ids, wallet addresses.

Rules: regular expressions on characters, then validation where a checksum exists (base58check for BTC
legacy and TRON, bech32/bech32m for BTC segwit); ETH addresses are 0x + 40 hex (EIP-55 case not enforced).
Values are normalised (CVE and technique ids upper-cased) and returned with their character spans.
"""

from __future__ import annotations

import hashlib
import re
from typing import NamedTuple

CVE = re.compile(r"\bCVE-\d{4}-\d{4,7}\b", re.IGNORECASE)
# T1566 / T1566.001; lower-case only in ATT&CK tags such as "attack.t1053.005" (Sigma rules).
TECHNIQUE = re.compile(r"T1(?<![\w.]T1)\d{3}(?:\.\d{3})?(?!\w|\.\d)|(?<=attack\.)t1\d{3}(?:\.\d{3})?(?!\w|\.\d)")
ADVISORY = re.compile(
    r"\b(?:AA|TA|AR)\d{2}-\d{3}[A-Z]\b"  # CISA / US-CERT: AA24-207A, TA17-164A, AR19-129A
    r"|\bICS(?:M)?A-\d{2}-\d{3}-\d{2}[A-Z]?\b"  # CISA ICS: ICSA-24-123-01
    r"|\bJVN(?:VU)?#\d{8}\b"  # JPCERT/IPA: JVNVU#12345678
)
B58 = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz"
# The "not after a word character" checks come after the first characters (same meaning): the scan of a long
# text then tests one character class per position instead of a lookbehind, several times faster.
BTC_LEGACY = re.compile(r"[13](?<!\w[13])[1-9A-HJ-NP-Za-km-z]{25,34}(?!\w)")
BTC_BECH32 = re.compile(r"bc1(?<!\wbc1)[ac-hj-np-z02-9]{11,71}(?!\w)")
ETH = re.compile(r"0x(?<!\w0x)[0-9a-fA-F]{40}(?![0-9a-fA-F\w])")
TRON = re.compile(r"T(?<!\wT)[1-9A-HJ-NP-Za-km-z]{33}(?!\w)")
BECH32_CHARSET = "qpzry9x8gf2tvdw0s3jn54khce6mua7l"


class Indicator(NamedTuple):
    label: str  # cve | technique | advisory | wallet
    value: str
    start: int
    end: int
    text: str


def _b58decode(s: str) -> bytes | None:
    n = 0
    for ch in s:
        i = B58.find(ch)
        if i < 0:
            return None
        n = n * 58 + i
    raw = n.to_bytes((n.bit_length() + 7) // 8, "big")
    return b"\x00" * (len(s) - len(s.lstrip("1"))) + raw


def _base58check(s: str, versions: tuple[int, ...]) -> bool:
    raw = _b58decode(s)
    if raw is None or len(raw) != 25 or raw[0] not in versions:
        return False
    return hashlib.sha256(hashlib.sha256(raw[:-4]).digest()).digest()[:4] == raw[-4:]


def _bech32_ok(addr: str) -> bool:
    hrp, _, data = addr.rpartition("1")
    values = [BECH32_CHARSET.find(c) for c in data]
    if hrp != "bc" or len(values) < 7 or min(values) < 0:
        return False
    gen = (0x3B6A57B2, 0x26508E6D, 0x1EA119FA, 0x3D4233DD, 0x2A1462B3)
    chk = 1
    for v in [ord(c) >> 5 for c in hrp] + [0] + [ord(c) & 31 for c in hrp] + values:
        top = chk >> 25
        chk = (chk & 0x1FFFFFF) << 5 ^ v
        for i in range(5):
            chk ^= gen[i] if (top >> i) & 1 else 0
    return chk in (1, 0x2BC830A3)  # bech32 (BIP-173) or bech32m (BIP-350)


def extract(text: str) -> list[Indicator]:
    """Every indicator in `text`, in text order."""
    found = [Indicator("cve", m.group().upper(), m.start(), m.end(), m.group()) for m in CVE.finditer(text)]
    found += [
        Indicator("technique", m.group().upper(), m.start(), m.end(), m.group()) for m in TECHNIQUE.finditer(text)
    ]
    found += [Indicator("advisory", m.group(), m.start(), m.end(), m.group()) for m in ADVISORY.finditer(text)]
    for pattern, valid in (
        (BTC_LEGACY, lambda s: _base58check(s, (0x00, 0x05))),
        (BTC_BECH32, _bech32_ok),
        (ETH, lambda s: True),
        (TRON, lambda s: _base58check(s, (0x41,))),
    ):
        found += [
            Indicator("wallet", m.group(), m.start(), m.end(), m.group())
            for m in pattern.finditer(text)
            if valid(m.group())
        ]
    return sorted(found, key=lambda i: i.start)
