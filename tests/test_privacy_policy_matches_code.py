"""What the privacy policy promises about keeping and giving personal data is what the code does: each period
it states, in each language, is the one the code uses, each deletion it promises is a daily job, and what it
says partners abroad receive is what the consent on the request form says."""

import pytest
from django.conf import settings
from django.utils.translation import override

from accounts.models import PrivacyPolicy
from applications.services import ANSWERS_RETENTION_DAYS
from cooperation.consents import PROVISION_CONSENT
from cooperation.services import CONTACT_RETENTION_DAYS
from homestays.services import GUEST_RETENTION_DAYS

pytestmark = pytest.mark.django_db

# (what the code keeps, as the policy words it in English, Korean and Chinese)
PERIODS = [
    (
        settings.OUTBOX_KEEP_SENT_DAYS == 30,
        {
            "en": [
                "deleted 30 days after delivery",
                "is deleted 30 days after the last attempt to deliver it",
            ],
            "ko": ["발송 후 30일이 지나면 삭제", "마지막 발송 시도 후 30일이 지나면 삭제"],
            "zh_hans": ["发送成功三十日后删除", "最后一次发送尝试满三十日后删除"],
        },
    ),
    (
        ANSWERS_RETENTION_DAYS == 365,
        {
            "en": ["uploaded files included: deleted one year after the call's trip ends"],
            "ko": ["교류 일정이 끝난 날(귀국일)부터 1년이 지나면 삭제"],
            "zh_hans": ["在交流行程结束（返回日期）满一年后删除"],
        },
    ),
    (
        GUEST_RETENTION_DAYS == 365,
        {
            "en": ["Guests' details: deleted one year after their delegation leaves Busan."],
            "ko": ["방문객 정보: 방문단이 부산을 떠난 날부터 1년이 지나면 삭제"],
            "zh_hans": ["客人信息：代表团离开釜山满一年后删除。"],
        },
    ),
    (
        CONTACT_RETENTION_DAYS == 3 * 365,
        {
            "en": ["erased three years after the request is matched or closed"],
            "ko": ["신청의 매칭 완료 또는 종료 후 3년이 지나면 삭제"],
            "zh_hans": ["在申请对接成功或结束满三年后删除"],
        },
    ),
    (
        settings.ACCESS_RECORD_KEEP_YEARS == 2,
        {
            "en": ["Access record: two years, then deleted."],
            "ko": ["개인정보 접속기록: 2년간 보관한 뒤 삭제"],
            "zh_hans": ["个人信息访问记录：保存两年后删除。"],
        },
    ),
]

# Every deletion the policy promises, done by a job that runs at least daily (section 4).
JOBS = [
    "outbox.tasks.mail_purge",
    "applications.tasks.answers_purge",
    "homestays.tasks.guests_purge",
    "cooperation.tasks.contacts_erase",
    "audit.tasks.access_records_purge",
    "accounts.tasks.login_data_purge",
]


@pytest.fixture
def policy():
    return PrivacyPolicy.objects.get(version="1.0")


@pytest.mark.parametrize(("code_agrees", "words"), PERIODS)
def test_each_keeping_period_in_the_policy_is_the_codes(policy, code_agrees, words):
    assert code_agrees
    for language, phrases in words.items():
        body = getattr(policy, f"body_{language}")
        for phrase in phrases:
            assert phrase in body, (language, phrase)


def test_every_promised_deletion_runs_daily():
    scheduled = dict(settings.PERIODIC_TASKS.values())
    for job in JOBS:
        assert scheduled.get(job, 10**9) <= 24 * 60, job


def test_partners_abroad_receive_what_the_consent_says_and_only_with_it(policy):
    with override("en"):
        assert str(PROVISION_CONSENT.items) == (
            "Your organisation's name, and the contact person's name, position, email address and phone "
            "number. Nothing else from your request."
        )
    said = {
        "en": [
            "the organisation's name and the contact person's name, position, email address and phone "
            "number, and nothing else from the request",
            "only with the separate consent the member gives on the request form",
        ],
        "ko": [
            "신청 기관명과 담당자의 이름·직위·이메일 주소·전화번호를 제공하며 그 밖의 신청 내용은 제공하지 "
            "않습니다",
            "별도로 동의한 경우에만",
        ],
        "zh_hans": [
            "申请机构的名称以及联系人的姓名、职务、电子邮箱地址和电话号码，申请中的其他内容一概不提供",
            "另行同意后",
        ],
    }
    for language, phrases in said.items():
        body = getattr(policy, f"body_{language}")
        for phrase in phrases:
            assert phrase in body, (language, phrase)
