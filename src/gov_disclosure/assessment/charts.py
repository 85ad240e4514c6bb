"""The assessment's charts, drawn on the server as SVG (pygal): no script, no outside
font or asset, so they show under the admin's content security policy and print.

Each chart has a table of the same figures beside it on the page (the accessible form).
"""

import xml.etree.ElementTree as ET

import pygal
from pygal.style import Style

_SVG = "http://www.w3.org/2000/svg"
ET.register_namespace("", _SVG)
ET.register_namespace("xlink", "http://www.w3.org/1999/xlink")

_STYLE = Style(
    background="white",
    plot_background="white",
    font_family='"Noto Sans CJK SC", "Microsoft YaHei", sans-serif',
    colors=("#005ea5", "#d4351c", "#00703c", "#f47738", "#4c2c92", "#28a197", "#b58840"),
    label_font_size=13,
    major_label_font_size=13,
    legend_font_size=13,
    title_font_size=16,
    value_font_size=12,
)
_OPTIONS = {
    "style": _STYLE,
    "js": [],  # no tooltips script (see _without_scripts)
    "disable_xml_declaration": True,
    "width": 800,
    "height": 400,
    "print_values": True,
    "legend_at_bottom": True,
}


def _without_scripts(chart) -> bytes:
    """The chart's SVG without the configuration script pygal always writes (its
    tooltips are not used: the page's table carries the figures)."""
    root = ET.fromstring(chart.render(is_unicode=True))
    for parent in root.iter():
        for child in list(parent):
            if child.tag == f"{{{_SVG}}}script":
                parent.remove(child)
    return ET.tostring(root, encoding="utf-8")


def totals_chart(*, title: str, names: list[str], totals: list[float], full: float) -> bytes:
    """Agencies side by side: each one's total score."""
    chart = pygal.HorizontalBar(title=title, range=(0, max(full, 1)), show_legend=False, **_OPTIONS)
    chart.x_labels = names
    chart.add(title, totals)
    return _without_scripts(chart)


def trend_chart(
    *, title: str, years: list[int], series: dict[str, list[float | None]], percent: bool
) -> bytes:
    """One indicator over the years, a line per agency."""
    chart = pygal.Line(
        title=title,
        value_formatter=(lambda v: f"{v:.0%}") if percent else (lambda v: f"{v:g}"),
        allow_interruptions=True,
        range=(0, 1) if percent else None,
        **_OPTIONS,
    )
    chart.x_labels = [str(year) for year in years]
    for name, values in series.items():
        chart.add(name, values)
    return _without_scripts(chart)
