"""A small knowledge base in both languages, shared by the retrieval and search-backend
tests."""

from __future__ import annotations

from retrieval.documents import SourceDocument

RETURNS = SourceDocument(
    doc_id="returns-en", title="Returns policy", layer="policy", language="en",
    text="# Returns policy\n\n## Window\nYou can send items back within 30 days of delivery.\n\n"
         "## Refunds\nRefunds reach your card 3-5 business days after we inspect the return.")
SHIPPING_ZH = SourceDocument(
    doc_id="shipping-zh", title="配送方式", layer="policy", language="zh",
    text="# 配送方式\n\n## 时效\n标准配送 5-7 个工作日送达，满 50 美元包邮。"
         "快速配送 2-3 个工作日。")
MUG = SourceDocument(
    doc_id="mug-en", title="Ceramic mug FAQ", layer="product", language="en",
    text="# Ceramic mug FAQ\n\nThe mug is dishwasher and microwave safe and holds 350 ml.")
SALE = SourceDocument(
    doc_id="sale-en", title="Winter sale", layer="promotion", language="en",
    text="# Winter sale\n\n20% off all down jackets and sweaters until December 31.")
KB_DOCS = [RETURNS, SHIPPING_ZH, MUG, SALE]
