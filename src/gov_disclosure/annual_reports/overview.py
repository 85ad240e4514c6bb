"""Section 一's opening text, written from the year's facts.

It is a starting point: the office edits it, and a later generation replaces it
only while it still reads exactly as generated (gov_disclosure.annual_reports.services).
"""

from django.utils.html import format_html_join

from gov_disclosure.pages.models import PUBLICATION_DEADLINE_WORKING_DAYS

from .selectors import OverviewFacts, overview_facts


def _listing(pairs: list[tuple[str, int]], unit: str) -> str:
    return "、".join(f"{name}{count}{unit}" for name, count in pairs)


def overview_html(*, agency_name: str, year: int, facts: OverviewFacts) -> str:
    paragraphs = []
    proactive = (
        f"{year}年，{agency_name}通过本机关政府信息公开平台"
        f"主动公开政府信息{facts.items_published}条"
    )
    if facts.items_by_category:
        proactive += (
            f"，涉及{len(facts.items_by_category)}个目录分类："
            f"{_listing(facts.items_by_category, '条')}"
        )
    proactive += "。"
    if facts.items_published:
        on_time = facts.items_published - facts.items_late
        proactive += (
            f"其中{on_time}条在信息形成之日起{PUBLICATION_DEADLINE_WORKING_DAYS}个工作日内公开"
            + (f"，{facts.items_late}条超过时限" if facts.items_late else "")
            + "。"
        )
    if facts.fed_to_aggregators:
        proactive += "公开的信息同时通过数据接口同步至区政府信息公开网。"
    paragraphs.append(("（一）主动公开。", proactive))

    requests = f"本年度共收到政府信息公开申请{facts.requests_received}件"
    if facts.requests_by_channel:
        requests += f"（{_listing(facts.requests_by_channel, '件')}）"
    requests += (
        f"，上年结转{facts.requests_carried_in}件；本年度办结{facts.requests_answered}件，"
        f"结转下年度继续办理{facts.requests_carried_out}件。"
    )
    paragraphs.append(("（二）依申请公开。", requests))

    paragraphs.append(
        (
            "（三）监督保障。",
            f"本年度因政府信息公开工作被申请行政复议{facts.reviews}件，"
            f"被提起行政诉讼{facts.lawsuits}件。",
        )
    )
    return format_html_join("", "<p><b>{}</b>{}</p>", paragraphs)


def agency_overview_html(*, agency, year: int, figures: dict[str, dict]) -> str:
    """Section 一 as the agency's data for ``year`` (and its ``figures``) writes it today."""
    facts = overview_facts(agency=agency, year=year, figures=figures)
    return overview_html(agency_name=agency.agency_name, year=year, facts=facts)


def same_text(a: str, b: str) -> bool:
    """Whether two rich texts read the same: the editor rewrites markup, not words."""
    from gov_disclosure.pages.texts import html_to_text

    return "".join(html_to_text(a or "").split()) == "".join(html_to_text(b or "").split())
