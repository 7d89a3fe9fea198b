"""Receive addresses: the next unused `m/0/i` of the estate's account key for each
payment, allocated under the account's row lock (never two payments on one address,
never an index skipped), within the gap limit a wallet restored from the seed scans."""

from __future__ import annotations

import uuid
from datetime import datetime

from tortoise.exceptions import IntegrityError

from services.bitcoin.keys import AccountKey
from services.bitcoin.models import BitcoinAccount, BitcoinAddress
from tenants.scope import savepoint

# BIP44's gap limit: a restored wallet stops looking after this many unused addresses.
GAP_LIMIT = 20


async def account_for(key: AccountKey) -> BitcoinAccount:
    account = await BitcoinAccount.get_or_none(key_id=key.key_id)
    if account is not None:
        return account
    try:
        async with savepoint():
            return await BitcoinAccount.create(key_id=key.key_id, network=key.network)
    except IntegrityError:  # created concurrently
        return await BitcoinAccount.get(key_id=key.key_id)


async def unused_run(account: BitcoinAccount) -> int:
    """How many of the last issued addresses in a row never received anything."""
    last_used = (
        await BitcoinAddress.filter(account_id=account.id, used=True).order_by("-index").first()
    )
    return account.next_index - (last_used.index + 1 if last_used is not None else 0)


async def allocate(
    key: AccountKey, payment_id: uuid.UUID, free_after: datetime, now: datetime
) -> BitcoinAddress:
    """An address for the payment. Past the gap limit, the oldest address that never
    received anything and whose last payment stopped watching it is given again instead
    of a new one; when there is none, the index goes on (the admin view says so)."""
    account = await account_for(key)
    async with savepoint():
        account = await BitcoinAccount.filter(id=account.id).select_for_update().get()
        if await unused_run(account) >= GAP_LIMIT:
            reused = (
                await BitcoinAddress.filter(account_id=account.id, used=False, free_after__lt=now)
                .order_by("free_after", "index")
                .select_for_update()
                .first()
            )
            if reused is not None:
                reused.payment_id, reused.free_after = payment_id, free_after
                reused.times_issued += 1
                await reused.save(update_fields=["payment_id", "free_after", "times_issued"])
                return reused
        index = account.next_index
        issued = await BitcoinAddress.create(
            account_id=account.id,
            index=index,
            address=key.address(index),
            payment_id=payment_id,
            free_after=free_after,
        )
        account.next_index = index + 1
        await account.save(update_fields=["next_index"])
        return issued
