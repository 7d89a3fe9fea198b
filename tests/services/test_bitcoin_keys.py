"""Watch-only keys: published test vectors give the published addresses, private keys and
keys of the wrong network or with a bad checksum are refused naming the field, and the
amounts round the payer's way."""

from __future__ import annotations

import pytest

from services.bitcoin.keys import (
    parse_account_key,
    payment_uri,
    sats_for,
    to_btc,
    value_of,
)
from services.bitcoin.rates import parse_rate
from services.errors import ValidationFailed
from services.payments.gateways.base import ProviderUnavailable

# BIP84's test vector: account 0 of "abandon abandon ... about", m/84'/0'/0'.
BIP84_ZPUB = (
    "zpub6rFR7y4Q2AijBEqTUquhVz398htDFrtymD9xYYfG1m4wAcvPhXNfE3EfH1r1ADqtfSdVCToUG868RvUUkg"
    "DKf31mGDtKsAYz2oz2AGutZYs"
)
# The same mnemonic's testnet accounts: m/84'/1'/0' (BIP84) and m/49'/1'/0' (BIP49).
VPUB = (
    "vpub5Y6cjg78GGuNLsaPhmYsiw4gYX3HoQiRBiSwDaBXKUafCt9bNwWQiitDk5VZ5BVxYnQdwoTyXSs2JHRPAg"
    "jAvtbBrf8ZhDYe2jWAqvZVnsc"
)
UPUB = (
    "upub5EFU65HtV5TeiSHmZZm7FUffBGy8UKeqp7vw43jYbvZPpoVsgU93oac7Wk3u6moKegAEWtGNF8DehrnHtv"
    "21XXEMYRUocHqguyjknFHYfgY"
)
YPUB = (
    "ypub6Ww3ibxVfGzLrAH1PNcjyAWenMTbbAosGNB6VvmSEgytSER9azLDWCxoJwW7Ke7icmizBMXrzBx9979Ffa"
    "HxHcrArf3zbeJJJUZPf663zsP"
)
# BIP32's test vector 1, master key.
BIP32_XPUB = (
    "xpub661MyMwAqRbcFtXgS5sYJABqqG9YLmC4Q1Rdap9gSE8NqtwybGhePY2gZ29ESFjqJoCu1Rupje8YtGqsef"
    "D265TMg7usUDFdp6W1EGMcet8"
)
BIP32_XPRV = (
    "xprv9s21ZrQH143K3QTDL4LXw2F7HEK3wJUD2nW2nRk4stbPy6cq3jPPqjiChkVvvNKmPGJxWUtg6LnF5kejMR"
    "NNU3TGtRBeJgk33yuGBxrMPHi"
)


def test_bip84_vector_gives_the_published_receive_addresses() -> None:
    key = parse_account_key(BIP84_ZPUB, "bitcoin")
    assert (key.network, key.witness_type) == ("bitcoin", "segwit")
    assert key.address(0) == "bc1qcr8te4kr609gcawutmrza0j4xv80jy8z306fyu"
    assert key.address(1) == "bc1qnjg0jd8228aq7egyzacy8cys3knf9xvrerkf9g"


def test_testnet_and_nested_segwit_vectors() -> None:
    assert parse_account_key(VPUB, "testnet").address(0) == (
        "tb1q6rz28mcfaxtmd6v789l9rrlrusdprr9pqcpvkl"
    )
    # BIP49's published testnet address for m/49'/1'/0'/0/0.
    assert parse_account_key(UPUB, "testnet").address(0) == "2Mww8dCYPUpKHofjgcXcBCEGmniw9CoaiD2"
    assert parse_account_key(YPUB, "bitcoin").address(0) == "37VucYSaXLCAsxYyAPfbSi9eh4iEcbShgf"
    legacy = parse_account_key(BIP32_XPUB, "bitcoin")
    assert legacy.witness_type == "legacy"
    assert legacy.address(0).startswith("1")
    assert len({legacy.address(i) for i in range(30)}) == 30


@pytest.mark.parametrize(
    ("value", "network", "field", "words"),
    [
        (BIP32_XPRV, "bitcoin", "credentials.xpub", "private key (xprv)"),
        (BIP32_XPUB[:-1] + "9", "bitcoin", "credentials.xpub", "checksum"),
        (BIP32_XPUB[:-5], "bitcoin", "credentials.xpub", "not an extended public key"),
        ("hello", "bitcoin", "credentials.xpub", "not an extended public key"),
        ("", "bitcoin", "credentials.xpub", "not an extended public key"),
        (VPUB, "bitcoin", "credentials.xpub", "testnet key (vpub) but the network is bitcoin"),
        (BIP84_ZPUB, "testnet", "credentials.xpub", "bitcoin key (zpub) but the network is"),
        (BIP84_ZPUB, "mainnet", "credentials.network", "bitcoin or testnet"),
        (BIP84_ZPUB + "0" * 300, "bitcoin", "credentials.xpub", "not an extended public key"),
    ],
)
def test_bad_keys_are_refused_naming_the_field(
    value: str, network: str, field: str, words: str
) -> None:
    with pytest.raises(ValidationFailed) as caught:
        parse_account_key(value, network)
    assert caught.value.field == field
    assert words in caught.value.message


def test_amounts_round_the_payers_way() -> None:
    rate = 5_000_000_000  # 50,000,000.00 NGN per BTC, in kobo
    assert sats_for(100_000, rate) == 2_000  # 1,000.00 NGN
    assert sats_for(100_001, rate) == 2_001  # a part of a satoshi is a whole one
    assert value_of(2_001, rate) == 100_050
    assert value_of(1, 3 * 10**9) == 30  # credited value rounds down
    assert value_of(1, 10**7) == 0
    assert to_btc(2_000) == to_btc(2_000).quantize(to_btc(1))
    assert str(to_btc(2_000)) == "0.00002000"
    assert payment_uri("tb1qxyz", 2_000) == "bitcoin:tb1qxyz?amount=0.00002"
    assert payment_uri("tb1qxyz", 100_000_000) == "bitcoin:tb1qxyz?amount=1"


@pytest.mark.parametrize(
    "body",
    [
        b"not json",
        b"[]",
        b'{"bitcoin": {}}',
        b'{"bitcoin": {"ngn": "50000000"}}',
        b'{"bitcoin": {"ngn": 0}}',
        b'{"bitcoin": {"ngn": -5}}',
        b'{"bitcoin": {"ngn": 1e400}}',
        b'{"bitcoin": {"ngn": NaN}}',
        b'{"bitcoin": {"ngn": true}}',
        b'{"ethereum": {"ngn": 5}}',
    ],
)
def test_rates_that_are_nonsense_are_refused(body: bytes) -> None:
    with pytest.raises(ProviderUnavailable):
        parse_rate(body, "NGN")


def test_rates_are_exact_decimals() -> None:
    assert parse_rate(b'{"bitcoin": {"ngn": 150123456.789}}', "NGN") == 15_012_345_678
    assert parse_rate(b'{"bitcoin": {"usd": 97000}}', "USD") == 9_700_000
