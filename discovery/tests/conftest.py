"""Published and unpublished content in three languages, shared by the discovery tests.

Every unpublished item carries a marker word (see ``utils.HIDDEN_MARKERS``)."""

from dataclasses import dataclass
from datetime import timedelta

import pytest
from django.utils import timezone

from events.models import Event
from events.tests.factories import EventFactory
from programs.models import Category, City, Program, Status
from programs.tests.factories import CategoryFactory, CityFactory, ProgramFactory


@dataclass
class Content:
    category: Category
    city: City
    youth: Program
    children: Program
    forum: Event
    past_event: Event
    draft_program: Program
    program_in_draft_category: Program
    draft_event: Event
    draft_city: City


@pytest.fixture
def content(db) -> Content:
    category = CategoryFactory(
        slug="civil-diplomacy",
        name_ko="시민 도시외교",
        name_en="Urban diplomacy by civilians",
        name_zh_hans="市民城市外交",
    )
    draft_category = CategoryFactory(
        slug="unpublished-category",
        status=Status.DRAFT,
        name_ko="비공개 분야",
        name_en="Unpublished field",
        name_zh_hans="未公开领域",
    )
    city = CityFactory(
        slug="nagasaki",
        name_ko="나가사키",
        name_en="Nagasaki",
        name_zh_hans="长崎",
        description_en="A sister city of Busan since 1998.",
    )
    draft_city = CityFactory(
        slug="unpublished-city",
        status=Status.DRAFT,
        name_ko="비공개 도시",
        name_en="Unpublished city of youth",
        name_zh_hans="未公开城市",
    )
    youth = ProgramFactory(
        category=category,
        slug="youth-exchange",
        title_ko="청소년 교류",
        title_en="Youth exchanges",
        title_zh_hans="青少年交流",
        summary_ko="자매도시 청소년이 홈스테이로 서로의 문화를 배웁니다.",
        summary_en="Young people of sister cities learn each other's culture in a homestay.",
        summary_zh_hans="姐妹城市的青少年通过寄宿家庭相互学习文化。",
        cities=[city],
    )
    children = ProgramFactory(
        category=category,
        slug="children-exchange",
        title_ko="한중일 어린이 교류",
        title_en="Korea-China-Japan children's exchanges",
        title_zh_hans="中日韩儿童交流",
        summary_ko="세 나라 어린이가 함께 배웁니다.",
        summary_en="Children of three countries learn together.",
        summary_zh_hans="三国儿童一起学习。",
    )
    draft_program = ProgramFactory(
        category=category,
        slug="unpublished-youth",
        status=Status.DRAFT,
        title_ko="비공개 청소년 교류",
        title_en="Unpublished youth exchanges",
        title_zh_hans="未公开青少年交流",
    )
    program_in_draft_category = ProgramFactory(
        category=draft_category,
        slug="unpublished-in-category",
        title_ko="비공개 분야의 청소년 교류",
        title_en="Unpublished youth camp",
        title_zh_hans="未公开青少年营",
    )
    forum = EventFactory(
        slug="world-peace-forum",
        title_ko="세계평화포럼",
        title_en="World Peace Forum",
        title_zh_hans="世界和平论坛",
        venue_ko="부산 벡스코",
        venue_en="BEXCO, Busan",
        venue_zh_hans="釜山BEXCO",
        program=youth,
        cities=[city, draft_city],
    )
    past_event = EventFactory(
        slug="un-week-2021",
        title_ko="유엔 주간",
        title_en="UN WEEK",
        title_zh_hans="联合国周",
        starts_at=timezone.now() - timedelta(days=400),
    )
    draft_event = EventFactory(
        slug="unpublished-forum",
        status=Status.DRAFT,
        title_ko="비공개 포럼",
        title_en="Unpublished youth forum",
        title_zh_hans="未公开论坛",
    )
    return Content(
        category=category,
        city=city,
        youth=youth,
        children=children,
        forum=forum,
        past_event=past_event,
        draft_program=draft_program,
        program_in_draft_category=program_in_draft_category,
        draft_event=draft_event,
        draft_city=draft_city,
    )
