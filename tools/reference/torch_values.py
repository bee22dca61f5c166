"""fixtures/reference/torch-values.json: one JSON of PyTorch reference values for the specs.

Each tools/reference script owns one section (`objectives`, `llamaTiny`, ...) and rewrites
only that one; the specs read them through @prefopt/testing (torchObjectiveValues,
torchReferenceValues).
"""
import json
from pathlib import Path

PATH = Path(__file__).resolve().parents[2] / "fixtures" / "reference" / "torch-values.json"


def write_section(name, values, written_by):
    document = json.loads(PATH.read_text()) if PATH.exists() else {}
    document.setdefault("writtenBy", {})[name] = written_by
    document[name] = values
    PATH.parent.mkdir(parents=True, exist_ok=True)
    PATH.write_text(json.dumps(document, indent=2) + "\n")
    return PATH
