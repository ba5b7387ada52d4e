"""Package discovery, plus the one package that lives elsewhere.

Everything else is in pyproject.toml. The bundled samples sit at the top of the repository
(``sample_articles/``, where people look for them) and install as ``reader.sample_articles``
(``package-dir`` in pyproject.toml); discovery cannot find a package that a mapping puts there,
so it is named here. A new package under ``reader/`` or ``annotations/`` needs no entry.
"""

from setuptools import find_packages, setup

setup(
    packages=[
        *find_packages(include=["reader", "reader.*", "annotations", "annotations.*"]),
        "reader.sample_articles",
    ]
)
