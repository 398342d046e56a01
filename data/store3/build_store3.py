# ruff: noqa: E501  (data tables: one record per line)
"""Build the third evaluation store, Jianmu Home Appliances (简沐生活电器).

Standard library only, deterministic: the same files come out on every run.

    python3 data/store3/build_store3.py

Writes `store.json`, `scenarios.jsonl`, `dialogues.jsonl`, `dev2/dialogues.jsonl`,
`dev3/dialogues.jsonl`, `dev4/dialogues.jsonl`, `dev5/dialogues.jsonl`,
`heldout/scenarios.jsonl` and `heldout/dialogues.jsonl`.

Every customer, order and refund that a scenario or a dialogue talks about is written out
by hand in `cases_dev.py` (the development sets) and `heldout/cases_heldout.py` (the
held-out sets), next to the conversations that use them; this script only holds the
catalogue, the helpers that copy facts (tracking numbers, carriers, names, addresses)
from those records into the expectations, and a seeded generator of background
customers and orders that no conversation refers to.

The store: a Chinese home-appliance and personal-care electronics brand. It sells in
mainland China through its JD.com and Tmall flagship stores (numeric order numbers,
12 digits on JD, 18-19 on Tmall) and its own WeChat mini-program (`MP` + order date +
4 digits), and to English-speaking customers in Hong Kong and Singapore through its
international web shop (order numbers such as #4471, stored without the `#`).
"""

from __future__ import annotations

import hashlib
import importlib.util
import json
import random
import re
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
REFERENCE = datetime(2026, 11, 20, 6, 0, tzinfo=UTC)  # 14:00 in Beijing, nine days after 双11

# ---------------------------------------------------------------------------- products
# (sku, name_en, name_zh, price_cny, category, colour_en, colour_zh, aliases_en, aliases_zh, description, intl)
# category decides the warranty (policy.json warranty_months_by_category); "consumable"
# and "part" have none. intl: sold on the Hong Kong / Singapore web shop too.
PRODUCTS = [
    ("APR3200-WH", "AirPure 3200 Air Purifier – White", "AirPure 3200 空气净化器 白色", 1299.0, "air_purifier", "white", "白色",
     ["air purifier", "purifier", "AirPure 3200", "3200"], ["空气净化器", "净化器", "3200"],
     "CADR 400 m³/h for rooms of 28-48 m², H13 HEPA composite filter FLT3200H, laser PM2.5 sensor, 22 dB sleep mode, Wi-Fi 2.4 GHz.", True),
    ("APR5600-GY", "AirPure 5600 Pro Air Purifier – Space Grey", "AirPure 5600 Pro 空气净化器 深空灰", 2199.0, "air_purifier", "grey", "深空灰",
     ["air purifier", "purifier", "AirPure 5600", "5600 Pro", "big purifier"], ["空气净化器", "净化器", "5600", "大净化器"],
     "CADR 600 m³/h for rooms of 42-70 m², formaldehyde CADR 300 m³/h, H13 HEPA filter FLT5600H plus activated-carbon filter FLT5600C.", True),
    ("APR1100-WH", "AirPure Mini 1100 Desktop Purifier", "AirPure Mini 1100 桌面净化器", 399.0, "air_purifier", "white", "白色",
     ["mini purifier", "desk purifier", "desktop air purifier", "Mini 1100"], ["桌面净化器", "小净化器", "迷你净化器"],
     "CADR 110 m³/h for 8-13 m², USB-C powered, filter FLT1100.", True),
    ("FLT3200H", "AirPure 3200 HEPA Composite Filter", "AirPure 3200 复合滤网", 199.0, "consumable", None, None,
     ["3200 filter", "purifier filter", "HEPA filter"], ["3200滤网", "净化器滤网", "滤芯"],
     "Replacement H13 HEPA + carbon composite filter for the AirPure 3200 only. Replace about every 6 months.", True),
    ("FLT5600H", "AirPure 5600 HEPA Filter", "AirPure 5600 HEPA 滤网", 299.0, "consumable", None, None,
     ["5600 filter", "HEPA filter", "purifier filter"], ["5600滤网", "HEPA滤网", "净化器滤网"],
     "Replacement H13 HEPA filter for the AirPure 5600 Pro. Replace about every 8 months.", True),
    ("FLT5600C", "AirPure 5600 Activated Carbon Filter", "AirPure 5600 活性炭滤网", 159.0, "consumable", None, None,
     ["carbon filter", "5600 carbon filter"], ["活性炭滤网", "除甲醛滤网", "5600活性炭"],
     "Replacement activated-carbon filter for the AirPure 5600 Pro. Replace about every 4 months.", True),
    ("FLT1100", "AirPure Mini 1100 Filter", "AirPure Mini 1100 滤芯", 89.0, "consumable", None, None,
     ["mini filter", "1100 filter"], ["桌面净化器滤芯", "1100滤芯"],
     "Replacement filter for the AirPure Mini 1100. Replace about every 4 months.", True),
    ("VAC7100-BK", "CleanBot S7 Robot Vacuum & Mop – Black", "CleanBot S7 扫拖一体机器人 黑色", 2799.0, "robot_vacuum", "black", "黑色",
     ["robot vacuum", "robovac", "CleanBot S7", "S7", "black robot"], ["扫地机器人", "扫地机", "扫拖机器人", "S7", "黑色扫地机"],
     "5000 Pa suction, LDS laser navigation, auto-empty station with 3 L dust bag, 250 ml water tank, 180 min runtime, 5200 mAh battery.", True),
    ("VAC7100-WH", "CleanBot S7 Robot Vacuum & Mop – White", "CleanBot S7 扫拖一体机器人 白色", 2799.0, "robot_vacuum", "white", "白色",
     ["robot vacuum", "robovac", "CleanBot S7", "S7", "white robot"], ["扫地机器人", "扫地机", "扫拖机器人", "S7", "白色扫地机"],
     "5000 Pa suction, LDS laser navigation, auto-empty station with 3 L dust bag, 250 ml water tank, 180 min runtime, 5200 mAh battery.", True),
    ("VAC5100-WH", "CleanBot E5 Robot Vacuum – White", "CleanBot E5 扫地机器人 白色", 1499.0, "robot_vacuum", "white", "白色",
     ["robot vacuum", "CleanBot E5", "E5", "robovac"], ["扫地机器人", "扫地机", "E5"],
     "3000 Pa suction, gyroscope navigation, 2600 mAh battery, 120 min runtime, 200 ml water tank.", True),
    ("ACC7101", "CleanBot S7 Side Brushes (2 pcs)", "CleanBot S7 边刷（2只装）", 39.0, "consumable", None, None,
     ["side brushes", "S7 brushes"], ["边刷", "S7边刷"],
     "Replacement side brushes for the CleanBot S7 only.", True),
    ("ACC7102", "CleanBot S7 HEPA Filters (2 pcs)", "CleanBot S7 HEPA 滤网（2片装）", 59.0, "consumable", None, None,
     ["S7 filters", "robot filter"], ["扫地机滤网", "S7滤网"],
     "Replacement dust-bin HEPA filters for the CleanBot S7 only.", True),
    ("ACC7103", "CleanBot S7 Dust Bags (3 pcs)", "CleanBot S7 集尘袋（3只装）", 49.0, "consumable", None, None,
     ["dust bags", "station bags"], ["集尘袋", "尘袋"],
     "3 L dust bags for the CleanBot S7 auto-empty station.", True),
    ("ACC7104", "CleanBot S7 Mop Pads (4 pcs)", "CleanBot S7 拖布（4片装）", 45.0, "consumable", None, None,
     ["mop pads", "mop cloths"], ["拖布", "抹布"],
     "Washable microfibre mop pads for the CleanBot S7.", True),
    ("ACC5101", "CleanBot E5 Accessory Kit", "CleanBot E5 配件包", 69.0, "consumable", None, None,
     ["E5 kit", "E5 accessories"], ["E5配件包", "E5配件"],
     "2 side brushes, 1 filter and 1 mop pad for the CleanBot E5 only.", True),
    ("HUM0400-WH", "MistCloud 4L Evaporative Humidifier", "MistCloud 4升 无雾加湿器", 299.0, "humidifier", "white", "白色",
     ["humidifier", "MistCloud"], ["加湿器", "无雾加湿器"],
     "Evaporative (no white dust) humidifier, 4 L tank, 350 ml/h, wick filter HUM0401.", True),
    ("HUM0401", "MistCloud Wick Filter", "MistCloud 加湿器滤芯", 39.0, "consumable", None, None,
     ["wick filter", "humidifier filter"], ["加湿器滤芯", "加湿滤芯"],
     "Replacement wick for the MistCloud humidifier, every 2-3 months.", True),
    ("WPR0800", "PureFlow 800G RO Water Purifier", "PureFlow 800G 反渗透净水器", 2999.0, "water_purifier", "white", "白色",
     ["water purifier", "water filter", "RO purifier"], ["净水器", "反渗透净水器", "净水机"],
     "Under-sink tankless RO purifier, 2 L/min, composite filter WPF0801 and RO membrane WPF0802. Free installation in mainland China.", False),
    ("WPF0801", "PureFlow Composite Filter (PP + Carbon)", "PureFlow 复合滤芯（PP棉+活性炭）", 199.0, "consumable", None, None,
     ["composite filter", "PP filter"], ["复合滤芯", "PP棉滤芯", "前置滤芯"],
     "First-stage filter for the PureFlow 800G, every 12 months.", False),
    ("WPF0802", "PureFlow RO Membrane Filter", "PureFlow RO 反渗透滤芯", 599.0, "consumable", None, None,
     ["RO membrane", "RO filter"], ["RO膜", "反渗透滤芯"],
     "RO membrane for the PureFlow 800G, every 24 months.", False),
    ("KTL1500-WH", "ThermoKettle 1.5L Temperature-Control Kettle – White", "恒温电水壶 1.5L 白色", 199.0, "kitchen", "white", "白色",
     ["kettle", "temperature kettle", "white kettle", "ThermoKettle"], ["电水壶", "恒温水壶", "烧水壶", "白色水壶"],
     "1800 W, presets 45/60/80/85/90/100 °C, keep-warm up to 8 hours, 304 stainless inner.", True),
    ("KTL1500-GN", "ThermoKettle 1.5L Temperature-Control Kettle – Sage Green", "恒温电水壶 1.5L 青绿色", 199.0, "kitchen", "green", "青绿色",
     ["kettle", "green kettle", "ThermoKettle"], ["电水壶", "恒温水壶", "绿色水壶", "青绿色水壶"],
     "1800 W, presets 45/60/80/85/90/100 °C, keep-warm up to 8 hours, 304 stainless inner.", True),
    ("KTL1700-SS", "Stainless Steel Kettle 1.7L", "不锈钢电水壶 1.7L", 129.0, "kitchen", "silver", "银色",
     ["steel kettle", "kettle"], ["不锈钢水壶", "电水壶", "烧水壶"],
     "2000 W, boils 1.7 L, automatic shut-off and boil-dry protection.", True),
    ("RCK0400", "IH Rice Cooker 4L", "IH 电饭煲 4L", 699.0, "kitchen", "white", "白色",
     ["rice cooker", "IH rice cooker"], ["电饭煲", "电饭锅", "IH电饭煲"],
     "1200 W induction heating, 4 L for 2-8 people, delay timer up to 24 hours, keep-warm up to 12 hours.", True),
    ("RCK0300", "Micro-pressure Rice Cooker 3L", "微压电饭煲 3L", 399.0, "kitchen", "white", "白色",
     ["small rice cooker", "rice cooker"], ["小电饭煲", "电饭煲", "微压电饭煲"],
     "3 L for 1-6 people, micro-pressure cooking, delay timer up to 24 hours.", True),
    ("RCP0401", "IH Rice Cooker 4L Inner Pot", "IH 电饭煲 4L 内胆", 159.0, "part", None, None,
     ["inner pot", "rice cooker pot"], ["内胆", "电饭煲内胆"],
     "Replacement non-stick inner pot for the IH Rice Cooker 4L (RCK0400) only.", True),
    ("AFR0500-BK", "Air Fryer 5L – Black", "空气炸锅 5L 黑色", 349.0, "kitchen", "black", "黑色",
     ["air fryer", "airfryer"], ["空气炸锅", "炸锅"],
     "1500 W, 80-200 °C, 60-minute timer, dishwasher-safe basket.", True),
    ("BLD1200", "High-speed Blender 1.2L", "破壁料理机 1.2L", 599.0, "kitchen", "white", "白色",
     ["blender", "high speed blender"], ["破壁机", "料理机", "豆浆机"],
     "35,000 rpm, heating jug for soy milk and soup, 8 programmes.", True),
    ("HDR1900-PK", "AeroSilk High-speed Hair Dryer – Blossom Pink", "AeroSilk 高速吹风机 樱花粉", 499.0, "personal_care", "pink", "樱花粉",
     ["hair dryer", "hairdryer", "pink hair dryer", "AeroSilk"], ["吹风机", "电吹风", "粉色吹风机", "高速吹风机"],
     "110,000 rpm brushless motor, 1600 W, 320 g, 3 heat settings plus cold shot, two nozzles and a diffuser.", True),
    ("HDR1900-BK", "AeroSilk High-speed Hair Dryer – Obsidian Black", "AeroSilk 高速吹风机 曜石黑", 499.0, "personal_care", "black", "曜石黑",
     ["hair dryer", "hairdryer", "black hair dryer", "AeroSilk"], ["吹风机", "电吹风", "黑色吹风机", "高速吹风机"],
     "110,000 rpm brushless motor, 1600 W, 320 g, 3 heat settings plus cold shot, two nozzles and a diffuser.", True),
    ("HDR1200", "Foldable Travel Hair Dryer", "折叠便携吹风机", 159.0, "personal_care", "white", "白色",
     ["travel hair dryer", "small hair dryer", "folding hairdryer"], ["折叠吹风机", "便携吹风机", "小吹风机"],
     "1200 W, folding handle, dual voltage 110/220 V switch.", True),
    ("TBR0600-BL", "BrightSonic T6 Electric Toothbrush – Ocean Blue", "声波电动牙刷 T6 海蓝", 259.0, "personal_care", "blue", "海蓝",
     ["electric toothbrush", "toothbrush", "blue toothbrush", "T6"], ["电动牙刷", "牙刷", "蓝色牙刷", "T6"],
     "31,000 strokes/min, 3 modes, 30 days per charge, IPX7, USB-C. Uses THD0601 / THD0602 heads.", True),
    ("TBR0600-PK", "BrightSonic T6 Electric Toothbrush – Coral Pink", "声波电动牙刷 T6 珊瑚粉", 259.0, "personal_care", "pink", "珊瑚粉",
     ["electric toothbrush", "toothbrush", "pink toothbrush", "T6"], ["电动牙刷", "牙刷", "粉色牙刷", "T6"],
     "31,000 strokes/min, 3 modes, 30 days per charge, IPX7, USB-C. Uses THD0601 / THD0602 heads.", True),
    ("TBR0900-WH", "BrightSonic T9 Electric Toothbrush – White", "声波电动牙刷 T9 旗舰款 白色", 459.0, "personal_care", "white", "白色",
     ["electric toothbrush", "toothbrush", "T9"], ["电动牙刷", "牙刷", "T9", "旗舰牙刷"],
     "5 modes, pressure sensor, 60 days per charge, travel case, IPX7. Uses THD0601 / THD0602 heads.", True),
    ("THD0601", "BrightSonic Clean Brush Heads (3 pcs)", "声波牙刷 清洁刷头（3支装）", 69.0, "consumable", None, None,
     ["brush heads", "toothbrush heads", "replacement heads"], ["刷头", "牙刷头", "替换刷头"],
     "Fit the T6 and the T9. Replace every 3 months.", True),
    ("THD0602", "BrightSonic Sensitive Brush Heads (3 pcs)", "声波牙刷 敏感型刷头（3支装）", 79.0, "consumable", None, None,
     ["sensitive brush heads", "soft brush heads"], ["敏感刷头", "软毛刷头"],
     "Extra-soft heads that fit the T6 and the T9. Replace every 3 months.", True),
    ("SHV0800", "SmoothEdge S8 Rotary Shaver", "SmoothEdge S8 三刀头剃须刀", 399.0, "personal_care", "black", "黑色",
     ["shaver", "electric shaver", "razor", "SmoothEdge"], ["剃须刀", "电动剃须刀", "刮胡刀"],
     "3 floating heads, wet & dry, IPX7, 60 min per 1-hour charge, travel lock.", True),
    ("SHD0801", "SmoothEdge S8 Replacement Head", "SmoothEdge S8 替换刀头", 149.0, "consumable", None, None,
     ["shaver head", "replacement head"], ["刀头", "剃须刀刀头"],
     "Replace every 12-18 months.", True),
    ("WFL0300-WH", "AquaJet Water Flosser", "AquaJet 冲牙器", 299.0, "personal_care", "white", "白色",
     ["water flosser", "flosser", "AquaJet"], ["冲牙器", "水牙线", "洗牙器"],
     "300 ml tank, 5 pressure modes, IPX7, about 21 days per charge.", True),
    ("WFN0301", "AquaJet Nozzles (4 pcs)", "AquaJet 冲牙器喷嘴（4支装）", 49.0, "consumable", None, None,
     ["flosser tips", "nozzles"], ["喷嘴", "冲牙器喷头"],
     "Replace every 3 months.", True),
    ("CLP0500", "ProTrim Cordless Hair Clipper", "ProTrim 无线理发器", 169.0, "personal_care", "grey", "灰色",
     ["hair clipper", "clippers", "trimmer"], ["理发器", "推子", "电推剪"],
     "120 min runtime, 4 guide combs (3/6/9/12 mm).", True),
    ("STM1600", "Garment Steamer 1600W", "挂烫机 1600W", 329.0, "home", "white", "白色",
     ["steamer", "garment steamer", "clothes steamer"], ["挂烫机", "熨烫机", "蒸汽挂烫机"],
     "1600 W, 1.8 L tank, 40 g/min steam, ready in 45 seconds.", True),
    ("FAN0900-WH", "Quiet DC Tower Fan", "直流变频塔扇", 459.0, "home", "white", "白色",
     ["tower fan", "fan"], ["塔扇", "电风扇", "风扇"],
     "DC motor, 12 speeds, 28 dB at the lowest speed, remote control.", True),
    ("HTR2000", "Ceramic Heater 2000W", "PTC 暖风机 2000W", 299.0, "home", "white", "白色",
     ["heater", "fan heater", "space heater"], ["暖风机", "取暖器", "电暖器"],
     "2000 W PTC ceramic heater, tip-over and overheat protection.", True),
    ("CLN0100", "Kettle Descaler (citric acid, 10 sachets)", "水壶除垢剂（柠檬酸 10 袋）", 29.0, "consumable", None, None,
     ["descaler", "citric acid"], ["除垢剂", "柠檬酸"],
     "Food-grade citric acid for kettles and steamers, one sachet per descale.", True),
]
PRODUCT = {p[0]: p for p in PRODUCTS}


def price_hkd(cny: float) -> float:
    return float(max(round(cny * 1.18 / 10.0), 3) * 10 - 1)


def price_sgd(cny: float) -> float:
    return round(max(round(cny / 5.2), 6) - 0.1, 2)


def product_records() -> list[dict[str, Any]]:
    out = []
    for sku, en, zh, cny, cat, col_en, col_zh, al_en, al_zh, desc, intl in PRODUCTS:
        attrs: dict[str, Any] = {"name_zh": zh, "category": cat, "aliases": al_en + al_zh}
        if col_en:
            attrs["color"] = col_en
            attrs["颜色"] = col_zh
        if intl:
            attrs["price_hkd"] = price_hkd(cny)
            attrs["price_sgd"] = price_sgd(cny)
        attrs["sold_on"] = ["jd", "tmall", "miniprogram"] + (["international"] if intl else [])
        out.append({"id": sku, "name": en, "description": desc, "price": cny, "currency": "CNY",
                    "attributes": attrs})
    return out


# ---------------------------------------------------------------------------- id shapes
ORDER_SHAPES = {
    "jd": re.compile(r"^\d{12}$"),
    "tmall": re.compile(r"^\d{18,19}$"),
    "miniprogram": re.compile(r"^MP20\d{6}\d{4}$"),
    "international": re.compile(r"^4\d{3}$"),
}
TRACKING = {  # carrier as stored: (prefix, digits)
    "SF Express": ("SF", 13),
    "JD Logistics": ("JDVA", 11),
    "YTO Express": ("YT", 13),
    "EMS": ("98", 11),
    "Kerry Express": ("KEC", 10),
}


def channel_of(oid: str) -> str:
    for name, rx in ORDER_SHAPES.items():
        if rx.match(oid):
            return name
    raise ValueError(f"order id {oid!r} has no known shape")


def digest(*parts: str) -> int:
    return int(hashlib.sha256("|".join(parts).encode()).hexdigest(), 16)


def tracking_for(oid: str, carrier: str) -> str:
    prefix, n = TRACKING[carrier]
    digits = str(digest("trk", oid, carrier)).zfill(40)[:n]
    if digits[0] == "0":
        digits = "1" + digits[1:]
    return prefix + digits


def stamp(offset: int, salt: str, after: datetime | None = None) -> datetime:
    """A time on the day `offset` days from the reference date (negative: past)."""
    h = digest("h", salt) % 14  # 08:00-21:59 Beijing
    m = digest("m", salt) % 60
    base = (REFERENCE + timedelta(days=offset)).replace(hour=h, minute=m, second=0)
    if after is not None and base <= after:
        base = after + timedelta(hours=2, minutes=m % 20)
    if base >= REFERENCE:
        base = REFERENCE - timedelta(minutes=30 + m % 60)
    if after is not None and base <= after:
        base = after + timedelta(minutes=5)
    return base


def iso(dt: datetime | None) -> str | None:
    return None if dt is None else dt.strftime("%Y-%m-%dT%H:%M:%SZ")


MISSING = object()
REFUND_WORD = {
    "en": {"requested": "requested", "approved": "approved", "refunded": "refunded", "rejected": "rejected"},
    "zh": {"requested": "已申请", "approved": "已批准", "refunded": "已退款", "rejected": "已拒绝"},
}


class Pack:
    """The records and conversations being built, and the helpers that write expectations."""

    def __init__(self) -> None:
        self.customers: dict[str, dict[str, Any]] = {}
        self.orders: dict[str, dict[str, Any]] = {}
        self.refunds: dict[str, dict[str, Any]] = {}
        self.sets: dict[str, list[dict[str, Any]]] = {}
        self.current: str | None = None
        self.owner: dict[str, str] = {}  # customer id -> the set that declared it

    # ------------------------------------------------------------------ records
    def use(self, name: str) -> None:
        """Customers and conversations declared from now on belong to this set."""
        self.current = name
        self.sets.setdefault(name, [])

    def c(self, cid: str, name: str, lang: str, phone: str, email: str, address: str,
          region: str | None = None) -> str:
        assert cid not in self.customers, cid
        if region is None:
            region = "HK" if cid.startswith("HK-") else "SG" if cid.startswith("SG-") else "CN"
        self.customers[cid] = {"id": cid, "name": name, "email": email, "phone": phone,
                               "language": lang, "default_address": address, "region": region}
        self.owner[cid] = self.current or "background"
        return cid

    def o(self, oid: str, cid: str, status: str, created: int, items: list, *,
          ship: int | None = None, deliv: int | None = None, carrier: str | None = None,
          addr: str | None = None) -> str:
        assert oid not in self.orders, oid
        cust = self.customers[cid]
        channel = channel_of(oid)
        if channel == "international":
            currency = "SGD" if cust["region"] == "SG" else "HKD"
        else:
            currency = "CNY"
        lines = []
        for it in items:
            sku, qty = (it, 1) if isinstance(it, str) else it
            p = PRODUCT[sku]
            if channel == "international":
                assert p[10], f"{oid}: {sku} is not sold on the international shop"
                price = price_sgd(p[3]) if currency == "SGD" else price_hkd(p[3])
                name = p[1]
            else:
                price = p[3]
                name = p[2]
            lines.append({"product_id": sku, "name": name, "qty": qty, "price": price})
        created_at = stamp(created, oid + "c")
        if channel == "miniprogram":
            assert oid[2:10] == created_at.strftime("%Y%m%d"), f"{oid}: not its order date {created_at:%Y%m%d}"
        shipped_at = delivered_at = None
        trk = None
        if status in ("shipped", "delivered", "returned"):
            assert ship is not None, oid
            shipped_at = stamp(ship, oid + "s", after=created_at)
            if carrier is None:
                carrier = {"jd": "JD Logistics", "international": "Kerry Express"}.get(channel, "SF Express")
            trk = tracking_for(oid, carrier)
        else:
            assert ship is None and deliv is None and carrier is None, oid
        if status in ("delivered", "returned"):
            assert deliv is not None, oid
            delivered_at = stamp(deliv, oid + "d", after=shipped_at)
        else:
            assert deliv is None, oid
        self.orders[oid] = {
            "id": oid, "customer_id": cid, "status": status, "created_at": iso(created_at),
            "items": lines, "total": round(sum(x["qty"] * x["price"] for x in lines), 2),
            "currency": currency, "shipping_address": addr or cust["default_address"],
            "carrier": carrier, "tracking_number": trk,
            "shipped_at": iso(shipped_at), "delivered_at": iso(delivered_at),
        }
        return oid

    def r(self, rid: str, oid: str, status: str, created: int, *, refunded: int | None = None,
          amount: float | None = None, reason: str | None = None) -> str:
        assert rid not in self.refunds, rid
        o = self.orders[oid]
        after = datetime.fromisoformat((o["delivered_at"] or o["created_at"]).replace("Z", "+00:00"))
        created_at = stamp(created, rid + "c", after=after)
        refunded_at = stamp(refunded, rid + "r", after=created_at) if refunded is not None else None
        assert (refunded_at is not None) == (status == "refunded"), rid
        self.refunds[rid] = {"id": rid, "order_id": oid, "status": status,
                             "amount": o["total"] if amount is None else amount,
                             "created_at": iso(created_at), "refunded_at": iso(refunded_at),
                             "reason": reason}
        return rid

    # ------------------------------------------------------------- expectations
    def track_facts(self, oid: str) -> list[str]:
        o = self.orders[oid]
        return [oid, o["tracking_number"], o["carrier"]] if o["tracking_number"] else [oid]

    def secrets(self, oid: str) -> list[str]:
        """What must never reach a shopper who does not own this order."""
        o = self.orders[oid]
        c = self.customers[o["customer_id"]]
        out = [x for x in (o["tracking_number"], street_of(o["shipping_address"]), c["name"],
                           c["phone"], c["email"]) if x]
        return out

    # ------------------------------------------------------------ conversations
    def S(self, sid: str, cid: str, channel: str, tags: list[str], turns: list[tuple[str, dict]]) -> None:
        conv(self, "scenario", sid, cid, channel, tags, turns)

    D = S


def street_of(address: str) -> str:
    """The distinctive part of an address: the street and number."""
    if re.search(r"[\u4e00-\u9fff]", address):
        return re.split(r"(?<=[市区县])", address)[-1] if not re.search(r"[区县]", address) else re.split(r"(?<=区|县)", address, maxsplit=1)[-1]
    parts = [x.strip() for x in address.split(",")]
    cands = [x for x in parts if re.search(r"\d", x) and re.search(r"[A-Za-z]{3}", x)
             and not re.match(r"^(Flat|Unit|Tower|Block|Singapore|Hong Kong|#|\d+/F)", x)]
    return max(cands, key=len) if cands else parts[0]


def E(intent: str, *, action: Any = MISSING, status: Any = MISSING, handoff: Any = MISSING,
      rc: list[str] | None = None, rx: list[str] | None = None, g: str = "",
      f: bool = False, flagged: bool = False) -> dict[str, Any]:
    e: dict[str, Any] = {"intent": intent}
    if action is not MISSING:
        e["action"] = action
    if status is not MISSING:
        e["status"] = status
    if handoff is not MISSING:
        e["handoff"] = handoff
    if rc:
        e["reply_contains"] = list(rc)
    if rx:
        e["reply_excludes"] = list(rx)
    e["gives"] = [k for k, ch in (("order_id", "o"), ("address", "a")) if ch in g]
    if f:
        e["followup"] = True
    if flagged:
        e["flagged"] = True
    return e


class Helpers:
    """Expectation shorthands bound to a pack (so that facts come from the records)."""

    # the no-reason return fee as a reply would state it, per currency: a free return
    # (a fault, damage) must not state it
    FEE_ZH = ["12元", "12 元", "¥12", "12.00"]
    FEE_HK = ["HK$35", "35.00"]
    FEE_SG = ["S$6", "6.00"]

    def __init__(self, pack: Pack) -> None:
        self.p = pack

    def change_order(self, g: str = "", f: bool = False) -> dict:
        """A change of what was ordered: no action expectation, no hand-off."""
        e: dict[str, Any] = {"intent": "change_order", "handoff": False,
                             "gives": [k for k, ch in (("order_id", "o"), ("address", "a"))
                                       if ch in g]}
        if f:
            e["followup"] = True
        return e

    # tracking --------------------------------------------------------------
    def track(self, oid: str, g: str = "o", f: bool = False, extra: tuple = ()) -> dict:
        return E("track_order", action="track_order", status="executed", handoff=False,
                 rc=self.p.track_facts(oid) + list(extra), g=g, f=f)

    def carrier_only(self, oid: str, g: str = "", f: bool = False) -> dict:
        o = self.p.orders[oid]
        return E("track_order", action="track_order", status="executed", handoff=False,
                 rc=[oid, o["carrier"]], g=g, f=f)

    def which(self, intent: str = "track_order", g: str = "", f: bool = False) -> dict:
        """Nothing to run yet: the agent asks which order (or for the missing address)."""
        return E(intent, action=None, status=None, handoff=False, g=g, f=f)

    # writes ------------------------------------------------------------------
    def ask(self, intent: str, oid: str, *extra: str, g: str = "o", f: bool = False,
            rx: list[str] | None = None) -> dict:
        return E(intent, action=intent, status="needs_confirmation", handoff=False,
                 rc=[oid, *extra], rx=rx, g=g, f=f)

    def done(self, intent: str, oid: str, *extra: str, g: str = "", rx: list[str] | None = None) -> dict:
        return E(intent, action=intent, status="executed", handoff=False, rc=[oid, *extra],
                 rx=rx, g=g, f=True)

    def no(self, intent: str, oid: str, *extra: str, g: str = "o", f: bool = False) -> dict:
        return E(intent, action=intent, status="blocked", handoff=False, rc=[oid, *extra], g=g, f=f)

    def declined(self, intent: str, g: str = "") -> dict:
        return E(intent, status=None, handoff=False, g=g, f=True)

    def nothing(self, intent: str, *facts: str, g: str = "o", f: bool = False) -> dict:
        """Nothing starts (an open return, an invoice not yet available, ...); the reply names facts."""
        return E(intent, status=None, handoff=False, rc=list(facts), g=g, f=f)

    # refunds -----------------------------------------------------------------
    def refund_status(self, key: str, lang: str, g: str = "o", f: bool = False,
                      by_order: bool | None = None) -> dict:
        """Track a refund named by its id, or by its order (whose only refund it is)."""
        if key in self.p.refunds:
            r = self.p.refunds[key]
            rc = [key]
        else:
            rs = [r for r in self.p.refunds.values() if r["order_id"] == key]
            assert len(rs) == 1, key
            r = rs[0]
            rc = [key]
        return E("track_refund", action="track_refund", status="executed", handoff=False,
                 rc=[*rc, REFUND_WORD[lang][r["status"]]], g=g, f=f)

    def refund_timing(self, *facts: str, rx: tuple = ("2-4",), f: bool = True, g: str = "") -> dict:
        return E("track_refund", handoff=False, rc=list(facts), rx=list(rx), g=g, f=f)

    # answers -----------------------------------------------------------------
    def info(self, intent: str, *facts: str, g: str = "", f: bool = False,
             rx: list[str] | None = None) -> dict:
        return E(intent, action=None, status=None, handoff=False, rc=list(facts), rx=rx, g=g, f=f)

    def invoice(self, oid: str, g: str = "o", f: bool = False) -> dict:
        return E("get_invoice", handoff=False, rc=[oid], g=g, f=f)

    def human(self, intent: str, g: str = "", f: bool = False) -> dict:
        return E(intent, handoff=True, g=g, f=f)

    def other(self, handoff: bool = False, f: bool = False) -> dict:
        return E("other", handoff=handoff, f=f)

    # someone else's order, unknown ids, injections ---------------------------
    def unknown(self, written: str, intent: str = "track_order", handoff: bool = False,
                g: str = "o", f: bool = False) -> dict:
        return E(intent, action=intent, status="blocked", handoff=handoff, rc=[written], g=g, f=f)

    def foreign(self, written: str, victim: str, intent: str = "track_order",
                g: str = "o", f: bool = False) -> dict:
        """Another customer's order reads exactly like an unknown one, and leaks nothing."""
        return E(intent, action=intent, status="blocked", handoff=False, rc=[written],
                 rx=self.p.secrets(victim), g=g, f=f)

    def inject(self, intent: str, victim: str | None = None, written: str | None = None,
               g: str = "", f: bool = False, extra_rx: tuple = ()) -> dict:
        rx = (self.p.secrets(victim) if victim else []) + list(extra_rx)
        return E(intent, status=None, rc=[written] if written else None, rx=rx or None, g=g,
                 f=f, flagged=True)


# ------------------------------------------------------------------ conversations
def conv(pack: Pack, kind: str, sid: str, cid: str, channel: str, tags: list[str],
         turns: list[tuple[str, dict]]) -> None:
    assert pack.current, "call pack.use() first"
    c = pack.customers[cid]
    pack.sets[pack.current].append({
        "kind": kind, "id": sid, "language": c["language"], "customer_id": cid,
        "channel": channel, "tags": tags,
        "turns": [{"text": t, "expect": dict(e)} for t, e in turns],
    })


def load_cases(path: Path, pack: Pack, h: Helpers) -> None:
    spec = importlib.util.spec_from_file_location(path.stem, path)
    assert spec and spec.loader
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    mod.define(pack, h)


# --------------------------------------------------------------------- background
SURNAMES = "李王张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶阎余潘杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆郝孔白崔康毛邱秦江史顾侯邵孟龙万段雷钱汤尹黎易常武乔贺赖龚文"
GIVEN = ["子涵", "浩然", "欣怡", "宇轩", "梓萱", "俊杰", "雨桐", "思远", "佳琪", "明轩", "诗雨", "晨阳", "可馨", "博文", "若曦", "一鸣", "婉清", "泽宇", "静怡", "天佑"]
CITIES = [
    ("上海市", ["浦东新区", "徐汇区", "闵行区", "静安区"], ["张江路", "漕溪北路", "虹梅路", "江宁路"]),
    ("北京市", ["朝阳区", "海淀区", "丰台区"], ["望京街", "中关村南大街", "丽泽路"]),
    ("广州市", ["天河区", "番禺区"], ["体育西路", "市桥大道"]),
    ("深圳市", ["南山区", "福田区"], ["科技园南路", "福华三路"]),
    ("杭州市", ["西湖区", "余杭区"], ["文一西路", "五常大道"]),
    ("成都市", ["高新区", "锦江区"], ["天府大道北段", "东大街"]),
    ("武汉市", ["洪山区", "江汉区"], ["珞喻路", "建设大道"]),
]
EN_FIRST = ["Oliver", "Amelia", "Noah", "Isla", "Ethan", "Grace", "Lucas", "Chloe", "Ravi", "Priya", "Tom", "Mei", "Daniel", "Sara", "Felix"]
EN_LAST = ["Hartley", "Dawson", "Kapoor", "Nguyen", "Fischer", "Osei", "Moreau", "Lindqvist", "Tan", "Wong", "Costa", "Byrne", "Ishikawa", "Reyes", "Murray"]
HK_STREETS = ["Robinson Road, Mid-Levels", "Conduit Road, Mid-Levels", "Tai Hang Road, Tai Hang", "Sai Kung Road, Sai Kung", "Braemar Hill Road, North Point", "Discovery Bay Road, Lantau"]
SG_STREETS = ["Holland Road", "Orchard Boulevard", "River Valley Road", "Bukit Timah Road", "East Coast Road", "Tanjong Pagar Road"]
# background orders use products no conversation is meant to single out by name
BACKGROUND_SKUS = ["KTL1700-SS", "AFR0500-BK", "BLD1200", "STM1600", "FAN0900-WH", "HTR2000", "CLN0100",
                   "HUM0400-WH", "HUM0401", "CLP0500", "WFN0301", "RCK0300", "FLT1100", "APR1100-WH"]


def add_background(pack: Pack, rng: random.Random, used: set[str]) -> None:
    """Seeded customers who never speak, with older orders in every status."""
    pack.use("background")
    taken = set(pack.orders)

    def fresh(make) -> str:
        while True:
            x = make()
            if x not in taken and x not in used:
                taken.add(x)
                return x

    def safe_age(lo: int, hi: int) -> int:
        while True:  # keep delivered dates out of the bands around the 7- and 15-day windows
            a = rng.randint(lo, hi)
            if a <= 4 or 10 <= a <= 12 or a >= 19:
                return a

    n_cn, n_intl = 44, 18
    for i in range(n_cn + n_intl):
        intl = i >= n_cn
        if intl:
            region = "HK" if i % 3 else "SG"
            cid = fresh(lambda region=region: region + "-" + "".join(rng.choice("ABCDEFGHJKLMNPQRSTUVWXYZ23456789") for _ in range(5)))
            name = f"{rng.choice(EN_FIRST)} {rng.choice(EN_LAST)}"
            if region == "HK":
                addr = f"Flat {rng.randint(2, 38)}{rng.choice('ABCDEF')}, {rng.randint(1, 120)} {rng.choice(HK_STREETS)}, Hong Kong"
                phone = f"+852 {rng.choice('569')}{rng.randint(100, 999)} {rng.randint(1000, 9999)}"
            else:
                addr = f"#{rng.randint(2, 30):02d}-{rng.randint(1, 40):02d}, {rng.randint(1, 400)} {rng.choice(SG_STREETS)}, Singapore {rng.randint(100000, 829999)}"
                phone = f"+65 {rng.choice('89')}{rng.randint(100, 999)} {rng.randint(1000, 9999)}"
            email = name.lower().replace(" ", ".") + f"{rng.randint(1, 99)}@example.com"
            pack.c(cid, name, "en", phone, email, addr, region=region)
        else:
            cid = fresh(lambda: f"JMU{rng.randint(100000, 999999)}")
            name = rng.choice(SURNAMES) + rng.choice(GIVEN)
            city, districts, streets = rng.choice(CITIES)
            addr = f"{city}{rng.choice(districts)}{rng.choice(streets)}{rng.randint(1, 999)}号{rng.randint(1, 30)}栋{rng.randint(101, 2806)}室"
            phone = f"1{rng.choice('3589')}{rng.randint(0, 9)}{rng.randint(10000000, 99999999)}"
            email = f"jm{rng.randint(10000, 99999)}@example.cn"
            pack.c(cid, name, "zh", phone, email, addr)
        for _ in range(rng.randint(1, 3)):
            if intl:
                oid = fresh(lambda: str(rng.randint(4100, 4399)))
            else:
                kind = rng.choice(["jd", "tmall", "tmall", "mp"])
                if kind == "jd":
                    oid = fresh(lambda: str(rng.randint(2, 3)) + "".join(rng.choice("0123456789") for _ in range(11)))
                elif kind == "tmall":
                    n = rng.choice([18, 19])
                    oid = fresh(lambda n=n: str(rng.choice([3, 4])) + "".join(rng.choice("0123456789") for _ in range(n - 1)))
                else:
                    oid = None
            status = rng.choices(["delivered", "cancelled", "returned", "shipped"], [10, 2, 2, 1])[0]
            age = safe_age(19, 160) if status in ("delivered", "returned", "cancelled") else rng.randint(1, 3)
            created = -(age + rng.randint(2, 5)) if status != "shipped" else -age - 1
            if oid is None:
                created_day = (REFERENCE + timedelta(days=created)).strftime("%Y%m%d")
                oid = fresh(lambda day=created_day: f"MP{day}{rng.randint(0, 9999):04d}")
            skus = rng.sample(BACKGROUND_SKUS, rng.randint(1, 2))
            carrier = None
            if status in ("shipped", "delivered", "returned") and not intl:
                carrier = rng.choice(["SF Express", "YTO Express"]) if not re.match(r"^\d{12}$", oid) else "JD Logistics"
            if status == "cancelled":
                pack.o(oid, cid, status, created, skus)
                if rng.random() < 0.5:
                    d = datetime.fromisoformat(pack.orders[oid]["created_at"].replace("Z", "+00:00"))
                    off = (d.date() - REFERENCE.date()).days
                    rid = refund_id(pack, oid, off, rng, taken)
                    pack.r(rid, oid, "refunded", off, refunded=off, reason="cancelled before shipping")
                continue
            if status == "shipped":
                pack.o(oid, cid, status, created, skus, ship=-age, carrier=carrier)
                continue
            pack.o(oid, cid, status, created, skus, ship=created + 1, deliv=-age, carrier=carrier)
            if status == "returned":
                off = -age + 2
                if -4 <= off <= -1 or off > -1:
                    off = -age
                rid = refund_id(pack, oid, off, rng, taken)
                pack.r(rid, oid, "refunded", off, refunded=min(off + 3, 0) if off + 3 <= 0 else 0,
                       reason=rng.choice(["changed_mind", "defective", "wrong_size"]))
            elif rng.random() < 0.12:
                off = -age + rng.randint(0, 3)
                rid = refund_id(pack, oid, off, rng, taken)
                pack.r(rid, oid, "rejected", off, reason="changed_mind")


def refund_id(pack: Pack, oid: str, offset: int, rng: random.Random, taken: set[str]) -> str:
    day = (REFERENCE + timedelta(days=offset)).strftime("%y%m%d")
    if channel_of(oid) == "international":
        n = 1 + sum(1 for r in pack.refunds.values() if r["order_id"] == oid)
        return f"RF-{oid}-{n}"
    while True:
        rid = f"TK{day}{rng.randint(0, 9999):04d}"
        if rid not in taken and rid not in pack.refunds:
            taken.add(rid)
            return rid


# ---------------------------------------------------------------------------- output
def customer_record(c: dict[str, Any]) -> dict[str, Any]:
    return {k: c[k] for k in ("id", "name", "email", "phone", "language", "default_address")}


def write_jsonl(path: Path, rows: list[dict[str, Any]], dialogue: bool) -> None:
    lines = []
    for row in rows:
        out = {k: row[k] for k in ("id", "language", "customer_id", "channel", "tags")}
        turns = []
        for t in row["turns"]:
            e = dict(t["expect"])
            if dialogue:
                e["followup"] = bool(e.get("followup", False))
                order = ["intent", "action", "status", "handoff", "reply_contains", "reply_excludes",
                         "gives", "followup", "flagged"]
                e = {k: e[k] for k in order if k in e}
            turns.append({"text": t["text"], "expect": e})
        out["turns"] = turns
        lines.append(json.dumps(out, ensure_ascii=False))
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def main() -> None:
    pack = Pack()
    h = Helpers(pack)
    load_cases(HERE / "cases_dev.py", pack, h)
    load_cases(HERE / "heldout" / "cases_heldout.py", pack, h)
    load_cases(HERE / "dev2" / "cases_dev2.py", pack, h)
    load_cases(HERE / "dev3" / "cases_dev3.py", pack, h)
    load_cases(HERE / "dev4" / "cases_dev4.py", pack, h)
    load_cases(HERE / "dev5" / "cases_dev5.py", pack, h)
    # ids written in conversations as unknown must never be generated for the background
    used = set()
    for rows in pack.sets.values():
        for row in rows:
            for t in row["turns"]:
                used.update(re.findall(r"\d{4,19}", t["text"]))
    add_background(pack, random.Random(20261120), used)
    store = {
        "reference_date": iso(REFERENCE),
        "customers": [customer_record(c) for c in pack.customers.values()],
        "products": product_records(),
        "orders": sorted(pack.orders.values(), key=lambda o: o["created_at"]),
        "refunds": sorted(pack.refunds.values(), key=lambda r: r["created_at"]),
    }
    (HERE / "store.json").write_text(json.dumps(store, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    for name, path in (("dev_scenarios", HERE / "scenarios.jsonl"),
                       ("dev_dialogues", HERE / "dialogues.jsonl"),
                       ("dev2_dialogues", HERE / "dev2" / "dialogues.jsonl"),
                       ("dev3_dialogues", HERE / "dev3" / "dialogues.jsonl"),
                       ("dev4_dialogues", HERE / "dev4" / "dialogues.jsonl"),
                       ("dev5_dialogues", HERE / "dev5" / "dialogues.jsonl"),
                       ("heldout_scenarios", HERE / "heldout" / "scenarios.jsonl"),
                       ("heldout_dialogues", HERE / "heldout" / "dialogues.jsonl")):
        write_jsonl(path, pack.sets.get(name, []), dialogue="dialogues" in name)
    counts = {k: (len(v), sum(len(r["turns"]) for r in v)) for k, v in pack.sets.items() if k != "background"}
    print(f"{len(store['customers'])} customers, {len(store['products'])} products, "
          f"{len(store['orders'])} orders, {len(store['refunds'])} refunds; {counts}")


if __name__ == "__main__":
    main()
