"""``pip install .`` (not editable) carries every package and the samples: discovery, not a
hand-kept list, decides what is installed (setup.py, pyproject.toml)."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
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
