"""Fill a benchmark database at one content size, or make a filled one ready for another run.

Run by ``bench/run.py`` with the production settings and the benchmark's own DATABASE_URL and REDIS_URL, after
``migrate`` and ``load_seed``. Prints one line of JSON: the pages to load, the logged-in sessions (fresh on
every run: they are signed with the run's secret key) and what the other parts need.

Content at size ``BENCH_SCALE`` (1 by default; ``run.py`` prepares 1 and 10), on top of the seed:
``BENCH_PROGRAMS`` (200), ``BENCH_EVENTS`` (200), ``BENCH_MEMBERS`` (10,000) and ``BENCH_REGISTRATIONS``
(20,000, spread over the members, the events and the programs) each times the scale; one popular event of
``BENCH_CAPACITY`` places for the registration run; a call with ``BENCH_DESK_APPLICATIONS`` (5,000, whatever
the scale) applications for the staff desk; a member who reads the site logged in; a superuser.
Rows are written with ``bulk_create`` and one precomputed password hash, so the tenfold size takes a
minute or two, not hours.

``prepare.py --reuse`` checks that the database holds exactly that (else prints ``{"reusable": false}``),
then undoes what the previous run did (the popular event's registrations, queued mail and tasks, sessions)
and prints the same JSON as a fresh preparation.
"""

import json
import os
import random
import sys
import time
from datetime import timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "busan_exchange.settings.production")

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY  # noqa: E402
from django.contrib.auth.hashers import make_password  # noqa: E402
from django.contrib.sessions.models import Session  # noqa: E402
from django.db import connection, transaction  # noqa: E402
from django.urls import reverse  # noqa: E402
from django.utils import timezone, translation  # noqa: E402
from django.utils.module_loading import import_string  # noqa: E402
from django_q.models import OrmQ  # noqa: E402

from accounts.models import User  # noqa: E402
from applications.models import Applicant, Application, Call  # noqa: E402
from events.models import Event  # noqa: E402
from outbox.models import OutgoingMail  # noqa: E402
from programs.models import Category, City, Program, Status  # noqa: E402
from registrations.models import Registration  # noqa: E402

SCALE = int(os.environ.get("BENCH_SCALE", "1"))
PROGRAMS = int(os.environ.get("BENCH_PROGRAMS", "200")) * SCALE
EVENTS = int(os.environ.get("BENCH_EVENTS", "200")) * SCALE
MEMBERS = int(os.environ.get("BENCH_MEMBERS", "10000")) * SCALE
REGISTRATIONS = int(os.environ.get("BENCH_REGISTRATIONS", "20000")) * SCALE
# Members who register for the popular event over HTTP, each once (a logged-in session each).
REGISTRANTS = min(int(os.environ.get("BENCH_REGISTRANTS", "1000")), MEMBERS)
DESK_APPLICATIONS = int(os.environ.get("BENCH_DESK_APPLICATIONS", "5000"))
CAPACITY = int(os.environ.get("BENCH_CAPACITY", "300"))
LANGUAGES = [code for code, _name in settings.LANGUAGES]
BATCH = 5000

POPULAR_SLUG = "bench-popular-event"
READER_EMAIL = "bench-reader@example.org"
STAFF_EMAIL = "bench-staff@example.org"  # created last: its presence says the preparation finished

PARAGRAPH = {
    "ko": "부산시는 자매도시와 함께 시민이 참여하는 국제교류를 넓혀 갑니다. " * 4,
    "en": "Busan and its sister cities widen international exchanges in which citizens take part. " * 4,
    "zh_hans": "釜山市与姐妹城市一起扩大市民参与的国际交流。" * 4,
}


def say(text: str) -> None:
    print(text, file=sys.stderr, flush=True)


def _texts(field: str, label: str, n: int) -> dict[str, str]:
    return {
        f"{field}_ko": f"{label} {n} (ko)",
        f"{field}_en": f"{label} {n}",
        f"{field}_zh_hans": f"{label} {n} (zh)",
    }


def _paragraphs(field: str) -> dict[str, str]:
    return {f"{field}_{code}": text for code, text in PARAGRAPH.items()}


def _member_email(n: int) -> str:
    return f"bench-member-{n}@example.org"


@transaction.atomic
def generate_content() -> None:
    """Programs and events (each in two partner cities) and the popular event."""
    rng = random.Random(2026)
    now = timezone.now()
    categories = list(Category.objects.published()) or [
        Category.objects.create(
            slug="bench-category", status=Status.PUBLISHED, **_texts("name", "Category", 1)
        )
    ]
    cities = list(City.objects.published())
    programs = Program.objects.bulk_create(
        (
            Program(
                slug=f"bench-program-{n}",
                status=Status.PUBLISHED,
                category=categories[n % len(categories)],
                order=100 + n,
                **_texts("title", "Generated exchange program", n),
                **_texts("summary", "A short summary of program", n),
                **_paragraphs("detail"),
                **_paragraphs("eligibility"),
            )
            for n in range(PROGRAMS)
        ),
        batch_size=BATCH,
    )
    Program.cities.through.objects.bulk_create(
        (
            Program.cities.through(program=program, city=city)
            for program in programs
            for city in rng.sample(cities, k=min(2, len(cities)))
        ),
        batch_size=BATCH,
    )
    events = []
    for n in range(EVENTS):
        # Half of them past, half to come, over the same thousand days whatever their number: a larger size
        # is a busier calendar.
        starts_at = now + timedelta(days=(n - EVENTS // 2) * 5 * 200 / EVENTS, hours=rng.randint(0, 8))
        events.append(
            Event(
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
        )
    events = Event.objects.bulk_create(events, batch_size=BATCH)
    Event.cities.through.objects.bulk_create(
        (
            Event.cities.through(event=event, city=city)
            for event in events
            for city in rng.sample(cities, k=min(2, len(cities)))
        ),
        batch_size=BATCH,
    )
    Event.objects.create(
        slug=POPULAR_SLUG,
        status=Status.PUBLISHED,
        starts_at=now + timedelta(days=60),
        ends_at=now + timedelta(days=60, hours=3),
        capacity=CAPACITY,
        **_texts("title", "Popular event", 1),
        **_texts("summary", "Everybody wants to come", 1),
    )


@transaction.atomic
def create_members() -> None:
    """``MEMBERS`` members (one password hash for all) and ``REGISTRATIONS`` registrations spread over them:
    each member registered for events and interested in programs in turn, none for the popular event."""
    password = make_password("bench-member-password")
    now = timezone.now()
    languages = ["ko", "ko", "ko", "en", "zh-hans"]
    members = User.objects.bulk_create(
        (
            User(
                email=_member_email(n),
                name=f"Member {n}",
                password=password,
                language=languages[n % len(languages)],
                date_joined=now - timedelta(minutes=37 * (MEMBERS - n)),
            )
            for n in range(MEMBERS)
        ),
        batch_size=BATCH,
    )
    programs = list(Program.objects.filter(slug__startswith="bench-program-").values_list("pk", flat=True))
    events = list(Event.objects.filter(slug__startswith="bench-event-").values_list("pk", flat=True))
    rng = random.Random(7)
    event_statuses = ["confirmed"] * 17 + ["waitlisted", "cancelled", "cancelled"]
    program_statuses = ["pending"] * 8 + ["confirmed"] * 9 + ["waitlisted", "cancelled", "cancelled"]

    def registrations():
        for k in range(REGISTRATIONS):
            n, turn = k % MEMBERS, k // MEMBERS
            member = members[n]
            message = "I would like to come." if rng.random() < 0.3 else ""
            if turn % 2 == 0:  # an event registration, a different event at each turn
                event = events[(n * 7 + turn * 13) % len(events)]
                yield Registration(
                    user=member, event_id=event, status=rng.choice(event_statuses), message=message
                )
            else:
                program = programs[(n * 11 + turn * 17) % len(programs)]
                yield Registration(
                    user=member, program_id=program, status=rng.choice(program_statuses), message=message
                )

    Registration.objects.bulk_create(registrations(), batch_size=BATCH)
    # created_at is set on insert: spread the registrations over the last two years, as a real list is.
    with connection.cursor() as cursor:
        cursor.execute(
            f"UPDATE {Registration._meta.db_table} "  # noqa: S608 (a model's own table name)
            "SET created_at = created_at - ((id * 7919) % 1051200) * interval '1 minute', "
            "updated_at = updated_at - ((id * 7919) % 1051200) * interval '1 minute'"
        )


@transaction.atomic
def create_reader() -> None:
    """The member whose logged-in pages are loaded: some registrations, as a member who uses the site has."""
    reader = User.objects.create_user(email=READER_EMAIL, password=None, name="Bench Reader", language="ko")
    upcoming = Event.objects.filter(slug__startswith="bench-event-", starts_at__gte=timezone.now())
    for event in upcoming.order_by("starts_at")[:4]:
        Registration.objects.create(user=reader, event=event, status="confirmed")
    for program in Program.objects.filter(slug__startswith="bench-program-").order_by("pk")[:2]:
        Registration.objects.create(user=reader, program=program, status="pending")


@transaction.atomic
def create_desk() -> None:
    """A call with ``DESK_APPLICATIONS`` submitted applications (children of generated guardians)."""
    rng = random.Random(11)
    today = timezone.localdate()
    program = Program.objects.published().order_by("pk").first()
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
        (
            User(
                email=f"bench-guardian-{n}@example.org",
                name=f"Guardian {n}",
                password=unusable,
                language="ko",
            )
            for n in range(DESK_APPLICATIONS)
        ),
        batch_size=BATCH,
    )
    districts = ["haeundae", "suyeong", "nam", "busanjin", "outside"]
    children = Applicant.objects.bulk_create(
        (
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
        ),
        batch_size=BATCH,
    )
    Application.objects.bulk_create(
        (
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
        ),
        batch_size=BATCH,
    )
    # No password: the bench logs in through the session it makes for each run.
    User.objects.create_superuser(email=STAFF_EMAIL, password=None)


def expected_counts() -> dict[str, int]:
    return {
        "programs": PROGRAMS,
        "events": EVENTS,
        "members": MEMBERS,
        "registrations": REGISTRATIONS,
        "applications": DESK_APPLICATIONS,
    }


def actual_counts() -> dict[str, int]:
    generated = Registration.objects.filter(user__email__startswith="bench-member-")
    return {
        "programs": Program.objects.filter(slug__startswith="bench-program-").count(),
        "events": Event.objects.filter(slug__startswith="bench-event-").count(),
        "members": User.objects.filter(email__startswith="bench-member-").count(),
        "registrations": generated.exclude(event__slug=POPULAR_SLUG).count(),
        "applications": Application.objects.filter(call__slug="bench-call").count(),
    }


def reset_previous_run() -> None:
    """What the last run left: the popular event's registrations, their mail and tasks, old sessions. (The
    access record cannot be emptied: the database keeps its entries for two years.)"""
    with transaction.atomic():
        OutgoingMail.objects.all().delete()
        OrmQ.objects.all().delete()
        Registration.objects.filter(event__slug=POPULAR_SLUG).delete()
        Session.objects.all().delete()


def _session_key(user: User) -> str:
    store = import_string(settings.SESSION_ENGINE + ".SessionStore")
    session = store()
    session[SESSION_KEY] = str(user.pk)
    session[BACKEND_SESSION_KEY] = settings.AUTHENTICATION_BACKENDS[0]
    session[HASH_SESSION_KEY] = user.get_session_auth_hash()
    session.create()
    return session.session_key


def pages(program: Program, event: Event, city: City) -> list[dict[str, str]]:
    """Every public page in every language: what visitors load (``cached`` and ``rendered``)."""
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


def member_pages(program: Program, event: Event, city: City) -> list[dict[str, str]]:
    """The pages a logged-in member reads, in Korean (the reader's language), and the member's own page."""
    with translation.override("ko"):
        return [
            {"name": "home [member]", "path": reverse("home")},
            {"name": "program list [member]", "path": reverse("programs:list")},
            {"name": "category [member]", "path": program.category.get_absolute_url()},
            {"name": "program detail [member]", "path": program.get_absolute_url()},
            {"name": "event list [member]", "path": reverse("events:list")},
            {"name": "event detail [member]", "path": event.get_absolute_url()},
            {"name": "city list [member]", "path": reverse("programs:city-list")},
            {"name": "city detail [member]", "path": city.get_absolute_url()},
            {"name": "search [member]", "path": reverse("discovery:search") + "?q=exchange"},
            {"name": "my page [member]", "path": reverse("accounts:my-page")},
        ]


def admin_lists() -> list[dict[str, str]]:
    """The staff's lists of registrations and of members, each plain, searched and filtered."""
    with translation.override("ko"):
        registrations = reverse("admin:registrations_registration_changelist")
        members = reverse("admin:accounts_user_changelist")
    wanted = _member_email(MEMBERS // 2).split("@")[0]
    return [
        {"name": "registrations", "path": registrations},
        {"name": "registrations: search", "path": f"{registrations}?q={wanted}"},
        {"name": "registrations: filter", "path": f"{registrations}?status__exact=waitlisted"},
        {"name": "members", "path": members},
        {"name": "members: search", "path": f"{members}?q={wanted}"},
        {"name": "members: filter", "path": f"{members}?language__exact=en"},
    ]


def describe() -> dict:
    """What ``run.py`` needs, with sessions made now."""
    program = Program.objects.published().order_by("pk").first()
    event = Event.objects.published().upcoming().order_by("starts_at").first()
    city = City.objects.published().order_by("pk").first()
    popular = Event.objects.get(slug=POPULAR_SLUG)
    call = Call.objects.get(slug="bench-call")
    registrants = User.objects.filter(email__in=[_member_email(n) for n in range(REGISTRANTS)])
    staff = User.objects.get(email=STAFF_EMAIL)
    with translation.override("en"):
        register_path = reverse("registrations:event-register", args=[popular.slug])
    with translation.override("ko"):
        desk_path = reverse("admin:applications_application_changelist") + f"?call__id__exact={call.pk}"
        logout_path = reverse("account_logout")  # on every page a logged-in member gets
    staff_session = _session_key(staff)
    return {
        "scale": SCALE,
        "pages": pages(program, event, city),
        "member_pages": member_pages(program, event, city),
        "member_session": _session_key(User.objects.get(email=READER_EMAIL)),
        "logout_path": logout_path,
        "register_path": register_path,
        "sessions": [_session_key(user) for user in registrants],
        "admin_lists": admin_lists(),
        "staff_session": staff_session,
        "desk": {"path": desk_path, "session": staff_session, "applications": str(DESK_APPLICATIONS)},
        "counts": {
            **actual_counts(),
            "published programs": Program.objects.published().count(),
            "published events": Event.objects.published().count(),
            "cities": City.objects.published().count(),
            "users": User.objects.count(),
            "all registrations": Registration.objects.count(),
        },
        "capacity": CAPACITY,
        "session_cookie": settings.SESSION_COOKIE_NAME,
        "csrf_cookie": settings.CSRF_COOKIE_NAME,
    }


def main() -> None:
    if "--reuse" in sys.argv:
        if not User.objects.filter(email=STAFF_EMAIL).exists() or actual_counts() != expected_counts():
            print(json.dumps({"reusable": False}))
            return
        reset_previous_run()
        print(json.dumps({**describe(), "reused": True}))
        return
    steps = [
        ("programs and events", generate_content),
        ("members and registrations", create_members),
        ("a logged-in reader", create_reader),
        ("the applications desk and a superuser", create_desk),
    ]
    for label, step in steps:
        started = time.perf_counter()
        step()
        say(f"  prepared {label} in {time.perf_counter() - started:.1f} s")
    started = time.perf_counter()
    with connection.cursor() as cursor:  # as a database that has lived: statistics gathered, no bloat
        cursor.execute("VACUUM ANALYZE")
    say(f"  VACUUM ANALYZE in {time.perf_counter() - started:.1f} s")
    print(json.dumps({**describe(), "reused": False}))


if __name__ == "__main__":
    main()
