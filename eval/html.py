"""Small HTML builders for the self-contained report. Every value goes through `esc`:
failure lists show shoppers' raw messages, which may hold anything, markup included."""

from __future__ import annotations

import hashlib
import html
import json
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

CSS = """
body{font-family:-apple-system,"Segoe UI",Roboto,"Noto Sans CJK SC","PingFang SC",
 "Microsoft YaHei","WenQuanYi Micro Hei",sans-serif;
 margin:0;color:#1f2933;background:#f5f7fa}
main{max-width:1100px;margin:0 auto;padding:24px 32px 64px;background:#fff}
h1{font-size:26px;margin:0 0 4px}h2{font-size:21px;margin:36px 0 8px;padding-top:12px;
 border-top:2px solid #d9e2ec}h3{font-size:16px;margin:22px 0 6px;color:#334e68}
.meta{color:#627d98;font-size:13px;margin-bottom:16px}
.scroll{overflow-x:auto;max-width:100%}
table{border-collapse:collapse;margin:8px 0 12px;font-size:13px}
th,td{border:1px solid #d9e2ec;padding:4px 8px;text-align:left;vertical-align:top}
th{background:#f0f4f8}td.num{text-align:right;font-variant-numeric:tabular-nums}
.fail td{font-size:12px}.fail td.text{max-width:460px;word-break:break-word}
img{max-width:100%;display:block;margin:6px 0}
.plots{display:flex;flex-wrap:wrap;gap:16px;align-items:flex-start}
.good{color:#2f8132;font-weight:600}.bad{color:#b5484b;font-weight:600}
.note{background:#fffbea;border-left:4px solid #f0b429;padding:8px 12px;font-size:13px;
 margin:8px 0}
nav a{margin-right:12px;font-size:14px}code{background:#f0f4f8;padding:1px 4px}
details summary{cursor:pointer;color:#334e68;margin:6px 0}
tr:target{background:#fff3c4}.failnav a{margin-right:14px}
table.heat{font-size:10px}.heat th,.heat td{padding:1px 3px;text-align:center}
.heat th.col{writing-mode:vertical-rl;transform:rotate(180deg);text-align:left}
.heat th.row{text-align:right}.heat td.miss{color:#b5484b;font-weight:600}
"""


class Html(str):
    """Markup made here from escaped parts (a link): the one value tables do not escape."""


def link(href: str, text: Any) -> Html:
    return Html(f'<a href="{esc(href)}">{esc(text)}</a>')


def anchor_id(case_id: str) -> str:
    """An HTML id for a case id (which holds ':', '#', spaces, Chinese...)."""
    return "case-" + hashlib.sha1(case_id.encode("utf-8")).hexdigest()[:12]


def esc(value: Any) -> str:
    if isinstance(value, dict | list):
        value = json.dumps(value, ensure_ascii=False, default=str)
    return html.escape("" if value is None else str(value), quote=True)


def fmt(value: Any) -> str:
    if isinstance(value, bool) or value is None:
        return "–" if value is None else str(value)
    if isinstance(value, float):
        return f"{value:.4g}" if abs(value) < 1000 else f"{value:,.1f}"
    return str(value)


def table(rows: Sequence[Mapping[str, Any]], columns: Sequence[str] | None = None, *,
          css: str = "", index: str | None = None, ids: Sequence[str] | None = None) -> str:
    """Rows of dicts; ``index`` names a first column taken from the row's key; ``ids``
    gives each row an HTML id (a link target)."""
    if not rows:
        return "<p><em>none</em></p>"
    cols = list(columns or dict.fromkeys(k for r in rows for k in r))
    head = "".join(f"<th>{esc(c)}</th>" for c in cols)
    body = []
    for n, row in enumerate(rows):
        cells = []
        for c in cols:
            value = row.get(c)
            if isinstance(value, Html):
                cells.append(f'<td class="text">{value}</td>')
            elif isinstance(value, int | float) and not isinstance(value, bool):
                cells.append(f'<td class="num">{esc(fmt(value))}</td>')
            else:
                cells.append(f'<td class="text">{esc(fmt(value) if value is None else value)}'
                             "</td>")
        row_id = f' id="{esc(ids[n])}"' if ids is not None and n < len(ids) else ""
        body.append(f"<tr{row_id}>" + "".join(cells) + "</tr>")
    cls = f' class="{css}"' if css else ""
    return f'<div class="scroll"><table{cls}><tr>{head}</tr>{"".join(body)}</table></div>'


def keyed_table(data: Mapping[str, Mapping[str, Any]], first: str = "") -> str:
    """A dict of dicts as a table, keys in the first column."""
    return table([{first or " ": k, **v} for k, v in data.items()])


def scalars(data: Mapping[str, Any]) -> str:
    """The plain numbers and strings of a metrics dict as a two-column table."""
    rows = [{"metric": k, "value": v} for k, v in data.items()
            if (isinstance(v, int | float | str) or v is None) and not k.startswith("_")]
    return table(rows)


def img(png_b64: str, alt: str) -> str:
    if not png_b64:
        return ""
    return f'<img alt="{esc(alt)}" src="data:image/png;base64,{png_b64}">'


def plots(*images: str) -> str:
    shown = [i for i in images if i]
    return f'<div class="plots">{"".join(shown)}</div>' if shown else ""


def heatmap(labels: Sequence[str], counts: Sequence[Sequence[int]], title: str) -> str:
    """A confusion matrix as a table: rows gold, columns predicted, each cell shaded by
    its share of the row (rare intents read as well as common ones), off-diagonal counts
    in red. A table, not a picture: searchable, and a tenth of the time to make."""
    if not labels:
        return ""
    head = "".join(f'<th class="col">{esc(label)}</th>' for label in labels)
    body = []
    for i, (gold, row) in enumerate(zip(labels, counts, strict=True)):
        total = max(1, sum(row))
        cells = []
        for j, n in enumerate(row):
            share = n / total
            style = f"background:rgba(59,110,165,{share:.2f})" if n else ""
            style += ";color:#fff" if share > 0.55 else ""
            miss = ' class="miss"' if n and i != j else ""
            cells.append(f'<td{miss} style="{style}" title="{esc(gold)} -> '
                         f'{esc(labels[j])}: {n}">{n or ""}</td>')
        body.append(f'<tr><th class="row">{esc(gold)}</th>{"".join(cells)}</tr>')
    return (f'<div class="scroll"><table class="heat"><caption>{esc(title)}: gold (rows) '
            f"against predicted (columns)</caption><tr><th></th>{head}</tr>"
            f'{"".join(body)}</table></div>')


def note(text: str) -> str:
    return f'<div class="note">{esc(text)}</div>'


def section(anchor: str, title: str, parts: Iterable[str]) -> str:
    return f'<section id="{esc(anchor)}"><h2>{esc(title)}</h2>{"".join(parts)}</section>'


def sub(title: str, *parts: str) -> str:
    return f"<h3>{esc(title)}</h3>{''.join(parts)}"


def folded(summary: str, body: str) -> str:
    return f"<details><summary>{esc(summary)}</summary>{body}</details>"


def page(title: str, header: str, body: str) -> str:
    return (f'<!doctype html><html lang="en"><head><meta charset="utf-8">'
            f"<title>{esc(title)}</title><style>{CSS}</style></head>"
            f"<body><main>{header}{body}</main></body></html>")
