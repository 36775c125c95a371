"""Reading guests from a CSV file: UTF-8 with or without BOM, headers and values in three languages, every
error reported by row, and nothing returned from a file that has any error."""

import pytest
from django.utils.translation import override

from homestays.guest_import import animals_in, guests_read, template_csv

from .factories import DelegationFactory, GuestFactory

pytestmark = pytest.mark.django_db

GOOD = (
    "first_name,family_name,age,gender,languages,allergies,diet,needs\n"
    "Budi,Santoso,16,male,Indonesian; English,,halal,\n"
    'Siti,Rahma,15,F,"id, en","cats; peanuts",no pork,Needs a quiet room\n'
)


def read(text: str, *, bom: bool = False, delegation=None, encoding="utf-8", language="en"):
    data = (("\ufeff" if bom else "") + text).encode(encoding)
    with override(language):
        return guests_read(data=data, delegation=delegation or DelegationFactory())


@pytest.mark.parametrize("bom", [False, True])
def test_a_good_file_with_or_without_bom(bom):
    result = read(GOOD, bom=bom)
    assert result.errors == []
    budi, siti = result.guests
    assert (budi.first_name, budi.family_name, budi.age, budi.gender) == ("Budi", "Santoso", 16, "male")
    assert budi.languages == ["id", "en"] and budi.diet == ["halal"]
    assert (siti.gender, siti.languages, siti.diet) == ("female", ["id", "en"], ["no_pork"])
    assert siti.allergies == "cats; peanuts" and siti.animal_allergies == ["cat"]
    assert siti.needs == "Needs a quiet room"


def test_korean_and_chinese_headers_and_values():
    korean = "이름,성,나이,성별,언어,알레르기,식단\n민준,김,14,남,한국어; 영어,강아지,\n"
    (guest,) = read(korean).guests
    assert (guest.first_name, guest.family_name, guest.age, guest.gender) == ("민준", "김", 14, "male")
    assert guest.languages == ["ko", "en"] and guest.animal_allergies == ["dog"]
    chinese = "名,姓,年龄,性别,语言,饮食\n芳,王,15,女,中文；英语,清真\n"
    (guest,) = read(chinese).guests
    assert (guest.first_name, guest.gender, guest.languages, guest.diet) == (
        "芳",
        "female",
        ["zh", "en"],
        ["halal"],
    )


def test_a_semicolon_separated_file_from_a_european_spreadsheet():
    (guest,) = read("first_name;age;gender;languages\nAnna;16;female;Russian\n").guests
    assert guest.languages == ["ru"]


def test_errors_are_listed_by_row_and_nothing_is_returned():
    text = (
        "first_name,age,gender,languages,diet\n"
        "Budi,16,male,Indonesian,\n"
        ",sixteen,male,Indonesian,\n"
        "Siti,15,robot,Klingon,pizza\n"
    )
    result = read(text)
    assert result.guests == []
    assert not result.ok
    assert result.errors == [
        "Row 3: first name: required.",
        "Row 3: age: “sixteen” is not an age in years.",
        "Row 4: gender: “robot” is not in the list.",
        "Row 4: languages: “Klingon” is not in the list.",
        "Row 4: diet: “pizza” is not in the list.",
    ]


def test_errors_are_in_the_staff_language():
    result = read("first_name,age,gender,languages\nBudi,,male,Indonesian\n", language="ko")
    assert result.errors == ["2행: 나이: 필수 항목입니다."]


def test_missing_and_unknown_columns():
    result = read("first_name,age,allergy_to,languages\nBudi,16,cats,Indonesian\n")
    assert "Row 1: column 3, “allergy_to”, is not a column this file can have." in result.errors
    assert "Row 1: the column “gender” is missing." in result.errors


def test_a_file_that_is_not_utf8():
    result = read("first_name,age,gender,languages\n민준,14,남,한국어\n", encoding="euc-kr")
    assert len(result.errors) == 1 and "UTF-8" in result.errors[0]


def test_an_empty_file_and_a_file_without_guests():
    assert read("").errors == ["The file is empty. The first row must name the columns."]
    assert read("first_name,age,gender,languages\n").errors == [
        "The file has no guests: only the row of column names."
    ]


def test_the_same_guest_twice_in_the_file_or_already_on_the_list():
    delegation = DelegationFactory()
    GuestFactory(delegation=delegation, first_name="Budi", family_name="Santoso", age=16)
    result = read(
        "first_name,family_name,age,gender,languages\n"
        "Budi,Santoso,16,male,id\n"
        "Dewi,Lestari,16,female,id\n"
        "Dewi,Lestari,16,female,id\n",
        delegation=delegation,
    )
    assert result.errors == [
        "Row 2: Budi Santoso, 16, is already on this delegation's list.",
        "Row 4: Dewi Lestari, 16, is already on this delegation's list.",
    ]


def test_texts_longer_than_allowed():
    result = read(f"first_name,age,gender,languages,needs\nBudi,16,male,id,{'x' * 501}\n")
    assert result.errors == ["Row 2: needs: at most 500 characters."]


def test_animals_named_in_allergies_in_three_languages():
    assert animals_in("peanuts; dogs") == ["dog"]
    assert animals_in("고양이 털") == ["cat"]
    assert animals_in("猫、花生") == ["cat"]
    assert animals_in("pets") == ["dog", "cat", "other"]
    assert animals_in("hamster") == ["other"]
    # Words that only contain an animal's name are not animals.
    assert animals_in("catfish; hotdog; 견과류") == []


def test_the_template_file_imports_cleanly():
    with override("en"):
        result = guests_read(data=template_csv().encode(), delegation=DelegationFactory())
    assert result.errors == [] and len(result.guests) == 1
