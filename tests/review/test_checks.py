"""The automated confidentiality checks, on text a reviewer would recognise."""

import itertools

import pytest

from gov_disclosure.core.law_corpus import iter_laws
from gov_disclosure.demo.corpus import default_corpus_path
from gov_disclosure.review.checks import CheckText, Kind, Severity, WordRule, run_checks
from gov_disclosure.review.checks.personal_data import is_valid_id_number, passes_luhn

ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)


def valid_id(body17: str = "33021119850704123") -> str:
    total = sum(int(digit) * weight for digit, weight in zip(body17, ID_WEIGHTS, strict=True))
    return body17 + "10X98765432"[total % 11]


def valid_card(prefix15: str = "622202123456789") -> str:
    for last in "0123456789":
        if passes_luhn(prefix15 + last):
            return prefix15 + last
    raise AssertionError


def body(text: str) -> list[CheckText]:
    return [CheckText("body", "正文", text)]


def kinds(findings) -> list[str]:
    return [finding.kind for finding in findings]


def test_a_resident_id_with_a_valid_check_digit_is_found_and_masked():
    number = valid_id()
    text = f"经核查，申请人王某（身份证号：{number}）符合条件。"

    [finding] = run_checks(body(text))

    assert finding.kind == Kind.ID_NUMBER and finding.severity == Severity.BLOCKING
    assert text[finding.start : finding.end] == number
    assert number not in finding.excerpt  # the excerpt does not repeat the number
    assert number[:3] in finding.excerpt and number[-4:] in finding.excerpt


def test_an_eighteen_digit_run_with_a_wrong_check_digit_does_not_fire():
    number = valid_id()
    wrong = number[:17] + ("0" if number[17] != "0" else "1")
    assert not is_valid_id_number(wrong)

    assert run_checks(body(f"项目编号 {wrong} 已备案。")) == []


def test_mobile_numbers_are_found_in_common_spellings():
    text = "联系人：李某 13812345678；备用 139-1234-5678；+86 137 1234 5678。"

    assert kinds(run_checks(body(text))) == [Kind.MOBILE] * 3


def test_a_bank_card_must_pass_luhn():
    card = valid_card()
    broken = card[:-1] + str((int(card[-1]) + 1) % 10)
    grouped = " ".join(card[i : i + 4] for i in range(0, len(card), 4))

    assert kinds(run_checks(body(f"补助发放至卡号 {grouped}。"))) == [Kind.BANK_CARD]
    assert run_checks(body(f"补助发放至卡号 {broken}。")) == []


def test_email_addresses_fire_in_body_text_but_not_official_ones_or_in_service_guides():
    text = "举报邮箱 zhangsan1985@qq.com，单位邮箱 zsjd@zh.gov.cn，信箱 office@zhuangshi.cn"

    found = run_checks(body(text), allowed_emails=frozenset({"office@zhuangshi.cn"}))

    assert [text[f.start : f.end] for f in found] == ["zhangsan1985@qq.com"]
    assert run_checks(body(text), emails_expected=True) == []


@pytest.mark.parametrize(
    "marked",
    [
        "秘密★1年",
        "机密★长期",
        "绝密 ★ 启用前",
        "★机密",
        "密级：秘密",
        "内部资料 注意保存",
        "内部文件",
    ],
)
def test_classification_markers_fire(marked):
    findings = run_checks(body(f"{marked}\n关于做好有关工作的通知"))

    assert findings and all(f.kind == Kind.CLASSIFICATION for f in findings)


@pytest.mark.parametrize(
    "text",
    [
        "机关、单位应当保守国家秘密，不得泄露工作秘密。",
        "《内部资料性出版物管理办法》第三条",
        "绝密级国家秘密是最重要的国家秘密。",
    ],
)
def test_laws_that_mention_secrets_do_not_fire(text):
    assert run_checks(body(text)) == []


def test_word_list_matches_exactly_and_in_variants_pointing_at_what_was_written():
    rules = (
        WordRule("法轮功", blocking=True, variants=True),
        WordRule("维稳经费", blocking=False, variants=False),
    )
    text = "一、法轮功；二、法 輪*功；三、ＦＡ轮功无关；四、維穩經費与维稳经费。"

    found = run_checks(body(text), word_rules=rules)

    assert [(f.kind, text[f.start : f.end]) for f in found] == [
        (Kind.BANNED_WORD, "法轮功"),
        (Kind.BANNED_WORD, "法 輪*功"),
        (Kind.SENSITIVE_WORD, "维稳经费"),  # exact-only: the traditional spelling is not matched
    ]
    assert found[2].severity == Severity.WARNING


def test_title_and_summary_are_checked_too():
    pieces = [
        CheckText("title", "标题", "秘密★1年 关于某事的请示"),
        CheckText("summary", "内容概述", f"当事人身份证号 {valid_id()}"),
    ]

    assert [(f.field, f.kind) for f in run_checks(pieces)] == [
        ("title", Kind.CLASSIFICATION),
        ("summary", Kind.ID_NUMBER),
    ]


def test_published_laws_raise_no_personal_data_findings():
    """Laws are full of dates, amounts and article numbers: none may look like personal data."""
    corpus = default_corpus_path()
    laws = list(itertools.islice(iter_laws(corpus), 400))
    personal = {Kind.ID_NUMBER, Kind.MOBILE, Kind.BANK_CARD, Kind.EMAIL}

    noisy = [
        (law.title, finding.excerpt)
        for law in laws
        for finding in run_checks(body(law.body))
        if finding.kind in personal
    ]

    assert sum(len(law.body) for law in laws) > 1_000_000
    assert noisy == []
