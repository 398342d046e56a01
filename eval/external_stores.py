"""tau-bench retail and ECom-Bench mock databases -> the store import format (DESIGN.md).

Choices, all reported with the actions suite:

- Order ids are renamed to the demo store's shape, a letter and five digits (tau-bench
  ``#W2378156`` -> ``T00042``, ECom-Bench ``313021098954`` -> ``J00007``), in the store and
  in the task texts: Kefu's slot extractor recognises only that shape, and without the
  renaming every message would read as naming no order at all.
- ECom-Bench user ids are Chinese nicknames, not valid record ids: they become ``ECU001``...
- Statuses map onto ours (TAU_STATUS, ECOM_STATUS); an order with an unknown status is
  left out and counted.
- Neither database has usable dates (ECom-Bench's are from 2025): every order is placed
  20 days before the run, shipped 12 days before, and delivered 5 days before, so the
  30-day returns window is open and policy outcomes depend on status alone.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

TAU_STATUS = {"pending": "pending", "processed": "shipped", "delivered": "delivered",
              "cancelled": "cancelled"}
# 处理中 (processing) is before shipping: ECom-Bench's own policy still lets it be cancelled
ECOM_STATUS = {"待付款": "pending", "已付款": "paid", "处理中": "paid", "已发货": "shipped",
               "运输中": "shipped", "已送达": "delivered", "已签收": "delivered",
               "已退货": "returned", "已取消": "cancelled"}
ECOM_PLATFORM = "jd"


@dataclass
class Converted:
    """An import-ready store plus the renamings needed to rewrite task texts."""

    store: dict[str, list[dict[str, Any]]]
    order_ids: dict[str, str] = field(default_factory=dict)  # theirs -> ours
    customer_ids: dict[str, str] = field(default_factory=dict)  # theirs -> ours
    their_status: dict[str, str] = field(default_factory=dict)  # our order id -> theirs
    skipped: dict[str, int] = field(default_factory=dict)  # reason -> count

    def skip(self, reason: str) -> None:
        self.skipped[reason] = self.skipped.get(reason, 0) + 1

    def order_status(self, our_id: str) -> str | None:
        for order in self.store["orders"]:
            if order["id"] == our_id:
                return str(order["status"])
        return None


def _iso(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def _dates(status: str, now: datetime) -> dict[str, str | None]:
    shipped = status in ("shipped", "delivered", "returned")
    delivered = status in ("delivered", "returned")
    return {"created_at": _iso(now - timedelta(days=20)),
            "shipped_at": _iso(now - timedelta(days=12)) if shipped else None,
            "delivered_at": _iso(now - timedelta(days=5)) if delivered else None}


def _read(path: Path) -> Any:
    return json.loads(path.read_text(encoding="utf-8"))


def _tau_address(a: dict[str, str]) -> str:
    street = ", ".join(p for p in (a.get("address1"), a.get("address2")) if p)
    return f"{street}, {a.get('city', '')}, {a.get('state', '')} {a.get('zip', '')}, " \
           f"{a.get('country', '')}".strip(", ")


def convert_tau(db_dir: Path, *, now: datetime | None = None,
                users: Iterable[str] | None = None) -> Converted:
    """tau-bench retail ``db/`` -> store; ``users`` keeps a slice (their user ids)."""
    now = now or datetime.now(UTC)
    all_users: dict[str, Any] = _read(db_dir / "users.json")
    keep = set(users) if users is not None else set(all_users)
    orders: dict[str, Any] = _read(db_dir / "orders.json")
    out = Converted({"customers": [], "products": [], "orders": [], "refunds": []})
    for uid in sorted(keep & set(all_users)):
        u = all_users[uid]
        out.customer_ids[uid] = uid  # already valid record ids
        out.store["customers"].append({
            "id": uid, "name": f"{u['name']['first_name']} {u['name']['last_name']}",
            "email": u.get("email"), "language": "en",
            "default_address": _tau_address(u["address"])})
    wanted = sorted(o for o, rec in orders.items() if rec["user_id"] in keep)
    for n, their_id in enumerate(sorted(orders)):
        if their_id in wanted:
            out.order_ids[their_id] = f"T{n:05d}"  # numbered over the whole DB: stable ids
    for their_id in wanted:
        _tau_order(orders[their_id], out, now)
    product_ids = {i["product_id"] for o in out.store["orders"] for i in o["items"]}
    for pid, p in sorted(_read(db_dir / "products.json").items()):
        if pid in product_ids:
            prices = [v["price"] for v in p["variants"].values()] or [0.0]
            out.store["products"].append({"id": pid, "name": p["name"], "price": min(prices),
                                          "currency": "USD",
                                          "attributes": {"variants": len(p["variants"])}})
    return out


def _tau_order(rec: dict[str, Any], out: Converted, now: datetime) -> None:
    status = TAU_STATUS.get(rec["status"])
    if status is None:
        out.skip(f"tau order status {rec['status']!r} has no equivalent")
        return
    our_id = out.order_ids[rec["order_id"]]
    items = [{"product_id": i["product_id"], "name": i["name"], "qty": 1, "price": i["price"]}
             for i in rec["items"]]
    tracking = [t for f in rec.get("fulfillments", []) for t in f.get("tracking_id", [])]
    total = round(sum(i["price"] for i in items), 2)
    out.store["orders"].append({
        "id": our_id, "customer_id": rec["user_id"], "status": status, "items": items,
        "total": total, "currency": "USD", "shipping_address": _tau_address(rec["address"]),
        "tracking_number": tracking[0] if tracking and status != "pending" else None,
        **_dates(status, now)})
    out.their_status[our_id] = rec["status"]
    refunds = [p for p in rec.get("payment_history", []) if p["transaction_type"] == "refund"]
    for k, p in enumerate(refunds):
        out.store["refunds"].append({
            "id": f"R{our_id}-{k}", "order_id": our_id, "status": "refunded",
            "amount": min(round(p["amount"], 2), total), "created_at": _iso(now),
            "refunded_at": _iso(now)})


def _ecom_shop(data: Any) -> dict[str, Any]:
    """ECom-Bench nests every table as platform -> shop -> ...; it has one of each."""
    shops: dict[str, Any] = data[ECOM_PLATFORM]
    return next(iter(shops.values()))


def _cn_address(a: dict[str, str]) -> str:
    return "".join(a.get(k, "") for k in ("省份", "城市", "区县", "详细地址"))


def convert_ecom(db_dir: Path, *, now: datetime | None = None,
                 users: Iterable[str] | None = None) -> Converted:
    """ECom-Bench ``db/`` -> store; ``users`` keeps a slice (their user ids)."""
    now = now or datetime.now(UTC)
    infos: dict[str, Any] = _read(db_dir / "users_info.json")
    keep = set(users) if users is not None else set(infos)
    out = Converted({"customers": [], "products": [], "orders": [], "refunds": []})
    for n, uid in enumerate(sorted(infos), 1):
        if uid in keep:
            out.customer_ids[uid] = f"ECU{n:03d}"
            info = infos[uid]
            out.store["customers"].append({
                "id": out.customer_ids[uid], "name": info["用户姓名"], "phone": info["电话号码"],
                "language": "zh", "default_address": _cn_address(info["地址信息"])})
    orders = _ecom_shop(_read(db_dir / "orders.json"))
    logistics = _ecom_shop(_read(db_dir / "logistics.json"))
    products = _ecom_shop(_read(db_dir / "products.json"))
    every = sorted(oid for per_user in orders.values() for oid in per_user)
    out.order_ids = {oid: f"J{n:05d}" for n, oid in enumerate(every)}
    for uid in sorted(orders):
        for their_id, rec in sorted(orders[uid].items()):
            if uid in keep:
                _ecom_order(rec, out, logistics.get(uid, {}).get(their_id, {}), products, now)
    used = {i["product_id"] for o in out.store["orders"] for i in o["items"]}
    out.store["products"] = [
        {"id": pid, "name": p["商品名称"][:300], "description": p.get("商品描述", "")[:5000],
         "price": p["商品价格"], "currency": "CNY", "attributes": {"status": p.get("商品状态")}}
        for pid, p in sorted(products.items()) if pid in used]
    out.order_ids = {k: v for k, v in out.order_ids.items()
                     if any(o["id"] == v for o in out.store["orders"])}
    return out


def _ecom_order(rec: dict[str, Any], out: Converted, ship: dict[str, Any],
                products: dict[str, Any], now: datetime) -> None:
    status = ECOM_STATUS.get(rec["订单状态"])
    if status is None:
        out.skip(f"ECom-Bench order status {rec['订单状态']!r} has no equivalent")
        return
    uid = rec["用户ID"]
    if uid not in out.customer_ids:
        out.skip("ECom-Bench order of a user missing from users_info")
        return
    our_id = out.order_ids[rec["订单ID"]]
    items = [{"product_id": i["商品ID"],
              "name": products.get(i["商品ID"], {}).get("商品名称", i["商品ID"])[:300],
              "qty": i["数量"], "price": i["单价"]} for i in rec["订单商品列表"]]
    shipped = status in ("shipped", "delivered", "returned")
    out.store["orders"].append({
        "id": our_id, "customer_id": out.customer_ids[uid], "status": status, "items": items,
        "total": rec["订单总金额"], "currency": "CNY",
        "shipping_address": _cn_address(rec.get("收货地址", {})),
        "carrier": ship.get("物流公司") if shipped else None,
        "tracking_number": ship.get("物流单号") if shipped else None, **_dates(status, now)})
    out.their_status[our_id] = rec["订单状态"]
