"""The sweeper's side of notifications: a notification is owed from its creation until a
delivery run leaves nothing to send; one still owed `after` its job was queued is claimed
(once per lease) so its job is queued again, for up to a day."""

from __future__ import annotations

from datetime import timedelta

from services.identity.models import User
from services.notifications.channels import Channels, ConsoleEmailSender, ConsoleSmsSender
from services.notifications.delivery import DELIVERY_BUDGET, claim_unsettled, deliver
from services.notifications.inbox import notify
from services.notifications.models import Notification
from tenants.scope import tenant_scope
from tests.conftest import make_estate

AFTER = timedelta(seconds=3)
CONSOLE = Channels(ConsoleEmailSender(), ConsoleSmsSender())


async def test_an_owed_notification_is_claimed_once_per_lease_until_delivered(
    database: object,
) -> None:
    fixture = await make_estate("sweep")
    admin = await User.get(email=fixture.admin_email)
    async with tenant_scope(fixture.slug):
        await notify([admin.id], "BILL_CREATED", "A bill")
        note = await Notification.get(user_id=admin.id, kind="BILL_CREATED")
        queued = note.delivery_queued_at
        assert queued is not None
        # Its job was just queued: nothing to do yet.
        assert await claim_unsettled(AFTER, queued + AFTER / 2) == []
        # The job was lost (Redis restarted empty): queued again, once per lease.
        later = queued + 2 * AFTER
        assert await claim_unsettled(AFTER, later) == [note.id]
        assert await claim_unsettled(AFTER, later) == []
        assert await claim_unsettled(AFTER, later + 2 * AFTER) == [note.id]
        # Past the budget it is left alone, as the job's own retries are.
        assert await claim_unsettled(AFTER, queued + DELIVERY_BUDGET + 4 * AFTER) == []

    report = await deliver(fixture.slug, note.id, CONSOLE)
    assert report.outcomes == {"EMAIL": "SENT"}
    async with tenant_scope(fixture.slug):
        assert (await Notification.get(id=note.id)).delivery_queued_at is None
        assert await claim_unsettled(AFTER, queued + 10 * AFTER) == []
