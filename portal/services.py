"""Writes that span apps: deleting a member with everything they did, and loading the seed content."""

from collections.abc import Iterable, Mapping
from typing import Any, TextIO

from allauth.account.models import EmailAddress
from django.conf import settings
from django.db import models, transaction
from django.utils import translation

from accounts.models import User
from accounts.services import user_delete
from applications import selectors as application_selectors
from applications.services import applications_release_for_deleted_member
from audit.services import access_records_forget_member, admin_log_erase
from cooperation.services import requests_release_for_deleted_member
from events.models import Event
from homestays import selectors as homestay_selectors
from homestays.services import host_data_delete_for_member
from outbox.services import mail_erase_for_address
from programs.models import Category, City, Program
from registrations.services import registrations_release_for_deleted_member

from . import seed


def member_delete(*, user: User) -> None:
    """Delete the member's account and personal data, by the member or by staff in the admin.

    Registrations and applications for what is still to come are withdrawn first, so their places pass to
    the waiting list; every registration then stays without its member and message, every application
    without its applicant, answers and files (children's details go with the account), for anonymous
    statistics only. A homestay offer is deleted as if its consent were withdrawn (stays to come lose their
    host, so staff place the guests again); cooperation requests in progress are closed and every request
    keeps only the organisation's part. Consents and email addresses go with the account, and so does every
    mail to any of the addresses, sent or not. The access record keeps what happened under the member's
    number, without the addresses their own actions came from; the admin's log keeps its entries without the
    member's addresses.
    """
    with transaction.atomic():
        member_id = user.pk
        addresses = {user.email, *EmailAddress.objects.filter(user=user).values_list("email", flat=True)}
        named_in = [
            *application_selectors.member_records(user=user),
            *homestay_selectors.member_records(user=user),
        ]
        registrations_release_for_deleted_member(user=user)
        applications_release_for_deleted_member(user=user)
        host_data_delete_for_member(user=user)
        requests_release_for_deleted_member(user=user)
        for address in addresses:
            mail_erase_for_address(email=address)
        user_delete(user=user)
        access_records_forget_member(member_id=member_id)
        admin_log_erase(model=User, object_id=member_id, texts=addresses, records=named_in)


# Which keys of a seed item are translated fields, per model. Everything else is a plain field,
# except the relations ("category", "program", "cities"), which are resolved by slug.
_TRANSLATED = {
    Category: ("name", "summary"),
    City: ("name", "country", "description"),
    Program: ("title", "summary", "detail", "activities", "eligibility", "contact"),
    Event: ("title", "summary", "body", "venue"),
}
_PLAIN = {
    Category: ("order", "status"),
    City: ("order", "status", "relationship", "agreement_date", "website"),
    Program: ("order", "status"),
    Event: ("order", "status", "starts_at", "ends_at"),
}


def _set_translations(obj: models.Model, field: str, values: Mapping[str, str]) -> None:
    """Set ``<field>_<lang>`` for every language given (modeltranslation naming: ``title_zh_hans``)."""
    for code, value in values.items():
        setattr(obj, f"{field}_{code.replace('-', '_')}", value)


def _new(model: type[models.Model], item: Mapping[str, Any], **relations: Any) -> models.Model:
    obj = model(slug=item["slug"], **relations)
    for field in _PLAIN[model]:
        if field in item:
            setattr(obj, field, item[field])
    for field in _TRANSLATED[model]:
        if field in item:
            _set_translations(obj, field, item[field])
    obj.full_clean()
    obj.save()
    return obj


def _missing(model: type[models.Model], items: Iterable[Mapping[str, Any]]) -> list[Mapping[str, Any]]:
    """The seed items whose slug is not in the database yet."""
    items = list(items)
    existing = set(
        model.objects.filter(slug__in=[item["slug"] for item in items]).values_list("slug", flat=True)
    )
    return [item for item in items if item["slug"] not in existing]


def seed_load(*, stdout: TextIO | None = None) -> dict[str, int]:
    """Load the seed content of ``portal.seed`` (categories, cities, programs, events), idempotently.

    Each item is looked up by slug and created only if missing, with its text in every language. Existing
    rows are never changed, so edits made by staff survive a re-run; partner cities are attached only when
    a program or event is created. Categories, cities and programs are resolved by slug. Everything runs
    in one transaction. Writes one line per created item to ``stdout`` when given.

    Returns how many items were created, per model: ``{"categories": .., "cities": .., "programs": ..,
    "events": ..}``.
    """

    def report(kind: str, slug: str) -> None:
        if stdout is not None:
            stdout.write(f"Created {kind} {slug}\n")

    created = {"categories": 0, "cities": 0, "programs": 0, "events": 0}
    # The untranslated columns (name, title, ...) take the default language's text.
    with transaction.atomic(), translation.override(settings.MODELTRANSLATION_DEFAULT_LANGUAGE):
        for item in _missing(Category, seed.CATEGORIES):
            _new(Category, item)
            created["categories"] += 1
            report("category", item["slug"])

        for item in _missing(City, seed.CITIES):
            _new(City, item)
            created["cities"] += 1
            report("city", item["slug"])

        categories = {
            c.slug: c for c in Category.objects.filter(slug__in={p["category"] for p in seed.PROGRAMS})
        }
        cities = {c.slug: c for c in City.objects.filter(slug__in=[c["slug"] for c in seed.CITIES])}

        for item in _missing(Program, seed.PROGRAMS):
            program = _new(Program, item, category=categories[item["category"]])
            program.cities.set([cities[slug] for slug in item.get("cities", [])])
            created["programs"] += 1
            report("program", item["slug"])

        programs = {
            p.slug: p
            for p in Program.objects.filter(slug__in={e["program"] for e in seed.EVENTS if e.get("program")})
        }

        for item in _missing(Event, seed.EVENTS):
            event = _new(Event, item, program=programs[item["program"]] if item.get("program") else None)
            event.cities.set([cities[slug] for slug in item.get("cities", [])])
            created["events"] += 1
            report("event", item["slug"])

    return created
