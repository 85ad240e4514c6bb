from .agency import DEFAULT_INDEX_NUMBER_PATTERN, DisclosureIndexPage
from .category import DisclosureCategoryPage
from .choices import (
    DisclosureMethod,
    DisclosurePeriod,
    Genre,
    InterpretationForm,
    RelationKind,
    Subject,
    Validity,
)
from .department import Department
from .guide import DisclosureGuidePage
from .item import PUBLICATION_DEADLINE_WORKING_DAYS, DisclosureItemPage, ItemAttachment
from .portal import DisclosurePortalPage
from .relations import ItemRelation
from .rendering import ItemRendering
from .roles import AgencyRole, Role
from .sequence import AgencyYearSequence, IndexNumberSequence, sequence_next

__all__ = [
    "DEFAULT_INDEX_NUMBER_PATTERN",
    "AgencyRole",
    "Department",
    "DisclosureCategoryPage",
    "DisclosureGuidePage",
    "DisclosureIndexPage",
    "DisclosureItemPage",
    "DisclosureMethod",
    "DisclosurePeriod",
    "DisclosurePortalPage",
    "Genre",
    "IndexNumberSequence",
    "ItemAttachment",
    "ItemRelation",
    "InterpretationForm",
    "RelationKind",
    "ItemRendering",
    "Subject",
    "PUBLICATION_DEADLINE_WORKING_DAYS",
    "Role",
    "Validity",
    "sequence_next",
    "AgencyYearSequence",
]
