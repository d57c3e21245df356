"""Export one JSON Schema file per topic value model into ``schemas/json/``."""

from __future__ import annotations

from pathlib import Path

import orjson

from schemas.models import TOPIC_MODELS, ReplayControl

JSON_DIR = Path(__file__).resolve().parent / "json"


def rendered_schemas() -> dict[str, bytes]:
    """File name -> JSON Schema text, for every topic model plus the replay control record."""
    files = {f"{topic}.json": model for topic, model in TOPIC_MODELS.items()}
    files["liveblog.entries.control.json"] = ReplayControl
    return {
        name: orjson.dumps(model.model_json_schema(mode="serialization"), option=orjson.OPT_INDENT_2 | orjson.OPT_SORT_KEYS) + b"\n"
        for name, model in files.items()
    }


def export_schemas(out: Path | None = None) -> list[Path]:
    directory = out or JSON_DIR
    directory.mkdir(parents=True, exist_ok=True)
    written = []
    for name, text in rendered_schemas().items():
        path = directory / name
        path.write_bytes(text)
        written.append(path)
    return written
