"""Code targets of issue 12 for reader/analysis: no function over complexity 15 (ruff C901) or
60 statements (ruff PLR0915), and mypy --strict clean with the cue types checked. Skipped where
ruff or mypy is not installed (they are development tools, not dependencies)."""

from __future__ import annotations

import importlib.util
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
ANALYSIS = REPO / "reader" / "analysis"


def test_no_function_is_too_complex_or_too_long() -> None:
    ruff = shutil.which("ruff")
    if ruff is None:
        pytest.skip("ruff is not installed")
    cmd = [
        ruff,
        "check",
        "--no-cache",
        "--select",
        "C901,PLR0915",
        "--config",
        "lint.mccabe.max-complexity=15",
        "--config",
        "lint.pylint.max-statements=60",
        str(ANALYSIS),
    ]
    done = subprocess.run(cmd, capture_output=True, text=True, cwd=REPO)
    assert done.returncode == 0, done.stdout + done.stderr


def test_mypy_strict_is_clean() -> None:
    if importlib.util.find_spec("mypy") is None:
        pytest.skip("mypy is not installed")
    cmd = [sys.executable, "-m", "mypy", "--strict", "--no-incremental", "reader/analysis"]
    done = subprocess.run(cmd, capture_output=True, text=True, cwd=REPO)
    assert done.returncode == 0, done.stdout[-3000:]
