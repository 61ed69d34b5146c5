#!/usr/bin/env bash
# Mutation testing of the extractor, dates, status and merge with mutmut (pinned in
# requirements-mutation.txt). Slow (about 20-40 minutes on two cores): run it by hand or
# in a scheduled job, not in CI. Configuration: [tool.mutmut] in pyproject.toml.
# Prints the number of mutants killed and every one that was not, with its diff.
set -euo pipefail
cd "$(dirname "$0")/.."
py=${PYTHON:-.venv/bin/python}
"$py" -m pip install -q -r requirements-mutation.txt
rm -rf mutants
"$py" -m mutmut run --max-children "${JOBS:-2}" >/dev/null 2>&1 || true
"$py" -m mutmut results --all true > mutants/results.txt 2>/dev/null || true
killed=$(grep -c ': killed' mutants/results.txt || true)
total=$(grep -c ': ' mutants/results.txt || true)
echo "mutants: $total, killed: $killed"
grep -v ': killed' mutants/results.txt | while IFS=: read -r name status; do
  echo "== $name:$status"
  "$py" -m mutmut show "$name" 2>/dev/null | grep '^[-+] ' || true
done
