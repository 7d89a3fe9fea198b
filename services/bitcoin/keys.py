"""Watch-only account keys and the receive addresses derived from them.

An estate gives an account's extended public key (xpub, ypub, zpub; testnet tpub, upub,
vpub); each payment gets the receive address `m/0/i` below it. The key is checked here
(base58check, version bytes, network) before bitcoinlib sees it, because bitcoinlib
parses a key with a bad checksum without complaint and happily takes private keys.
bitcoinlib is used offline only: key parsing and public derivation, never its services.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache
from typing import Any
from urllib.parse import quote

# bitcoinlib writes a config, a log and an (unused) wallet database where this says when
# it is imported (default ~/.bitcoinlib, which a container's home may not allow).
os.environ.setdefault("BCL_DATA_DIR", os.path.join(tempfile.gettempdir(), "estatepay-bitcoinlib"))

from bitcoinlib.keys import HDKey

from services.errors import ValidationFailed

NETWORKS = ("bitcoin", "testnet")
SATOSHI_PER_BTC = 100_000_000
FIELD = "credentials.xpub"
_ALPHABET = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz"
_INDEX = {char: n for n, char in enumerate(_ALPHABET)}


@dataclass(frozen=True)
class Version:
    prefix: str
    network: str
    # bitcoinlib's name for the address kind the key's prefix promises (SLIP-132).
    witness_type: str


PUBLIC_VERSIONS = {
    bytes.fromhex("0488b21e"): Version("xpub", "bitcoin", "legacy"),
    bytes.fromhex("049d7cb2"): Version("ypub", "bitcoin", "p2sh-segwit"),
    bytes.fromhex("04b24746"): Version("zpub", "bitcoin", "segwit"),
    bytes.fromhex("043587cf"): Version("tpub", "testnet", "legacy"),
    bytes.fromhex("044a5262"): Version("upub", "testnet", "p2sh-segwit"),
    bytes.fromhex("045f1cf6"): Version("vpub", "testnet", "segwit"),
}
PRIVATE_VERSIONS = {
    bytes.fromhex(code): prefix
    for code, prefix in (
        ("0488ade4", "xprv"),
        ("049d7878", "yprv"),
        ("04b2430c", "zprv"),
        ("04358394", "tprv"),
        ("044a4e28", "uprv"),
        ("045f18bc", "vprv"),
    )
}


def _base58check(text: str) -> bytes | None:
    """The payload of a base58check string, or None when it is not one."""
    number = 0
    for char in text:
        if char not in _INDEX:
            return None
        number = number * 58 + _INDEX[char]
    raw = number.to_bytes((number.bit_length() + 7) // 8, "big")
    raw = b"\0" * (len(text) - len(text.lstrip("1"))) + raw
    if len(raw) < 5:
        return None
    payload, checksum = raw[:-4], raw[-4:]
    if hashlib.sha256(hashlib.sha256(payload).digest()).digest()[:4] != checksum:
        return None
    return payload


@dataclass(frozen=True)
class AccountKey:
    """A checked watch-only account key."""

    text: str
    network: str
    witness_type: str

    @property
    def key_id(self) -> str:
        """Names the key without revealing it (addresses are counted per key)."""
        return hashlib.sha256(self.text.encode()).hexdigest()[:32]

    def address(self, index: int) -> str:
        return str(_receive_branch(self.text, self.network, self.witness_type)(index))


def parse_account_key(value: Any, network: Any) -> AccountKey:
    """The key as given in `credentials.xpub` for `credentials.network`, or
    `ValidationFailed` saying what is wrong. A private key is refused outright."""
    if network not in NETWORKS:
        raise ValidationFailed(
            "credentials.network must be bitcoin or testnet", field="credentials.network"
        )
    text = str(value or "").strip()
    if len(text) > 200:
        raise ValidationFailed("credentials.xpub is not an extended public key", field=FIELD)
    payload = _base58check(text)
    if payload is None or len(payload) != 78:
        raise ValidationFailed(
            "credentials.xpub is not an extended public key (bad characters, length or checksum)",
            field=FIELD,
        )
    version = payload[:4]
    if version in PRIVATE_VERSIONS:
        raise ValidationFailed(
            f"credentials.xpub is a private key ({PRIVATE_VERSIONS[version]}): never send a "
            "private key anywhere; give the account's extended public key (xpub, ypub, zpub, "
            "tpub, upub or vpub) instead",
            field=FIELD,
        )
    known = PUBLIC_VERSIONS.get(version)
    if known is None:
        raise ValidationFailed(
            "credentials.xpub has an unknown version: expected xpub, ypub, zpub, tpub, upub "
            "or vpub",
            field=FIELD,
        )
    if known.network != network:
        raise ValidationFailed(
            f"credentials.xpub is a {known.network} key ({known.prefix}) but the network is "
            f"{network}",
            field=FIELD,
        )
    if payload[45] not in (2, 3):  # a compressed public key's first byte
        raise ValidationFailed("credentials.xpub does not hold a public key", field=FIELD)
    try:
        _receive_branch(text, known.network, known.witness_type)(0)
    except Exception as exc:  # bitcoinlib's own checks: not a point on the curve, ...
        raise ValidationFailed(
            "credentials.xpub is not a valid extended public key", field=FIELD
        ) from exc
    return AccountKey(text, known.network, known.witness_type)


@lru_cache(maxsize=64)
def _receive_branch(text: str, network: str, witness_type: str) -> Any:
    """`index -> address` for the key's receive branch m/0 (derived once per key)."""
    branch = HDKey(text, network=network, witness_type=witness_type).child_public(0)

    def address(index: int) -> str:
        return str(branch.child_public(index).address())

    return address


def to_btc(sats: int) -> Decimal:
    """Satoshi as BTC with all eight places, written out ("0.00000000", never "0E-8")."""
    sign, whole = ("-" if sats < 0 else ""), abs(sats)
    return Decimal(f"{sign}{whole // SATOSHI_PER_BTC}.{whole % SATOSHI_PER_BTC:08d}")


def sats_for(amount_minor: int, rate_minor: int) -> int:
    """Satoshi needed for `amount_minor` at `rate_minor` (minor units per BTC), rounded up:
    the payer never sends less than asked because of rounding."""
    return -(-amount_minor * SATOSHI_PER_BTC // rate_minor)


def value_of(sats: int, rate_minor: int) -> int:
    """What `sats` are worth in minor units at the rate, rounded down (never credit more
    than arrived)."""
    return sats * rate_minor // SATOSHI_PER_BTC


def payment_uri(address: str, sats: int, label: str | None = None) -> str:
    """BIP21: `bitcoin:<address>?amount=<btc>`."""
    amount = format(to_btc(sats).normalize(), "f")
    uri = f"bitcoin:{address}?amount={amount}"
    return f"{uri}&label={quote(label)}" if label else uri
