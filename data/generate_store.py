"""Generate the bundled demo store (data/store/demo_store.json), deterministically.

Run `python data/generate_store.py` after changing the catalogue below. Dates are laid
out around REFERENCE_DATE; `kefu init` shifts them so the demo stays current.
"""

from __future__ import annotations

import json
import random
from datetime import UTC, datetime, timedelta
from pathlib import Path

REFERENCE_DATE = datetime(2026, 11, 23, 12, 0, tzinfo=UTC)
OUT = Path(__file__).parent / "store" / "demo_store.json"

# key, en name, zh name, category, price, variants [(en, zh)], en description, zh description
CATALOGUE = [
    ("mug", "Ceramic Mug 350 ml", "陶瓷马克杯 350ml", "kitchen", 14.0,
     [("Blue", "蓝色"), ("White", "白色"), ("Green", "绿色"), ("Black", "黑色"), ("Pink", "粉色"),
      ("Yellow", "黄色"), ("Grey", "灰色")],
     "Stoneware mug, dishwasher and microwave safe.", "炻瓷马克杯，可用洗碗机和微波炉。"),
    ("teapot", "Glass Teapot 800 ml", "玻璃茶壶 800ml", "kitchen", 32.0,
     [("Clear", "透明"), ("With infuser", "带滤网"), ("Gift set", "礼盒装")],
     "Borosilicate glass teapot, stovetop safe.", "高硼硅玻璃茶壶，可直火加热。"),
    ("skillet", "Cast-Iron Skillet 26 cm", "铸铁煎锅 26cm", "kitchen", 45.0,
     [("Black", "黑色"), ("Red enamel", "红色珐琅"), ("Blue enamel", "蓝色珐琅")],
     "Pre-seasoned cast-iron skillet for all hobs.", "预开锅铸铁煎锅，适用各种灶具。"),
    ("board", "Bamboo Cutting Board", "竹制砧板", "kitchen", 22.0,
     [("Small", "小号"), ("Medium", "中号"), ("Large", "大号")],
     "Organic bamboo board with juice groove.", "有机竹制砧板，带导流槽。"),
    ("bottle", "Stainless-Steel Water Bottle 500 ml", "不锈钢保温杯 500ml", "outdoor", 28.0,
     [("Silver", "银色"), ("Navy", "藏青"), ("Sage", "灰绿"), ("Coral", "珊瑚红"),
      ("Black", "黑色"), ("White", "白色")],
     "Vacuum insulated: hot 12 h, cold 24 h.", "真空保温：保热12小时，保冷24小时。"),
    ("jacket", "Down Jacket", "羽绒服", "apparel", 189.0,
     [("Black S", "黑色 S"), ("Black M", "黑色 M"), ("Black L", "黑色 L"), ("Navy M", "藏青 M"),
      ("Navy L", "藏青 L"), ("Olive XL", "橄榄绿 XL"), ("Olive S", "橄榄绿 S"),
      ("Olive M", "橄榄绿 M"), ("Black XL", "黑色 XL"), ("Navy XXL", "藏青 XXL"),
      ("Black XXL", "黑色 XXL")],
     "90% duck down, water-repellent shell.", "90%鸭绒填充，防泼水面料。"),
    ("sweater", "Merino Wool Sweater", "美利奴羊毛衫", "apparel", 98.0,
     [("Grey S", "灰色 S"), ("Grey M", "灰色 M"), ("Camel M", "驼色 M"), ("Camel L", "驼色 L"),
      ("Navy XL", "藏青 XL"), ("Grey L", "灰色 L"), ("Navy M", "藏青 M"), ("Camel S", "驼色 S")],
     "Extra-fine merino, hand wash cold.", "超细美利奴羊毛，冷水手洗。"),
    ("tshirt", "Cotton T-Shirt", "纯棉T恤", "apparel", 19.0,
     [("White S", "白色 S"), ("White M", "白色 M"), ("White L", "白色 L"), ("Black M", "黑色 M"),
      ("Black L", "黑色 L"), ("Blue M", "蓝色 M"),
      ("Blue L", "蓝色 L"), ("Black XL", "黑色 XL"), ("White XL", "白色 XL"), ("Grey M", "灰色 M")],
     "Organic cotton crew-neck tee.", "有机棉圆领T恤。"),
    ("shoes", "Running Shoes", "跑步鞋", "apparel", 120.0,
     [("EU 38", "38码"), ("EU 39", "39码"), ("EU 40", "40码"), ("EU 41", "41码"),
      ("EU 42", "42码"), ("EU 43", "43码"), ("EU 44", "44码"), ("EU 36", "36码"),
      ("EU 37", "37码"), ("EU 45", "45码")],
     "Lightweight cushioned running shoes.", "轻量缓震跑步鞋。"),
    ("earbuds", "Wireless Earbuds", "无线蓝牙耳机", "electronics", 79.0,
     [("White", "白色"), ("Black", "黑色"), ("Blue", "蓝色")],
     "Bluetooth 5.3, 30 h with case, 1-year warranty.", "蓝牙5.3，含充电盒续航30小时，保修1年。"),
    ("powerbank", "Power Bank 10000 mAh", "充电宝 10000mAh", "electronics", 35.0,
     [("White", "白色"), ("Black", "黑色"), ("Pink", "粉色")],
     "Slim power bank, allowed in carry-on luggage.", "轻薄充电宝，可随身携带登机。"),
    ("charger", "65 W USB-C Charger", "65W USB-C 充电器", "electronics", 39.0,
     [("US plug", "美规"), ("CN plug", "国标"), ("EU plug", "欧规")],
     "GaN charger with two USB-C ports.", "氮化镓充电器，双USB-C口。"),
    ("watch", "Smart Watch", "智能手表", "electronics", 159.0,
     [("Black", "黑色"), ("Silver", "银色"), ("Rose gold", "玫瑰金"), ("Green", "绿色")],
     "5 ATM water resistant, 7-day battery.", "5ATM防水，续航7天。"),
    ("pillow", "Memory-Foam Pillow", "记忆棉枕头", "bedding", 49.0,
     [("Standard", "标准款"), ("Contour", "曲线款")],
     "Slow-rebound memory foam, washable cover.", "慢回弹记忆棉，枕套可洗。"),
    ("pillowcase", "Silk Pillowcase", "真丝枕套", "bedding", 39.0,
     [("Ivory", "象牙白"), ("Champagne", "香槟色"), ("Silver grey", "银灰"), ("Black", "黑色"),
      ("Blush pink", "浅粉")],
     "22 momme mulberry silk.", "22姆米桑蚕丝。"),
    ("bedding", "Linen Bedding Set", "亚麻床品四件套", "bedding", 169.0,
     [("Queen white", "1.5m 白色"), ("Queen grey", "1.5m 灰色"), ("King white", "1.8m 白色"),
      ("King sage", "1.8m 灰绿"), ("Queen sage", "1.5m 灰绿"), ("King grey", "1.8m 灰色")],
     "Stonewashed French linen, four pieces.", "法国亚麻水洗工艺，四件套。"),
    ("lamp", "LED Desk Lamp", "护眼台灯", "home", 59.0,
     [("White", "白色"), ("Black", "黑色"), ("Wood", "木纹")],
     "Flicker-free LED, 5 colour temperatures.", "无频闪LED，5档色温。"),
    ("backpack", "Commuter Backpack", "通勤双肩包", "outdoor", 89.0,
     [("Black", "黑色"), ("Grey", "灰色"), ("Navy", "藏青"), ("Green", "墨绿")],
     "Fits a 15.6-inch laptop, water resistant.", "可放15.6英寸笔记本，防泼水。"),
    ("yogamat", "Yoga Mat 6 mm", "瑜伽垫 6mm", "outdoor", 36.0,
     [("Purple", "紫色"), ("Teal", "青色"), ("Grey", "灰色"), ("Pink", "粉色"),
      ("Black", "黑色")],
     "Non-slip TPE yoga mat.", "防滑TPE瑜伽垫。"),
    ("purifier", "Air Purifier", "空气净化器", "home", 229.0,
     [("Standard", "标准版"), ("Pro", "Pro版")],
     "HEPA H13 filter, replace every 6 months.", "HEPA H13滤网，每6个月更换。"),
    ("filter", "Air Purifier Replacement Filter", "空气净化器替换滤网", "home", 39.0,
     [("Standard", "标准版"), ("Pro", "Pro版")],
     "Genuine HEPA H13 replacement filter.", "原装HEPA H13替换滤网。"),
]

# what shoppers call each line besides its name, in both languages: the store's own
# knowledge of its catalogue, which Kefu reads as product aliases
ALIASES = {
    "mug": ["mug", "coffee mug", "cup", "teacup", "马克杯", "咖啡杯", "陶瓷杯", "杯子"],
    "teapot": ["teapot", "tea pot", "茶壶"],
    "skillet": ["skillet", "pan", "frying pan", "frypan", "煎锅", "平底锅", "铸铁锅", "锅"],
    "board": ["cutting board", "chopping board", "砧板", "菜板", "案板"],
    "bottle": ["water bottle", "bottle", "flask", "thermos", "tumbler", "保温杯", "保温瓶",
               "水杯", "水壶", "杯子"],
    "jacket": ["jacket", "down jacket", "coat", "puffer", "parka", "羽绒服", "外套", "棉服",
               "衣服"],
    "sweater": ["sweater", "jumper", "pullover", "cardigan", "羊毛衫", "毛衣", "针织衫", "衣服"],
    "tshirt": ["t-shirt", "tshirt", "t shirt", "tee", "shirt", "t恤", "体恤", "短袖", "衣服"],
    "shoes": ["shoes", "sneakers", "trainers", "running shoes", "跑鞋", "运动鞋", "鞋子", "鞋"],
    "earbuds": ["earbuds", "headphones", "earphones", "headset", "耳机", "蓝牙耳机"],
    "powerbank": ["power bank", "powerbank", "portable charger", "battery pack", "充电宝",
                  "移动电源"],
    "charger": ["charger", "adapter", "充电器", "充电头", "适配器"],
    "watch": ["watch", "smartwatch", "smart watch", "手表", "智能手表", "手环"],
    "pillow": ["pillow", "memory foam pillow", "枕头", "记忆棉枕头"],
    "pillowcase": ["pillowcase", "pillow case", "枕套", "枕巾"],
    "bedding": ["bedding", "bedding set", "bed sheets", "sheets", "duvet cover", "床品",
                "四件套", "床单", "被套"],
    "lamp": ["lamp", "desk lamp", "台灯", "灯"],
    "backpack": ["backpack", "rucksack", "bag", "双肩包", "背包", "书包"],
    "yogamat": ["yoga mat", "mat", "瑜伽垫", "垫子"],
    "purifier": ["air purifier", "purifier", "空气净化器", "净化器"],
    "filter": ["filter", "replacement filter", "滤网", "滤芯", "替换滤网"],
}

EN_FIRST = ["James", "Mary", "John", "Patricia", "Robert", "Jennifer", "Michael", "Linda",
            "David", "Elizabeth", "William", "Susan", "Richard", "Jessica", "Joseph", "Sarah",
            "Thomas", "Karen", "Daniel", "Emily", "Matthew", "Olivia", "Anthony", "Sophia"]
EN_LAST = ["Smith", "Johnson", "Williams", "Brown", "Jones", "Garcia", "Miller", "Davis",
           "Wilson", "Anderson", "Taylor", "Thomas", "Moore", "Martin", "Lee", "Clark"]
EN_STREETS = ["Maple", "Oak", "Pine", "Cedar", "Elm", "Lake", "Hill", "Park", "Sunset", "River"]
EN_CITIES = [("Seattle", "WA", "981"), ("Portland", "OR", "972"), ("Austin", "TX", "787"),
             ("Denver", "CO", "802"), ("Boston", "MA", "021"), ("Chicago", "IL", "606"),
             ("San Jose", "CA", "951"), ("Atlanta", "GA", "303")]
ZH_SURNAMES = ["王", "李", "张", "刘", "陈", "杨", "黄", "赵", "周", "吴", "徐", "孙", "马", "朱"]
ZH_GIVEN = ["伟", "芳", "娜", "敏", "静", "磊", "洋", "艳", "勇", "杰", "娟", "涛", "明", "超",
            "秀英", "丽华", "子涵", "浩然", "雨桐", "思远"]
ZH_CITIES = [("上海市", "浦东新区", "张杨路"), ("北京市", "朝阳区", "建国路"),
             ("广东省深圳市", "南山区", "科技园路"), ("浙江省杭州市", "西湖区", "文三路"),
             ("四川省成都市", "武侯区", "人民南路"), ("江苏省南京市", "鼓楼区", "中山北路")]

STATUS_WEIGHTS = [("pending", 8), ("paid", 12), ("shipped", 20), ("delivered", 45),
                  ("cancelled", 7), ("returned", 8)]


def iso(value: datetime | None) -> str | None:
    return value.strftime("%Y-%m-%dT%H:%M:%SZ") if value else None


def products() -> list[dict]:
    out = []
    for key, en, zh, category, price, variants, desc_en, desc_zh in CATALOGUE:
        for en_var, zh_var in variants:
            out.append({
                "id": f"P{len(out) + 1:03d}",
                "name": f"{en} — {en_var}",
                "description": desc_en,
                "price": price,
                "currency": "USD",
                "attributes": {"line": key, "category": category, "variant": en_var,
                               "variant_zh": zh_var, "name_zh": f"{zh}（{zh_var}）",
                               "description_zh": desc_zh, "aliases": ALIASES[key]},
            })
    return out


def customers(rng: random.Random) -> list[dict]:
    out = []
    for i in range(1, 201):
        if i % 2:
            first, last = rng.choice(EN_FIRST), rng.choice(EN_LAST)
            city, state, zip3 = rng.choice(EN_CITIES)
            address = (f"{rng.randint(10, 9999)} {rng.choice(EN_STREETS)} "
                       f"{rng.choice(['St', 'Ave', 'Rd', 'Blvd'])}, {city}, {state} "
                       f"{zip3}{rng.randint(10, 99)}")
            out.append({"id": f"C{i:03d}", "name": f"{first} {last}",
                        "email": f"{first}.{last}{i}@example.com".lower(),
                        "phone": f"+1-206-555-{rng.randint(1000, 9999)}", "language": "en",
                        "default_address": address})
        else:
            name = rng.choice(ZH_SURNAMES) + rng.choice(ZH_GIVEN)
            province, district, road = rng.choice(ZH_CITIES)
            address = (f"{province}{district}{road}{rng.randint(1, 999)}号"
                       f"{rng.randint(1, 30)}栋{rng.randint(101, 2505)}室")
            out.append({"id": f"C{i:03d}", "name": name, "email": f"user{i}@example.cn",
                        "phone": f"13{rng.randint(100000000, 999999999)}", "language": "zh",
                        "default_address": address})
    return out


def tracking(rng: random.Random, carrier: str) -> str:
    digits = lambda n: "".join(rng.choice("0123456789") for _ in range(n))  # noqa: E731
    return {
        "UPS": lambda: "1Z" + "".join(rng.choice("0123456789ABCDEFGHJKLMNPRSTUVWXYZ")
                                      for _ in range(16)),
        "FedEx": lambda: digits(12),
        "USPS": lambda: "9400" + digits(18),
        "SF Express": lambda: "SF" + digits(13),
        "JD Logistics": lambda: "JDV" + digits(12),
    }[carrier]()


def order_dates(rng: random.Random, status: str) -> tuple[datetime, datetime | None,
                                                          datetime | None]:
    now = REFERENCE_DATE
    hours = lambda lo, hi: timedelta(hours=rng.randint(lo, hi))  # noqa: E731
    if status in ("pending", "paid"):
        return now - hours(2, 60), None, None
    if status == "shipped":
        created = now - hours(30, 200)
        return created, created + hours(6, 26), None
    if status == "cancelled":
        return now - hours(24, 24 * 100), None, None
    lo_days = 20 if status == "returned" else 3
    created = now - timedelta(days=rng.randint(lo_days, 120), hours=rng.randint(0, 23))
    shipped = created + hours(6, 26)
    return created, shipped, shipped + hours(48, 160)


def orders(rng: random.Random, custs: list[dict], prods: list[dict]) -> list[dict]:
    out = []
    statuses = [s for s, w in STATUS_WEIGHTS for _ in range(w)]
    for i in range(1000):
        cust = custs[(i * 7 + rng.randint(0, 3)) % len(custs)]
        zh = cust["language"] == "zh"
        status = statuses[i % len(statuses)] if i < 900 else rng.choice(statuses)
        created, shipped, delivered = order_dates(rng, status)
        items = []
        for prod in rng.sample(prods, rng.choice([1, 1, 1, 2, 2, 3])):
            name = prod["attributes"]["name_zh"] if zh else prod["name"]
            items.append({"product_id": prod["id"], "name": name,
                          "qty": rng.choice([1, 1, 1, 2]), "price": prod["price"]})
        total = round(sum(it["qty"] * it["price"] for it in items), 2)
        if total < 50:
            total = round(total + 5.99, 2)  # standard shipping below the free threshold
        carrier = tracking_no = None
        if shipped:
            carrier = rng.choice(["SF Express", "JD Logistics"] if zh else ["UPS", "FedEx", "USPS"])
            tracking_no = tracking(rng, carrier)
        address = cust["default_address"] if rng.random() < 0.85 else (
            "上海市徐汇区漕溪北路88号3栋1201室" if zh else "500 Market St, San Jose, CA 95113")
        out.append({"id": f"A{10001 + i}", "customer_id": cust["id"], "status": status,
                    "created_at": iso(created), "items": items, "total": total,
                    "currency": "USD", "shipping_address": address, "carrier": carrier,
                    "tracking_number": tracking_no, "shipped_at": iso(shipped),
                    "delivered_at": iso(delivered)})
    return out


def refunds(rng: random.Random, ords: list[dict]) -> list[dict]:
    out = []
    for order in ords:
        delivered = order["delivered_at"]
        if order["status"] == "returned":
            status = rng.choice(["refunded", "refunded", "refunded", "approved"])
        elif order["status"] == "delivered" and rng.random() < 0.12:
            age = (REFERENCE_DATE - datetime.fromisoformat(delivered)).days
            status = "requested" if age <= 30 else "rejected"
        else:
            continue
        created = datetime.fromisoformat(delivered) + timedelta(days=rng.randint(1, 12))
        created = min(created, REFERENCE_DATE - timedelta(hours=3))
        refunded_at = created + timedelta(days=rng.randint(3, 7)) if status == "refunded" else None
        amount = order["total"] if rng.random() < 0.7 else order["items"][0]["price"]
        out.append({"id": f"R{len(out) + 1:04d}", "order_id": order["id"], "status": status,
                    "amount": amount, "created_at": iso(created),
                    "refunded_at": iso(refunded_at),
                    "reason": rng.choice(["size does not fit", "changed my mind",
                                          "item damaged", "not as described"])})
    return out


def main() -> None:
    rng = random.Random(20261123)
    prods = products()
    custs = customers(rng)
    ords = orders(rng, custs, prods)
    store = {"reference_date": iso(REFERENCE_DATE), "customers": custs, "products": prods,
             "orders": ords, "refunds": refunds(rng, ords)}
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(json.dumps(store, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"wrote {OUT}: " + ", ".join(f"{len(store[k])} {k}" for k in
                                      ("customers", "products", "orders", "refunds")))


if __name__ == "__main__":
    main()
