"""The report as the national form draws it: a grid of cells with spans, shared by the
page, the editing form and the XLSX workbook (the annual report's grid cells and
template)."""

from itertools import groupby

from gov_disclosure.annual_reports.layout import LABEL, VALUE, GridCell

from .spec import COUNT, ENTRIES, ENTRIES_BY_KEY, SIGNATURE_KEYS, shown

VALUE_COLUMN = "value"


def _value(entry, figures: dict) -> GridCell:
    value = figures.get(entry.key)
    # Counts stay numbers (the workbook's cells); the rest as the form prints them.
    return GridCell(
        VALUE,
        value=value if entry.kind == COUNT else shown(entry, value),
        row=entry.key,
        column=VALUE_COLUMN,
    )


def grid(figures: dict) -> list[list[GridCell]]:
    """Four columns: section, sub-section, line, value; labels span what they leave empty."""
    rows = []
    body = [entry for entry in ENTRIES if entry.key not in SIGNATURE_KEYS]
    for section, entries in groupby(body, key=lambda entry: entry.section):
        entries = list(entries)
        if not section:
            rows += [
                [GridCell(LABEL, text=e.label, colspan=3), _value(e, figures)] for e in entries
            ]
            continue
        first_in_section = True
        for group, members in groupby(entries, key=lambda entry: entry.group):
            members = list(members)
            for index, entry in enumerate(members):
                line = []
                if first_in_section:
                    line.append(GridCell(LABEL, text=section, rowspan=len(entries)))
                    first_in_section = False
                if group and index == 0:
                    line.append(GridCell(LABEL, text=group, rowspan=len(members)))
                line.append(GridCell(LABEL, text=entry.label, colspan=1 if group else 2))
                line.append(_value(entry, figures))
                rows.append(line)
    for key in SIGNATURE_KEYS:
        entry = ENTRIES_BY_KEY[key]
        rows.append([GridCell(LABEL, text=entry.label, colspan=3), _value(entry, figures)])
    return rows


def display_rows(figures: dict) -> list[list[tuple[GridCell, None]]]:
    """The grid as the annual report's grid template reads it, without inputs."""
    return [[(cell, None) for cell in line] for line in grid(figures)]
