"""Synthetic data for the import and ingestion benchmarks: a store of N orders and a
large markdown file, both deterministic for a seed.

The store's ids deliberately look nothing like the demo's (``C001``/``A10023``): each
customer and order takes one of several real-world shapes, so nothing downstream (id
shape learning, the order index) is flattered by one familiar pattern.
"""

from __future__ import annotations

import json
import random
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any, TextIO

START = datetime(2026, 1, 1, tzinfo=UTC)
PRODUCTS = [("Trail Runner GTX", 139.0), ("Linen Shirt", 49.5), ("Espresso Grinder", 219.0),
            ("Yoga Mat 6 mm", 34.0), ("USB-C Hub 7-in-1", 45.99), ("Silk Pillowcase", 29.0),
            ("Cast Iron Dutch Oven", 89.0), ("Kids Rain Boots", 27.5), ("手冲咖啡壶", 168.0),
            ("真丝围巾", 299.0), ("蓝牙音箱", 199.0), ("儿童保温杯", 79.0)]
STATUSES = ["pending", "paid", "shipped", "delivered", "cancelled", "returned"]
CARRIERS = ["UPS", "DHL", "SF Express", "FedEx", "中通快递"]

# several shapes of id per kind, as different platforms number their records
CUSTOMER_IDS: list[Callable[[int], str]] = [
    lambda n: f"cus_{n * 7919 % 10**9:09x}", lambda n: f"U-{n:07d}", lambda n: f"{n + 10**11}"]
ORDER_IDS: list[Callable[[int], str]] = [
    lambda n: f"SO-{n + 200000}",
    lambda n: f"{n % 900 + 100}-{n * 31 % 10**7:07d}-{n % 10**7:07d}",
    lambda n: f"{n + 4 * 10**17}",
    lambda n: f"W{n * 13 % 10**8:08d}",
    lambda n: f"shop.{2026}.{n:06d}"]


def customer_id(n: int) -> str:
    return CUSTOMER_IDS[n % len(CUSTOMER_IDS)](n)


def order_id(n: int) -> str:
    return ORDER_IDS[n % len(ORDER_IDS)](n)


def _customer(n: int, rng: random.Random) -> dict[str, Any]:
    zh = rng.random() < 0.3
    name = f"顾客{n}" if zh else f"Shopper {n}"
    return {"id": customer_id(n), "name": name, "email": f"shopper{n}@example.com",
            "phone": f"+1-555-{n % 10**7:07d}", "language": "zh" if zh else "en",
            "default_address": f"{n % 900 + 1} Market Street, Unit {n % 97}"}


def _order(n: int, customers: int, rng: random.Random) -> dict[str, Any]:
    created = START + timedelta(minutes=n * 3 + rng.randrange(3))
    items: list[dict[str, Any]] = [
        {"product_id": f"sku-{k}", "name": PRODUCTS[k][0], "qty": rng.randint(1, 3),
         "price": PRODUCTS[k][1]}
        for k in rng.sample(range(len(PRODUCTS)), rng.randint(1, 3))]
    status = STATUSES[rng.randrange(len(STATUSES))]
    shipped = status in ("shipped", "delivered", "returned")
    record: dict[str, Any] = {
        "id": order_id(n), "customer_id": customer_id(rng.randrange(customers)),
        "status": status, "created_at": created.strftime("%Y-%m-%dT%H:%M:%SZ"),
        "items": items, "total": round(sum(i["qty"] * i["price"] for i in items), 2),
        "currency": "USD", "shipping_address": f"{n % 500 + 1} Harbour Road"}
    if shipped:
        record.update(carrier=rng.choice(CARRIERS), tracking_number=f"TRK{n:010d}",
                      shipped_at=(created + timedelta(days=1)).strftime("%Y-%m-%dT%H:%M:%SZ"))
    return record


def _refund(order: dict[str, Any]) -> dict[str, Any]:
    return {"id": f"rf-{order['id']}", "order_id": order["id"], "status": "approved",
            "amount": round(order["total"] / 2, 2), "created_at": order["created_at"]}


def _write_list(out: TextIO, name: str, records: Iterator[dict[str, Any]]) -> None:
    out.write(f'"{name}": [')
    for i, record in enumerate(records):
        out.write(("," if i else "") + "\n" + json.dumps(record, ensure_ascii=False))
    out.write("\n]")


def write_store(path: Path, orders: int, *, customers: int | None = None,
                seed: int = 7) -> Path:
    """A store file of ``orders`` orders (1-3 lines each) for as many customers (unless
    told otherwise), products, and a refund for one order in ten; written record by
    record, so generating a big one costs no memory."""
    rng = random.Random(seed)
    people = customers or orders
    refunds: list[dict[str, Any]] = []

    def all_orders() -> Iterator[dict[str, Any]]:
        for n in range(orders):
            record = _order(n, people, rng)
            if n % 10 == 3:
                refunds.append(_refund(record))
            yield record

    products = ({"id": f"sku-{k}", "name": name, "price": price, "currency": "USD"}
                for k, (name, price) in enumerate(PRODUCTS))
    with path.open("w", encoding="utf-8") as out:
        out.write("{")
        _write_list(out, "customers", (_customer(n, rng) for n in range(people)))
        out.write(",\n")
        _write_list(out, "products", products)
        out.write(",\n")
        _write_list(out, "orders", all_orders())
        out.write(",\n")
        _write_list(out, "refunds", iter(refunds))
        out.write("}\n")
    return path


EN_WORDS = ("order parcel refund courier warranty voucher invoice return exchange size "
            "colour delivery address payment account coupon battery charger fabric seam "
            "stitching zipper outsole receipt customs duty express standard tracking").split()
ZH_PHRASES = ("退货 换货 运费 快递 发票 优惠券 保修 尺码 颜色 地址 付款 账户 物流 签收 "
              "质量问题 七天无理由 仅退款 补发 破损 包装 客服 积分 会员 预售 定金 尾款").split()


def _sentence(rng: random.Random, zh: bool) -> str:
    if zh:
        return "，".join("".join(rng.sample(ZH_PHRASES, 3)) for _ in range(rng.randint(2, 4))) \
            + "。"
    words = [rng.choice(EN_WORDS) for _ in range(rng.randint(8, 18))]
    return " ".join(words).capitalize() + f" (case {rng.randrange(10**6)})."


def write_markdown(path: Path, size_bytes: int, *, seed: int = 11) -> Path:
    """A markdown file of about ``size_bytes``: nested headings, paragraphs in English
    and Chinese, lists; sentences vary so no chunk repeats another."""
    rng = random.Random(seed)
    written = 0
    with path.open("w", encoding="utf-8") as out:
        part = 0
        while written < size_bytes:
            part += 1
            lines = [f"# Part {part}\n"]
            for sub in range(1, rng.randint(3, 6)):
                lines.append(f"## Topic {part}.{sub}\n")
                for _ in range(rng.randint(2, 6)):
                    zh = rng.random() < 0.4
                    para = " ".join(_sentence(rng, zh) for _ in range(rng.randint(3, 12)))
                    lines.append(para + "\n")
                lines.append("".join(f"- {_sentence(rng, False)}\n" for _ in range(3)))
            block = "\n".join(lines) + "\n"
            out.write(block)
            written += len(block.encode("utf-8"))
    return path
