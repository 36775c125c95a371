"""Fill the benchmark database: generated programs and events on top of the seed, members with open sessions.

Run by ``bench/run.py`` with the production settings and the benchmark's own DATABASE_URL and REDIS_URL.
Prints one line of JSON: the pages to load and what the registration run needs.
"""

import json
import os
import random
import sys
from datetime import timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "busan_exchange.settings.production")

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY  # noqa: E402
from django.contrib.auth.hashers import make_password  # noqa: E402
from django.db import transaction  # noqa: E402
from django.urls import reverse  # noqa: E402
from django.utils import timezone, translation  # noqa: E402
from django.utils.module_loading import import_string  # noqa: E402

from accounts.models import User  # noqa: E402
from applications.models import Applicant, Application, Call  # noqa: E402
from events.models import Event  # noqa: E402
from programs.models import Category, City, Program, Status  # noqa: E402

PROGRAMS = int(os.environ.get("BENCH_PROGRAMS", "200"))
EVENTS = int(os.environ.get("BENCH_EVENTS", "200"))
MEMBERS = int(os.environ.get("BENCH_MEMBERS", "1000"))
DESK_APPLICATIONS = int(os.environ.get("BENCH_DESK_APPLICATIONS", "5000"))
CAPACITY = int(os.environ.get("BENCH_CAPACITY", "300"))
LANGUAGES = [code for code, _name in settings.LANGUAGES]

PARAGRAPH = {
    "ko": "부산시는 자매도시와 함께 시민이 참여하는 국제교류를 넓혀 갑니다. " * 4,
    "en": "Busan and its sister cities widen international exchanges in which citizens take part. " * 4,
    "zh_hans": "釜山市与姐妹城市一起扩大市民参与的国际交流。" * 4,
}


def _texts(field: str, label: str, n: int) -> dict[str, str]:
    return {
        f"{field}_ko": f"{label} {n} (ko)",
        f"{field}_en": f"{label} {n}",
        f"{field}_zh_hans": f"{label} {n} (zh)",
    }


def _paragraphs(field: str) -> dict[str, str]:
    return {f"{field}_{code}": text for code, text in PARAGRAPH.items()}


@transaction.atomic
def generate_content() -> tuple[Program, Event]:
    rng = random.Random(2026)
    now = timezone.now()
    categories = list(Category.objects.published()) or [
        Category.objects.create(
            slug="bench-category", status=Status.PUBLISHED, **_texts("name", "Category", 1)
        )
    ]
    cities = list(City.objects.published())
    programs = []
    for n in range(PROGRAMS):
        program = Program.objects.create(
            slug=f"bench-program-{n}",
            status=Status.PUBLISHED,
            category=categories[n % len(categories)],
            order=100 + n,
            **_texts("title", "Generated exchange program", n),
            **_texts("summary", "A short summary of program", n),
            **_paragraphs("detail"),
            **_paragraphs("eligibility"),
        )
        program.cities.set(rng.sample(cities, k=min(2, len(cities))))
        programs.append(program)
    for n in range(EVENTS):
        starts_at = now + timedelta(days=(n - EVENTS // 2) * 5, hours=rng.randint(0, 8))
        event = Event.objects.create(
            slug=f"bench-event-{n}",
            status=Status.PUBLISHED,
            program=programs[n % len(programs)] if programs else None,
            starts_at=starts_at,
            ends_at=starts_at + timedelta(hours=3),
            **_texts("title", "Generated exchange event", n),
            **_texts("summary", "A short summary of event", n),
            **_paragraphs("body"),
            **_texts("venue", "BEXCO hall", n % 5),
        )
        event.cities.set(rng.sample(cities, k=min(2, len(cities))))
    popular = Event.objects.create(
        slug="bench-popular-event",
        status=Status.PUBLISHED,
        starts_at=now + timedelta(days=60),
        ends_at=now + timedelta(days=60, hours=3),
        capacity=CAPACITY,
        **_texts("title", "Popular event", 1),
        **_texts("summary", "Everybody wants to come", 1),
    )
    return Program.objects.published().order_by("pk").first(), popular


def _session_key(user: User) -> str:
    store = import_string(settings.SESSION_ENGINE + ".SessionStore")
    session = store()
    session[SESSION_KEY] = str(user.pk)
    session[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
    session[HASH_SESSION_KEY] = user.get_session_auth_hash()
    session.create()
    return session.session_key


def create_members() -> list[str]:
    """``MEMBERS`` members, each logged in: their session keys, as a browser would hold them."""
    password = make_password("bench-member-password")
    users = User.objects.bulk_create(
        User(email=f"bench-member-{n}@example.org", name=f"Member {n}", password=password, language="en")
        for n in range(MEMBERS)
    )
    return [_session_key(user) for user in users]


@transaction.atomic
def create_desk(program: Program) -> dict[str, str]:
    """A call with ``DESK_APPLICATIONS`` submitted applications (children of generated guardians) and a
    logged-in superuser: the staff desk's path and the staff member's session key."""
    rng = random.Random(11)
    today = timezone.localdate()
    call = Call.objects.create(
        program=program,
        slug="bench-call",
        status=Status.PUBLISHED,
        trip_starts_on=today + timedelta(days=200),
        trip_ends_on=today + timedelta(days=209),
        opens_at=timezone.now() - timedelta(days=10),
        closes_at=timezone.now() + timedelta(days=10),
        places=40,
        min_age=13,
        max_age=17,
        residence="busan_or_school",
        school_levels=["middle", "high"],
        **_texts("title", "Bench youth exchange", 1),
    )
    unusable = make_password(None)
    guardians = User.objects.bulk_create(
        User(email=f"bench-guardian-{n}@example.org", name=f"Guardian {n}", password=unusable, language="ko")
        for n in range(DESK_APPLICATIONS)
    )
    districts = ["haeundae", "suyeong", "nam", "busanjin", "outside"]
    children = Applicant.objects.bulk_create(
        Applicant(
            account=guardian,
            relationship="child",
            name=f"Child {n}",
            birth_date=today.replace(year=today.year - rng.randint(12, 18)),
            school_level=rng.choice(["middle", "high"]),
            district=rng.choice(districts),
            school_in_busan=True,
        )
        for n, guardian in enumerate(guardians)
    )
    Application.objects.bulk_create(
        Application(
            call=call,
            applicant=child,
            account=child.account,
            state=rng.choice(["submitted", "submitted", "under_review", "waitlisted", "not_selected"]),
            age=rng.randint(12, 18),
            school_level=child.school_level,
            district=child.district,
            school_in_busan=True,
            is_child=True,
            submitted_at=timezone.now() - timedelta(minutes=n),
        )
        for n, child in enumerate(children)
    )
    # No password: the bench logs in through the session it makes here.
    staff = User.objects.create_superuser(email="bench-staff@example.org", password=None)
    with translation.override("ko"):
        path = reverse("admin:applications_application_changelist") + f"?call__id__exact={call.pk}"
    return {"path": path, "session": _session_key(staff), "applications": str(DESK_APPLICATIONS)}


def pages(program: Program, event: Event, city: City) -> list[dict[str, str]]:
    result = []
    for language in LANGUAGES:
        with translation.override(language):
            for name, path in [
                ("home", reverse("home")),
                ("program list", reverse("programs:list")),
                ("category", program.category.get_absolute_url()),
                ("program detail", program.get_absolute_url()),
                ("event list", reverse("events:list")),
                ("event detail", event.get_absolute_url()),
                ("city list", reverse("programs:city-list")),
                ("city detail", city.get_absolute_url()),
                ("search", reverse("discovery:search") + "?q=exchange"),
            ]:
                result.append({"name": f"{name} [{language}]", "path": path})
    result.append({"name": "open data: programs", "path": reverse("api:programs")})
    result.append({"name": "open data: events", "path": reverse("api:events")})
    return result


def main() -> None:
    program, popular = generate_content()
    event = Event.objects.published().upcoming().order_by("starts_at").first()
    city = City.objects.published().order_by("pk").first()
    with translation.override("en"):
        register_path = reverse("registrations:event-register", args=[popular.slug])
    print(
        json.dumps(
            {
                "pages": pages(program, event, city),
                "register_path": register_path,
                "sessions": create_members(),
                "desk": create_desk(program),
                "counts": {
                    "programs": Program.objects.published().count(),
                    "events": Event.objects.published().count(),
                    "cities": City.objects.published().count(),
                },
                "capacity": CAPACITY,
                "session_cookie": settings.SESSION_COOKIE_NAME,
                "csrf_cookie": settings.CSRF_COOKIE_NAME,
            }
        )
    )


if __name__ == "__main__":
    main()
