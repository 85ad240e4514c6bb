"""The catalogue template format and the 26 areas shipped with the plugin."""

import pytest

from gov_disclosure.standards.checks import standard_catalogue_templates
from gov_disclosure.standards.spec import (
    Deadline,
    TemplateError,
    area_parse,
    available_areas,
    shipped_areas,
)

AREAS = [
    "城乡规划", "重大建设项目", "公共资源交易", "财政预决算", "安全生产", "税收管理", "征地补偿",
    "国有土地上房屋征收", "农村危房改造", "扶贫", "救灾", "食品药品监管", "城市综合执法",
    "公共文化服务", "户籍管理", "社会救助", "养老服务", "涉农补贴", "义务教育", "环境保护",
    "公共法律服务", "医疗卫生", "市政服务", "就业", "社会保险", "卫生健康",
]  # fmt: skip


def test_the_26_areas_of_the_standard_are_shipped():
    areas = shipped_areas()

    assert sorted(area.area for area in areas.values()) == sorted(AREAS)
    for area in areas.values():
        assert area.source and area.matters
        for matter in area.matters:
            assert matter.content and matter.basis and matter.deadline and matter.subject


def test_a_subdistrict_has_matters_in_nearly_every_area():
    without = [a.area for a in shipped_areas().values() if not a.township_matters]

    assert without == ["税收管理"]  # a county tax office's work only


@pytest.mark.parametrize(
    ("words", "rule"),
    [
        ("信息形成或变更之日起20个工作日内", Deadline("working_days", 20)),
        ("作出决定之日起7个工作日内", Deadline("working_days", 7)),
        ("每季度公开一次", Deadline("quarterly")),
        ("每月更新", Deadline("monthly")),
        ("每年公开一次", Deadline("yearly")),
        ("随部门预决算每年公开", Deadline("yearly")),
        ("长期公开", Deadline("none")),
        ("灾情稳定前实时更新", Deadline("none")),
    ],
)
def test_the_deadline_is_read_from_its_words(words, rule):
    assert Deadline.from_words(words) == rule


GOOD = """
key = "test-area"
area = "测试领域"
source = "测试来源"

[defaults]
subject = "街道办事处"
basis = "《政府信息公开条例》"

[[matters]]
code = "01"
group = "政策"
name = "政策文件"
content = "政策文件。"
deadline = "信息形成或变更之日起20个工作日内"
"""


def test_a_template_file_is_read_with_its_defaults():
    area = area_parse(GOOD, name="test.toml")

    [matter] = area.matters
    assert (area.key, area.area, matter.subject, matter.basis) == (
        "test-area",
        "测试领域",
        "街道办事处",
        "《政府信息公开条例》",
    )
    assert matter.levels == ("县级", "乡级") and matter.method == "主动"


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (
            ('name = "政策文件"', 'name = "政策文件"\ncolour = "红"'),
            "第1个事项：不认识的字段 colour",
        ),
        (('code = "01"', 'code = "0-1"'), "第1个事项：事项代码只能是1至8位数字或字母"),
        (('group = "政策"', 'group = "政策"\nlevels = ["省级"]'), "“levels”只能是 县级、乡级"),
        (('content = "政策文件。"', ""), "第1个事项：缺少“content”"),
        (('key = "test-area"', 'key = "Test Area"'), "key 只能由小写字母、数字和连字符组成"),
        (('area = "测试领域"', 'area = "测试领域'), "不是有效的 TOML"),
    ],
)
def test_a_bad_template_is_refused_saying_where(change, message):
    old, new = change

    with pytest.raises(TemplateError) as refused:
        area_parse(GOOD.replace(old, new), name="test.toml")

    assert message in str(refused.value) and "test.toml" in str(refused.value)


def test_duplicate_codes_are_refused():
    twice = GOOD + GOOD[GOOD.index("[[matters]]") :]

    with pytest.raises(TemplateError, match="事项代码重复：01"):
        area_parse(twice, name="test.toml")


def test_a_site_offers_its_own_areas_besides_the_shipped_ones(disclosure_settings, tmp_path):
    own = GOOD.replace('key = "test-area"', 'key = "zhejiang-old-towns"')
    (tmp_path / "zhejiang.toml").write_text(own, encoding="utf-8")
    disclosure_settings.STANDARD_CATALOGUE_DIRS = [str(tmp_path)]

    areas = available_areas()

    assert len(areas) == 27 and areas["zhejiang-old-towns"].area == "测试领域"


def test_a_bad_site_template_fails_the_system_check_naming_the_file(disclosure_settings, tmp_path):
    (tmp_path / "bad.toml").write_text(GOOD.replace('code = "01"', 'code = "0-1"'), "utf-8")
    disclosure_settings.STANDARD_CATALOGUE_DIRS = [str(tmp_path)]

    [error] = standard_catalogue_templates(None)

    assert error.id == "gov_disclosure.E031" and "bad.toml 第1个事项" in error.msg


def test_a_missing_template_folder_fails_the_system_check(disclosure_settings, tmp_path):
    disclosure_settings.STANDARD_CATALOGUE_DIRS = [str(tmp_path / "nowhere")]

    [error] = standard_catalogue_templates(None)

    assert error.id == "gov_disclosure.E030"
