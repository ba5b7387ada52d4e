"""Packaging: a free distribution name, the license in the SPDX form, one version (issue 14);
and ``pip install .`` (not editable) carries every package and the samples, because discovery,
not a hand-kept list, decides what is installed (setup.py, pyproject.toml)."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

from conftest import REPO

import reader


def _project() -> dict:
    return tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))


def test_distribution_name_is_not_the_taken_reader_and_the_command_stays() -> None:
    data = _project()
    assert data["project"]["name"] == "newsquotes-reader"
    assert data["project"]["scripts"] == {"reader": "reader.__main__:main"}


def test_license_is_an_spdx_expression_with_a_license_file() -> None:
    data = _project()
    project = data["project"]
    assert project["license"] == "MIT"  # a string: the deprecated table form warns on build
    assert project["license-files"] == ["LICENSE"]
    assert "MIT License" in (REPO / "LICENSE").read_text(encoding="utf-8")
    assert not any(c.startswith("License ::") for c in project["classifiers"])  # not with SPDX
    requires = data["build-system"]["requires"]
    found = [r for r in requires if r.startswith("setuptools")]
    assert found and int(re.search(r">=\s*(\d+)", found[0]).group(1)) >= 77
    assert project["keywords"] and project["authors"] and project["classifiers"]


def test_version_is_written_in_one_place() -> None:
    data = _project()
    assert "version" not in data["project"] and "version" in data["project"]["dynamic"]
    assert data["tool"]["setuptools"]["dynamic"]["version"] == {"attr": "reader.__version__"}
    assert re.fullmatch(r"\d+\.\d+\.\d+\S*", reader.__version__)


SKIP = shutil.ignore_patterns(
    ".git", "tests", "bench", "docs", "build", "*.egg-info", "__pycache__", ".*cache", ".hypothesis"
)


def _run(args: list[str], env: dict[str, str], cwd: Path) -> subprocess.CompletedProcess[str]:
    done = subprocess.run(args, env=env, cwd=cwd, capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, f"{args[:4]}: {done.stderr[-2000:]}"
    return done


def test_a_plain_install_holds_every_package_and_imports_the_samples(tmp_path: Path) -> None:
    source = tmp_path / "src"
    shutil.copytree(REPO, source, ignore=SKIP)  # the build writes build/ and egg-info there
    venv = tmp_path / "venv"
    # offline: the venv sees this interpreter's packages (pip, setuptools, the dependencies);
    # without its own pip, whose bundled setuptools would shadow the one the test extra brings
    _run(
        [sys.executable, "-m", "venv", "--system-site-packages", "--without-pip", str(venv)],
        dict(os.environ),
        tmp_path,
    )
    python = venv / "bin" / "python"
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV")}
    env["PIP_DISABLE_PIP_VERSION_CHECK"] = "1"
    pip = [str(python), "-m", "pip", "install", "--no-deps", "--no-build-isolation", "--no-index"]
    _run([*pip, "--quiet", str(source)], env, tmp_path)

    where = _run(
        [
            str(python),
            "-c",
            "import json, pkgutil, importlib, reader, annotations\n"
            "names = [m.name for p in (reader, annotations)"
            " for m in pkgutil.walk_packages(p.__path__, p.__name__ + '.')]\n"
            "for name in names: importlib.import_module(name)\n"
            "print(json.dumps({'reader': reader.__file__, 'modules': names}))",
        ],
        env,
        tmp_path,
    )
    found = json.loads(where.stdout)
    assert found["reader"].startswith(str(venv))  # the installed copy, not the source tree
    expected = {
        ".".join(p.relative_to(REPO).with_suffix("").parts)
        for root in ("reader", "annotations")
        for p in (REPO / root).rglob("*.py")
        if p.name != "__init__.py"
    }
    assert expected <= set(found["modules"])
    assert "reader.importing.formats" in found["modules"]  # a package the hand list once lacked

    reader = venv / "bin" / "reader"
    library = tmp_path / "library"
    env["READER_HOME"] = str(library)
    imported = _run([str(reader), "import", "--samples"], env, tmp_path).stdout.splitlines()
    samples = [
        p for p in (REPO / "sample_articles").iterdir() if p.suffix in {".txt", ".md", ".html"}
    ]
    assert len(imported) == len(samples) >= 8
    assert all(line.startswith("imported ") for line in imported)
    listed = json.loads(_run([str(reader), "list", "--json"], env, tmp_path).stdout)
    assert len(listed) == len(samples)
