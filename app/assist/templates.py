"""Per-intent response templates (prompts/templates/<lang>/<intent>.j2), filled with facts.

Templates only ever see facts from action results, parameters and the store policy,
so a template reply is grounded by construction.
"""

from __future__ import annotations

from datetime import datetime
from functools import lru_cache
from pathlib import Path
from typing import Any

import jinja2

from app.errors import ConfigError

ORDER_STATUS = {
    "en": {"pending": "awaiting payment", "paid": "paid and being prepared",
           "shipped": "shipped", "delivered": "delivered", "cancelled": "cancelled",
           "returned": "returned"},
    "zh": {"pending": "待付款", "paid": "已付款，备货中", "shipped": "已发货",
           "delivered": "已签收", "cancelled": "已取消", "returned": "已退货"},
}
REFUND_STATUS = {
    "en": {"requested": "requested", "approved": "approved", "refunded": "refunded",
           "rejected": "rejected"},
    "zh": {"requested": "已申请", "approved": "已批准", "refunded": "已退款", "rejected": "已拒绝"},
}


def _as_datetime(value: Any) -> datetime | None:
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return value
    return datetime.fromisoformat(str(value).replace("Z", "+00:00"))


# how each language writes the common currencies; any other code is written as itself
SYMBOLS = {"en": {"USD": "${}", "EUR": "€{}", "GBP": "£{}", "CNY": "¥{}", "JPY": "¥{}",
                  "HKD": "HK${}", "SGD": "S${}"},
           "zh": {"USD": "{} 美元", "EUR": "{} 欧元", "GBP": "{} 英镑", "CNY": "{} 元",
                  "JPY": "{} 日元", "HKD": "{} 港元", "SGD": "{} 新加坡元"}}


def _filters(language: str) -> dict[str, Any]:
    @jinja2.pass_context
    def money(ctx: jinja2.runtime.Context, amount: Any, currency: str | None = None) -> str:
        """An amount in ``currency`` (default: the store's, from the policy in context)."""
        if amount is None:
            return ""
        value = f"{float(amount):.2f}"
        policy = ctx.get("policy")
        store_currency = policy.get("currency") if isinstance(policy, dict) else None
        code = str(currency or store_currency or "USD").upper()
        return SYMBOLS.get(language, {}).get(code, "{} " + code).format(value)

    def date(value: Any) -> str:
        when = _as_datetime(value)
        if when is None:
            return ""
        return f"{when.year}年{when.month}月{when.day}日" if language == "zh" else (
            when.strftime("%b %-d, %Y"))

    def join_items(items: Any) -> str:
        sep = "、" if language == "zh" else ", "
        return sep.join(f"{i.get('name')} x{i.get('qty', 1)}" for i in items or [])

    return {
        "money": money,
        "date": date,
        "order_status": lambda s: ORDER_STATUS[language].get(str(s), str(s)),
        "refund_status": lambda s: REFUND_STATUS[language].get(str(s), str(s)),
        "join_items": join_items,
    }


@lru_cache(maxsize=4)
def _environment(folder: Path, language: str) -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(folder / language),
        autoescape=False,  # plain-text chat replies, never HTML
        trim_blocks=True,
        lstrip_blocks=True,
        undefined=jinja2.ChainableUndefined,
        keep_trailing_newline=False,
    )
    env.filters.update(_filters(language))
    return env


def render(prompts_dir: Path, *, language: str, name: str, context: dict[str, Any]) -> str | None:
    """The filled template, or None when there is no template of that name."""
    env = _environment(prompts_dir / "templates", language)
    try:
        template = env.get_template(f"{name}.j2")
    except jinja2.TemplateNotFound:
        return None
    try:
        text = template.render(**context)
    except jinja2.TemplateError as exc:
        raise ConfigError(f"template {language}/{name}.j2 failed: {exc}") from exc
    return "\n".join(line.strip() for line in text.strip().splitlines() if line.strip())
