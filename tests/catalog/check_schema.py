#!/usr/bin/env python3
"""Validate catalogue files against the catalogue JSON Schema. Exit 77 (skip) without jsonschema."""
import json
import sys

try:
    import jsonschema
except ImportError:
    print("python3-jsonschema is not installed; skipping")
    sys.exit(77)

schema = json.load(open(sys.argv[1], encoding="utf-8"))
jsonschema.Draft7Validator.check_schema(schema)
validator = jsonschema.Draft7Validator(schema)
failed = False
for path in sys.argv[2:]:
    doc = json.load(open(path, encoding="utf-8"))
    for error in sorted(validator.iter_errors(doc), key=lambda e: list(e.path)):
        failed = True
        print("%s: %s: %s" % (path, "/".join(str(p) for p in error.path), error.message))
    # A broken catalogue must be rejected too: the schema is not vacuous.
    broken = dict(doc)
    broken["matters"] = [dict(doc["matters"][0], necessity="x", materials=[{"material": "id-card"}])]
    if not list(validator.iter_errors(broken)):
        failed = True
        print("%s: the schema accepted a broken matter" % path)
sys.exit(1 if failed else 0)
