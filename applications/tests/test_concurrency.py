"""Places hold when staff and applicants act at the same moment (PostgreSQL, real threads).

Run with ``DATABASE_URL=postgres://postgres@127.0.0.1:5432/<name>``.
"""

import threading
import time
from concurrent.futures import ThreadPoolExecutor
from datetime import timedelta

import pytest
from django.db import connection
from django.utils import timezone

from accounts.tests.factories import UserFactory
from applications import services
from applications.exceptions import ApplicationError
from applications.models import Application

from .factories import CallFactory, ChildFactory, submitted

pytestmark = [
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="needs PostgreSQL: SQLite serialises whole transactions, so there is no row lock to test",
    ),
    # serialized_rollback: put back what data migrations created (Site 1, staff groups) after the flush.
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]
State = Application.State
STAFF = 8


@pytest.fixture
def slow_between_count_and_write(monkeypatch):
    """Widen the gap between counting the places held and writing, so that any race shows."""
    monkeypatch.setattr(services, "_after_count_hook", lambda: time.sleep(0.05))


def _at_once(functions) -> list[BaseException | object]:
    """Run the functions in threads released together; each result or the error it raised."""
    barrier = threading.Barrier(len(functions))

    def run(function):
        try:
            barrier.wait()
            return function()
        except BaseException as error:  # noqa: BLE001 - every outcome counts
            return error
        finally:
            connection.close()

    with ThreadPoolExecutor(max_workers=len(functions)) as pool:
        return list(pool.map(run, functions))


def _staff_offering_the_last_place(*, lock: bool) -> list:
    call = CallFactory(places=1)
    applications = [submitted(call) for _ in range(STAFF)]
    return call, _at_once(
        [
            lambda application=application: services.applications_offer(
                call=call, applications=[application], by=None, _lock=lock
            )
            for application in applications
        ]
    )


def test_staff_offering_the_last_place_at_once_one_wins(slow_between_count_and_write):
    call, outcomes = _staff_offering_the_last_place(lock=True)
    refused = [o for o in outcomes if isinstance(o, ApplicationError)]
    assert len(refused) == STAFF - 1 and all(o.code == "no_places" for o in refused)
    assert Application.objects.filter(call=call, state=State.OFFERED).count() == 1


def test_without_the_lock_the_last_place_is_given_twice(slow_between_count_and_write):
    """The control: the same race without locking the call's row gives the place more than once."""
    call, _outcomes = _staff_offering_the_last_place(lock=False)
    assert Application.objects.filter(call=call, state=State.OFFERED).count() > 1


def test_a_double_submitted_application_is_one_application():
    call = CallFactory()
    child = ChildFactory(account=UserFactory())
    outcomes = _at_once(
        [
            lambda: services.application_submit(account=child.account, call=call, applicant=child, answers={})
            for _ in range(4)
        ]
    )
    assert sum(isinstance(o, Application) for o in outcomes) == 1
    assert all(o.code == "duplicate" for o in outcomes if isinstance(o, ApplicationError))
    assert Application.objects.filter(call=call).count() == 1


def test_accepting_while_the_job_expires_the_offer_gives_one_outcome(slow_between_count_and_write):
    call = CallFactory(places=1)
    offered, waiting = submitted(call), submitted(call)
    services.applications_offer(
        call=call, applications=[offered], by=None, now=timezone.now() - timedelta(hours=72)
    )
    services.applications_waitlist(applications=[waiting], by=None)
    outcomes = _at_once(
        [
            lambda: services.application_accept(application=offered, account=offered.account),
            lambda: services.offers_expire(),
        ]
    )
    offered.refresh_from_db()
    waiting.refresh_from_db()
    assert offered.state == State.EXPIRED
    assert isinstance(outcomes[0], ApplicationError)
    assert waiting.state == State.OFFERED
    assert Application.objects.filter(call=call).holding_place().count() == 1
