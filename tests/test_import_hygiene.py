"""The core (import, analysis, annotations) never pulls in Textual, and start-up stays lean."""

from __future__ import annotations

import subprocess
import sys

CORE = [
    "reader.importing.importer",
    "reader.library.store",
    "reader.library.search_index",
    "reader.analysis",
    "annotations.store",
    "annotations.export",
    "annotations.anchors",
]
HEAVY = ["textual", "trafilatura", "lxml", "py3langid", "pycountry", "tantivy"]


def _modules_after_import(modules: list[str]) -> set[str]:
    code = (
        "import sys\n"
        + "".join(f"import {m}\n" for m in modules)
        + "print('\\n'.join(sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return set(out.stdout.split())


def test_core_never_imports_textual_or_heavy_libraries() -> None:
    loaded = _modules_after_import(CORE)
    for name in HEAVY:
        assert not any(m == name or m.startswith(name + ".") for m in loaded), name


def test_app_module_imports_heavy_libraries_lazily() -> None:
    loaded = _modules_after_import(["reader.app"])
    for name in ["trafilatura", "lxml", "py3langid", "pycountry", "tantivy"]:
        assert not any(m == name or m.startswith(name + ".") for m in loaded), name


def test_the_cli_imports_argcomplete_only_while_completing() -> None:
    code = (
        "import sys\n"
        "from reader.cli.main import build_parser\n"
        "build_parser().format_help()\n"
        "print('argcomplete' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
