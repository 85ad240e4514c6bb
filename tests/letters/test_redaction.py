"""Personal data out of a letter's public form: masked in the draft, refused if left in."""

import pytest

from gov_disclosure.letters.redaction import letter_redact, public_text_problems

pytestmark = pytest.mark.django_db


def test_the_writers_data_and_numbers_in_the_text_are_masked(write):
    letter = write(
        content="我叫王小明，住宁波市镇海区庄市街道兴庄路12号，也就是兴庄路12号那栋楼。"
        "手机13812345678，邮箱wxm@example.com，另一个号码139 1234 5678。"
    )

    text = letter_redact(letter.content, letter=letter)

    assert text == ("我叫×××，住***，也就是***那栋楼。手机***，邮箱***，另一个号码***。")


def test_ordinary_text_is_left_alone(write):
    letter = write(writer={"name": "王", "address": ""})

    text = "王家桥路段2024年共修缮12处，投入资金35万元。"

    assert letter_redact(text, letter=letter) == text


def test_problems_name_the_field_and_what_is_left_masked(write):
    letter = write()
    letter.public_subject = "王小明反映的噪音问题"
    letter.public_content = "请联系13812345678。"
    letter.reply = "经核查，已处理。"

    problems = public_text_problems(letter=letter)

    assert len(problems) == 2
    assert problems[0].startswith("公开标题含有写信人姓名")
    assert "王小明" not in problems[0]
    assert problems[1].startswith("公开的来信内容含有")
    assert "13812345678" not in " ".join(problems)


def test_clean_public_texts_have_no_problems(write):
    letter = write()
    letter.public_subject = "兴庄路夜间施工噪音扰民"
    letter.public_content = "附近工地夜里施工，噪音很大。"
    letter.reply = "经核查，已责令停工。"

    assert public_text_problems(letter=letter) == []
