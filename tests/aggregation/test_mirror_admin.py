"""What the district's staff read of a mirrored item in the admin."""

import datetime

import pytest
from django.utils import timezone

from gov_disclosure.aggregation.models import MirroredItem, Source

pytestmark = pytest.mark.django_db


def test_a_mirrored_items_links_read_as_headings_and_titles(admin_client):
    source = Source.objects.create(name="庄市街道", base_url="http://zhuangshi.example.gov.cn")
    mirror = MirroredItem.objects.create(
        source=source, remote_id=7, index_number="A/2024-00007", title="养老服务实施意见",
        agency_name="庄市街道办事处", agency_org_code="A", category_code="02",
        subject="综合政务", genre="行政规范性文件", publisher_name="党政办公室",
        written_date=datetime.date(2024, 3, 1), disclosure_method="主动公开",
        disclosure_period="长期公开", validity="有效", remote_updated_at=timezone.now(),
        record_hash="x",
        relations=[{"kind": "interpretation", "direction": "from", "interpretation_form": "qa",
                    "id": 8, "index_number": "A/2024-00008", "title": "养老服务实施意见问答",
                    "publish_date": "2024-03-05", "url": None}],
    )  # fmt: skip

    page = admin_client.get(f"/admin/mirrored_items/inspect/{mirror.pk}/").content.decode()

    assert "政策解读：养老服务实施意见问答（A/2024-00008）" in page
