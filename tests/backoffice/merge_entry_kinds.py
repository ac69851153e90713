#!/usr/bin/env python3
"""Writes the log entry schemas store::EntryKinds generates (tst_entrykinds leaves them in a file
when openapi.json differs) into modules/backoffice/openapi.json's components/schemas.

    python3 tests/backoffice/merge_entry_kinds.py /tmp/onewindow-entry-kinds.json
"""
import json
import pathlib
import sys

spec_path = pathlib.Path(__file__).resolve().parents[2] / "modules/backoffice/openapi.json"
generated = json.loads(pathlib.Path(sys.argv[1]).read_text())
spec = json.loads(spec_path.read_text())
schemas = spec["components"]["schemas"]
kept = {k: v for k, v in schemas.items() if not (k.startswith("LogEntry") and k not in generated and k != "LogEntries")}
merged = {}
for k, v in kept.items():
    if k == "LogEntry":
        for g, gv in generated.items():
            merged[g] = gv
    elif k not in generated:
        merged[k] = v
for g, gv in generated.items():
    merged.setdefault(g, gv)
spec["components"]["schemas"] = merged
spec_path.write_text(json.dumps(spec, indent=2, ensure_ascii=False) + "\n")
