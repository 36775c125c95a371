"""Reading a delegation's guest list from a CSV file: every row checked, every error reported by row, and the
guests returned only when the whole file is right (nothing is saved here).

The file is UTF-8, with or without a byte order mark (Excel's "CSV UTF-8"). Column names and values may be
written in English, Korean or Chinese: ``age``/``나이``/``年龄``, ``female``/``여``/``女``,
``Indonesian``/``인도네시아어``/``印尼语``.
"""

import csv
import io
import re
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import translation
from django.utils.translation import gettext, gettext_lazy

from .choices import Diet, Gender, Language, Pet
from .models import GUEST_TEXT_MAX, Delegation, Guest

MAX_BYTES = 1024 * 1024
MAX_ROWS = 1000

# column: (label, names it may go by, required)
COLUMNS = {
    "first_name": (gettext_lazy("first name"), ("first name", "given name", "이름", "名", "名字"), True),
    "family_name": (gettext_lazy("family name"), ("family name", "last name", "surname", "성", "姓"), False),
    "age": (gettext_lazy("age"), ("나이", "연령", "年龄"), True),
    "gender": (gettext_lazy("gender"), ("sex", "성별", "性别"), True),
    "languages": (gettext_lazy("languages"), ("language", "언어", "사용 언어", "语言"), True),
    "allergies": (
        gettext_lazy("allergies"),
        ("allergy", "알레르기", "알레르기 정보", "过敏", "过敏源"),
        False,
    ),
    "diet": (gettext_lazy("diet"), ("dietary needs", "식단", "식이 요구", "饮食", "饮食要求"), False),
    "needs": (
        gettext_lazy("needs"),
        ("other needs", "special needs", "필요 사항", "기타 필요 사항", "其他需求", "需求"),
        False,
    ),
}
_EXTRA_VALUES = {
    Gender: {
        Gender.FEMALE: ("f", "woman", "girl", "여", "여자", "女", "女性"),
        Gender.MALE: ("m", "man", "boy", "남", "남자", "男", "男性"),
        Gender.OTHER: ("x", "other", "기타", "其他"),
    },
    Language: {
        Language.CHINESE: ("mandarin", "中文", "普通话", "汉语", "중국어(보통화)"),
        Language.INDONESIAN: ("bahasa indonesia", "bahasa", "印度尼西亚语"),
        Language.KOREAN: ("한국말", "韩国语", "朝鲜语"),
        Language.FILIPINO: ("tagalog", "타갈로그어"),
    },
    Diet: {
        Diet.NO_PORK: ("pork-free", "돼지고기 안 먹음", "不吃猪肉"),
        Diet.NUT_FREE: ("nut-free", "no nuts", "견과류 제외", "无坚果"),
    },
}
_SEPARATORS = re.compile(r"\s*[;,/、，；]\s*")
# Words in the allergies column that name an animal; "pets" in general means every kind.
_ANIMALS = {
    Pet.DOG: re.compile(r"\bdogs?\b|강아지|개털|^개$|^개\s|狗|犬", re.IGNORECASE),
    Pet.CAT: re.compile(r"\bcats?\b|고양이|猫", re.IGNORECASE),
    Pet.OTHER: re.compile(
        r"\bhamsters?\b|\brabbits?\b|\bbirds?\b|\bhorses?\b|햄스터|토끼|仓鼠|兔", re.IGNORECASE
    ),
}
_ANY_PET = re.compile(r"\bpets?\b|\banimals?\b|반려동물|동물|宠物|动物", re.IGNORECASE)


@dataclass
class ImportResult:
    guests: list[Guest] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.errors and bool(self.guests)


def _key(text: str) -> str:
    return " ".join(text.replace("_", " ").split()).casefold()


def _names(choices: type[models.TextChoices]) -> dict[str, str]:
    """Every way of writing each choice: its value and its label in each language, plus common variants."""
    names = {}
    for value, label in choices.choices:
        names[_key(value)] = value
        for code in ("en", "ko", "zh-hans"):
            with translation.override(code):
                names[_key(str(label))] = value
        for extra in _EXTRA_VALUES.get(choices, {}).get(value, ()):
            names[_key(extra)] = value
    return names


def _column_names() -> dict[str, str]:
    names = {}
    for column, (label, aliases, _required) in COLUMNS.items():
        names[_key(column)] = column
        for code in ("en", "ko", "zh-hans"):
            with translation.override(code):
                names[_key(str(label))] = column
        for alias in aliases:
            names[_key(alias)] = column
    return names


def animals_in(allergies: str) -> list[str]:
    """The animals an allergies text names (``Pet`` values), in the order of ``Pet``."""
    found = set()
    for part in _SEPARATORS.split(allergies.strip()):
        if _ANY_PET.search(part):
            found |= set(Pet.values)
        found |= {pet for pet, pattern in _ANIMALS.items() if pattern.search(part)}
    return [pet for pet in Pet.values if pet in found]


def _decode(data: bytes) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise ValueError(
            gettext(
                "The file is not UTF-8 text. In Excel, save it as “CSV UTF-8 (comma delimited)” and try "
                "again."
            )
        ) from error


def _many(raw: str, names: dict[str, str], label: str) -> tuple[list[str], list[str]]:
    values, errors = [], []
    for part in _SEPARATORS.split(raw.strip()):
        if not part:
            continue
        value = names.get(_key(part))
        if value is None:
            errors.append(
                gettext("%(column)s: “%(value)s” is not in the list.") % {"column": label, "value": part}
            )
        elif value not in values:
            values.append(value)
    return values, errors


def _row_guest(row: dict[str, str], names: dict) -> tuple[Guest | None, list[str]]:
    errors = []

    def label(column: str) -> str:
        return str(COLUMNS[column][0])

    def text(column: str, limit: int) -> str:
        value = (
            " ".join((row.get(column) or "").split())
            if column != "needs"
            else (row.get(column) or "").strip()
        )
        if len(value) > limit:
            errors.append(
                gettext("%(column)s: at most %(limit)d characters.")
                % {"column": label(column), "limit": limit}
            )
        return value

    first_name = text("first_name", 60)
    if not first_name:
        errors.append(gettext("%(column)s: required.") % {"column": label("first_name")})
    family_name = text("family_name", 60)

    age = None
    raw_age = (row.get("age") or "").strip()
    if not raw_age:
        errors.append(gettext("%(column)s: required.") % {"column": label("age")})
    elif not raw_age.isdigit() or not 1 <= int(raw_age) <= 120:
        errors.append(
            gettext("%(column)s: “%(value)s” is not an age in years.")
            % {"column": label("age"), "value": raw_age}
        )
    else:
        age = int(raw_age)

    raw_gender = (row.get("gender") or "").strip()
    gender = names["gender"].get(_key(raw_gender)) if raw_gender else None
    if not raw_gender:
        errors.append(gettext("%(column)s: required.") % {"column": label("gender")})
    elif gender is None:
        errors.append(
            gettext("%(column)s: “%(value)s” is not in the list.")
            % {"column": label("gender"), "value": raw_gender}
        )

    languages, language_errors = _many(row.get("languages") or "", names["languages"], label("languages"))
    errors += language_errors
    if not languages and not language_errors:
        errors.append(gettext("%(column)s: required.") % {"column": label("languages")})
    diet, diet_errors = _many(row.get("diet") or "", names["diet"], label("diet"))
    errors += diet_errors
    allergies = text("allergies", GUEST_TEXT_MAX)
    needs = text("needs", GUEST_TEXT_MAX)

    if errors:
        return None, errors
    guest = Guest(
        first_name=first_name,
        family_name=family_name,
        age=age,
        gender=gender,
        languages=languages,
        animal_allergies=animals_in(allergies),
        allergies=allergies,
        diet=diet,
        needs=needs,
    )
    try:
        guest.full_clean(exclude=["delegation"])
    except ValidationError as error:
        return None, [f"{name}: {' '.join(messages)}" for name, messages in error.message_dict.items()]
    return guest, []


def _dialect(text: str):
    try:
        return csv.Sniffer().sniff(text[:4096], delimiters=",;\t")
    except csv.Error:
        return csv.excel


def guests_read(*, data: bytes, delegation: Delegation) -> ImportResult:
    """The guests in a CSV file for ``delegation``, or the errors that keep any of them from being saved."""
    result = ImportResult()
    if len(data) > MAX_BYTES:
        result.errors.append(gettext("The file is larger than 1 MB. Split it into smaller files."))
        return result
    try:
        text = _decode(data)
    except ValueError as error:
        result.errors.append(str(error))
        return result
    reader = csv.reader(io.StringIO(text), _dialect(text))
    header = next(reader, None)
    if not header or not any(cell.strip() for cell in header):
        result.errors.append(gettext("The file is empty. The first row must name the columns."))
        return result

    known = _column_names()
    columns = []
    for position, cell in enumerate(header, start=1):
        column = known.get(_key(cell))
        if column is None and cell.strip():
            result.errors.append(
                gettext("Row 1: column %(position)d, “%(name)s”, is not a column this file can have.")
                % {"position": position, "name": cell.strip()}
            )
        if column in columns:
            result.errors.append(
                gettext("Row 1: the column “%(name)s” appears twice.") % {"name": cell.strip()}
            )
        columns.append(column)
    for column, (label, _aliases, required) in COLUMNS.items():
        if required and column not in columns:
            result.errors.append(gettext("Row 1: the column “%(name)s” is missing.") % {"name": label})
    if result.errors:
        return result

    names = {"gender": _names(Gender), "languages": _names(Language), "diet": _names(Diet)}
    seen = {
        (_key(g.first_name), _key(g.family_name), g.age): None
        for g in Guest.objects.filter(delegation=delegation).only("first_name", "family_name", "age")
    }
    for number, cells in enumerate(reader, start=2):
        if not any(cell.strip() for cell in cells):
            continue
        if len(result.guests) + len(result.errors) >= MAX_ROWS:
            result.errors.append(gettext("The file has more than %(max)d guests.") % {"max": MAX_ROWS})
            break
        if len(cells) > len(columns):
            result.errors.append(
                gettext("Row %(row)d: more cells than columns; check for a stray comma.") % {"row": number}
            )
            continue
        row = {column: cell for column, cell in zip(columns, cells, strict=False) if column}
        guest, errors = _row_guest(row, names)
        for error in errors:
            result.errors.append(gettext("Row %(row)d: %(error)s") % {"row": number, "error": error})
        if guest is None:
            continue
        key = (_key(guest.first_name), _key(guest.family_name), guest.age)
        if key in seen:
            result.errors.append(
                gettext("Row %(row)d: %(name)s, %(age)d, is already on this delegation's list.")
                % {"row": number, "name": guest, "age": guest.age}
            )
            continue
        seen[key] = None
        result.guests.append(guest)
    if not result.guests and not result.errors:
        result.errors.append(gettext("The file has no guests: only the row of column names."))
    if result.errors:
        result.guests = []
    return result


def template_csv() -> str:
    """A file to fill in: the column names and one example row, with a BOM so Excel reads it as UTF-8."""
    buffer = io.StringIO()
    buffer.write("\ufeff")
    writer = csv.writer(buffer)
    writer.writerow(list(COLUMNS))
    writer.writerow(["Budi", "Santoso", "16", "male", "Indonesian; English", "cats; peanuts", "halal", ""])
    return buffer.getvalue()
