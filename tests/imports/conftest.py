import csv
import io

import pytest

from tests.review.conftest import office, other_office  # noqa: F401

HEADERS = ["索引号", "名称", "分类", "发布机构", "主题分类", "体裁分类", "文号", "成文日期",
           "发布日期", "有效性", "废止日期", "内容概述", "关键词", "正文", "附件"]  # fmt: skip


def csv_bytes(rows: list[dict], *, headers=HEADERS, encoding="utf-8-sig") -> bytes:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=headers)
    writer.writeheader()
    writer.writerows(rows)
    return out.getvalue().encode(encoding)


def row(of, serial: int, **values) -> dict:
    """A good row of the agency of ``of`` (an office): 2024, numbered in its pattern."""
    base = {
        "索引号": f"{of.agency.org_code}/2024-{serial:05d}",
        "名称": f"关于做好第{serial}批惠民工作的通知",
        "分类": "04",
        "发布机构": of.department_a.name,
        "主题分类": "综合政务",
        "体裁分类": "通知",
        "文号": f"庄街〔2024〕{serial}号",
        "成文日期": "2024-03-01",
        "发布日期": "2024/3/5",
        "有效性": "有效",
        "内容概述": f"第{serial}批惠民工作的安排。",
        "关键词": "惠民",
        "正文": f"<p>第{serial}批惠民工作的具体安排如下。</p><script>alert(1)</script>",
    }
    base.update(values)
    return base


@pytest.fixture
def export_file(tmp_path):
    def write(content: bytes, name="export.csv"):
        path = tmp_path / name
        path.write_bytes(content)
        return path

    return write
