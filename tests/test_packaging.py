"""Issue 14 item 15: a free distribution name, the license in the new SPDX form, one version."""

from __future__ import annotations

import re
import tomllib

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
