"""Reading payouts, and asking the payout provider about banks and accounts."""

from __future__ import annotations

from services.errors import ValidationFailed
from services.ledger.journal import ESTATE_REVENUE
from services.ledger.models import Account
from services.pagination import Page, paginate
from services.payments.transfers.base import Bank, TransferProvider
from services.payments.transfers.providers import transfers_adapter
from services.payouts.lifecycle import STATUSES
from services.payouts.models import Payout
from services.payouts.requests import BankAccount, bank_named, checked_account
from services.payouts.settings import Destination, payout_gateway
from tenants.models import Estate
from tenants.scope import tenant_scope


async def list_payouts(
    statuses: list[str] | None, first: int | None, after: str | None, cap: int
) -> Page[Payout]:
    query = Payout.all()
    if statuses:
        unknown = sorted(set(statuses) - set(STATUSES))
        if unknown:
            raise ValidationFailed(f"unknown status {', '.join(unknown)}", field="filter.status")
        query = query.filter(status__in=statuses)
    return await paginate(query, first, after, cap, newest_first=True)


async def revenue_account(estate: Estate) -> Account | None:
    return await Account.get_or_none(code=ESTATE_REVENUE, currency=estate.currency)


async def _provider(
    estate: Estate, provider: str | None, key: str, field: str = "provider"
) -> TransferProvider:
    async with tenant_scope(estate.slug):
        return transfers_adapter(await payout_gateway(provider, field), key)


async def banks(estate: Estate, provider: str | None, key: str) -> list[Bank]:
    """The banks the provider can send the estate's currency to (a provider call)."""
    adapter = await _provider(estate, provider, key)
    return sorted(await adapter.banks(estate.currency), key=lambda bank: bank.name.lower())


async def resolve_account(
    estate: Estate, provider: str | None, bank_code: str, account_number: str, key: str
) -> str:
    """The account's name as its bank has it (`VALIDATION_ERROR` on accountNumber when
    the bank has no such account)."""
    account = checked_account(BankAccount(bank_code, account_number))
    adapter = await _provider(estate, provider, key)
    bank_named(await adapter.banks(estate.currency), account.bank_code)
    return await adapter.resolve_account(account.bank_code, account.account_number)


async def resolve_destination(
    estate: Estate, provider: str | None, account: BankAccount, key: str, fields: tuple[str, str]
) -> Destination:
    """An account to pay into, checked with the payout provider: its bank known, its
    number resolved to the name the bank has. `fields`: where the provider and the
    account sit in the input (errors on them, and on the account's bankCode/accountNumber)."""
    provider_field, account_field = fields
    prefix = f"{account_field}."
    account = checked_account(account, prefix)
    adapter = await _provider(estate, provider, key, provider_field)
    bank = bank_named(await adapter.banks(estate.currency), account.bank_code, prefix)
    try:
        name = await adapter.resolve_account(account.bank_code, account.account_number)
    except ValidationFailed as exc:
        raise ValidationFailed(exc.message, field=f"{prefix}{exc.field}") from exc
    return Destination(bank.code, bank.name[:100], account.account_number, name[:200])
