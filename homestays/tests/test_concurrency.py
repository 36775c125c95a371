"""A household's beds hold when staff place guests with it at the same moment (PostgreSQL, real threads).

Run with ``DATABASE_URL=postgres://postgres@127.0.0.1:5432/<name>``.
"""

from concurrent.futures import ThreadPoolExecutor

import pytest
from django.db import connection

from accounts.tests.staff import make_user
from homestays import services
from homestays.exceptions import HomestayError
from homestays.models import Assignment

from .factories import DelegationFactory, GuestFactory, HostOfferFactory

BEDS = 2
GUESTS = 12

pytestmark = [
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="needs PostgreSQL: SQLite serialises whole transactions, so there is no row lock to test",
    ),
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def test_beds_hold_when_guests_are_placed_at_once():
    host = HostOfferFactory(beds=BEDS)
    delegation = DelegationFactory()
    guests = [GuestFactory(delegation=delegation) for _ in range(GUESTS)]
    staff = make_user("coordinator@example.com")
    refused: list[HomestayError] = []
    unexpected: list[BaseException] = []

    def place(guest):
        try:
            services.assignment_save(
                guest=guest,
                host=host,
                starts_on=delegation.arrives_on,
                ends_on=delegation.departs_on,
                by=staff,
            )
        except HomestayError as error:
            refused.append(error)
        except BaseException as error:  # noqa: BLE001 - every other failure counts
            unexpected.append(error)
        finally:
            connection.close()

    with ThreadPoolExecutor(max_workers=GUESTS) as pool:
        list(pool.map(place, guests))
    assert unexpected == []
    assert Assignment.objects.filter(host=host).count() == BEDS
    assert len(refused) == GUESTS - BEDS
    assert {tuple(error.flags) for error in refused} == {("beds",)}
