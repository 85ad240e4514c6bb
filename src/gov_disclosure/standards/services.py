"""Applying an area of the standard catalogue to an agency's catalogue."""

from django.db import transaction
from wagtail.log_actions import log

from gov_disclosure.pages.addresses import free_child_slug
from gov_disclosure.pages.models import DisclosureCategoryPage, DisclosureIndexPage
from gov_disclosure.pages.public_changes import catalogue_changed

from .models import AppliedArea, StandardSlot
from .spec import TOWNSHIP, StandardArea, StandardMatter

APPLY = "disclosure_standards.apply"


class ApplyError(ValueError):
    """The area cannot be applied as asked; the message says why, in Chinese."""


def _free_code(parent, wanted: str | None = None) -> str:
    """``wanted`` if no sibling category uses it, else the next free two-digit code."""
    used = set(DisclosureCategoryPage.objects.child_of(parent).values_list("code", flat=True))
    if wanted and wanted not in used:
        return wanted
    number = max((int(code) for code in used if code.isdigit()), default=0) + 1
    while f"{number:02d}" in used:
        number += 1
    return f"{number:02d}"


def _category_create(parent, *, title: str, code: str, description: str, user):
    """A published category under ``parent`` (logged as created and published by ``user``)."""
    code = _free_code(parent, code)
    slug_code = (
        code if parent.specific_class is DisclosureIndexPage else parent.specific.code + code
    )
    category = parent.add_child(
        instance=DisclosureCategoryPage(
            title=title,
            code=code,
            description=description,
            slug=free_child_slug(parent, f"c{slug_code}"),
            live=False,
            owner=user,
        )
    )
    category.save_revision(user=user, log_action=True).publish(user=user)
    return category


def _slot_fields(matter: StandardMatter) -> dict:
    return {
        "group": matter.group,
        "name": matter.name,
        "content": matter.content,
        "basis": matter.basis,
        "deadline": matter.deadline,
        "period": matter.rule.period,
        "working_days": matter.rule.working_days,
        "subject": matter.subject,
        "channels": list(matter.channels),
        "audience": matter.audience,
        "method": matter.method,
    }


def _own_category(agency, category, *, top_level: bool = False):
    if category is None:
        return None
    category = category.specific
    if not (isinstance(category, DisclosureCategoryPage) and category.path.startswith(agency.path)):
        raise ApplyError(f"“{category.title}”不是本机关的目录分类。")
    if top_level and category.is_subcategory:
        raise ApplyError(f"“{category.title}”是二级分类，其下不能再建事项分类；请选一级分类。")
    return category


@transaction.atomic
def standard_area_apply(
    *,
    agency: DisclosureIndexPage,
    area: StandardArea,
    user,
    level: str = TOWNSHIP,
    area_category: DisclosureCategoryPage | None = None,
    mapping: dict[str, DisclosureCategoryPage | None] | None = None,
) -> AppliedArea:
    """Apply ``area`` to ``agency``: each 公开事项 of ``level`` becomes a slot filled by
    the category ``mapping`` names for its code, or by a new subcategory of the area's
    category (``area_category``, else one created and named after the area).

    Applying again brings the slots up to the template (new 事项 added, texts updated)
    and keeps every category already chosen; nothing is ever deleted."""
    mapping = mapping or {}
    matters = [matter for matter in area.matters if level in matter.levels]
    if not matters:
        raise ApplyError(f"“{area.area}”没有适用于{level}的公开事项。")
    unknown = set(mapping) - {matter.code for matter in matters}
    if unknown:
        raise ApplyError(f"“{area.area}”没有事项代码 {'、'.join(sorted(unknown))}。")
    applied = AppliedArea.objects.select_for_update().filter(agency=agency, key=area.key).first()
    if applied is None:
        applied = AppliedArea(agency=agency, key=area.key)
    applied.area, applied.source, applied.template_digest = area.area, area.source, area.digest
    applied.applied_by = user
    area_category = _own_category(agency, area_category, top_level=True) or (
        applied.category if applied.pk else None
    )
    slots = {slot.code: slot for slot in applied.slots.all()} if applied.pk else {}
    needs_new = [
        matter
        for matter in matters
        if mapping.get(matter.code) is None
        and (matter.code not in slots or slots[matter.code].category_id is None)
    ]
    if area_category is None and needs_new:
        area_category = _category_create(
            agency, title=area.area, code="", description=area.source, user=user
        )
    applied.category = area_category
    applied.save()
    created, mapped = [], []
    for matter in matters:
        slot = slots.get(matter.code) or StandardSlot(applied_area=applied, code=matter.code)
        for name, value in _slot_fields(matter).items():
            setattr(slot, name, value)
        chosen = _own_category(agency, mapping.get(matter.code))
        if chosen is not None:
            slot.category = chosen
            mapped.append(matter.code)
        elif slot.category_id is None:
            slot.category = _category_create(
                area_category,
                title=matter.name,
                code=matter.code,
                description=matter.content,
                user=user,
            )
            created.append(matter.code)
        slot.save()
    catalogue_changed()  # category pages show the 事项 they fill
    log(
        instance=agency,
        action=APPLY,
        user=user,
        data={
            "area": area.area,
            "key": area.key,
            "level": level,
            "created": created,
            "mapped": mapped,
        },  # fmt: skip
    )
    return applied
