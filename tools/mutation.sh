#!/usr/bin/env bash
# Mutation testing of the extractor, dates, status and merge with mutmut (pinned in
# requirements-mutation.txt). Slow (tens of minutes on two cores): run it by hand or
# in a scheduled job, not in CI. Configuration: [tool.mutmut] in pyproject.toml.
set -euo pipefail
cd "$(dirname "$0")/.."
py=${PYTHON:-.venv/bin/python}
"$py" -m pip install -q -r requirements-mutation.txt
rm -rf mutants
"$py" -m mutmut run --max-children "${JOBS:-2}" || true
"$py" -m mutmut results --all true > mutants/results.txt || true
grep -c ': killed' mutants/results.txt | sed 's/^/killed: /' || true
grep -v ': killed' mutants/results.txt | sed 's/^/not killed: /' || true
