"""Krippendorff's alpha and the units it is computed over (issue 17)."""

from __future__ import annotations

import math

import pytest

from annotations.agreement import alpha_nominal, article_units, compute, percent_agreement
from annotations.coding import DoneMark, TagCode
from annotations.models import Anchor, Note


def test_alpha_matches_krippendorffs_worked_example_for_nominal_data() -> None:
    """Krippendorff, "Computing Krippendorff's Alpha-Reliability" (2011), section C: four
    observers, twelve units, nominal values 1-5, some missing.

    By hand: unit 12 has one value (not pairable); the other 11 hold n = 40 pairable values:
    n_1 = 9, n_2 = 13, n_3 = 10, n_4 = 5, n_5 = 3. Mismatching ordered pairs per unit, divided
    by m_u - 1: unit 2 {2,2,2,3}: 6/3 = 2; unit 6 {1,2,3,4}: 12/3 = 4; unit 8 {1,1,1,2}: 6/3 = 2;
    all others agree. D_o = 8/40 = 0.2. D_e = (40^2 - (81+169+100+25+9)) / (40*39) = 1216/1560
    = 0.77949. alpha = 1 - 0.2/0.77949 = 0.74342 (the paper: 0.743)."""
    n = None
    data = [
        [1, 2, 3, 3, 2, 1, 4, 1, 2, n, n, n],
        [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, n, 3],
        [n, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, n],
        [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, n],
    ]
    assert alpha_nominal(data) == pytest.approx(1 - 0.2 / (1216 / 1560))
    assert round(alpha_nominal(data), 3) == 0.743


def test_alpha_two_coders_by_hand() -> None:
    """Values (a,a) (b,a) (b,b): n = 6, n_a = n_b = 3, one mismatching unit gives D_o = 2/6;
    D_e = 2*3*3 / (6*5) = 0.6; alpha = 1 - (1/3)/0.6 = 4/9."""
    assert alpha_nominal([["a", "b", "b"], ["a", "a", "b"]]) == pytest.approx(4 / 9)


def test_alpha_degenerate_cases() -> None:
    # one coder: nothing to compare
    assert alpha_nominal([["a", "b", "a"]]) is None
    # no overlap: every unit has one coder's value only
    assert alpha_nominal([["a", None, "b", None], [None, "b", None, "a"]]) is None
    # all agree, and the values vary: perfect reliability
    assert alpha_nominal([["a", "b", "a", "c"], ["a", "b", "a", "c"]]) == pytest.approx(1.0)
    # all agree on one value only: no disagreement can be expected, alpha is undefined
    assert alpha_nominal([[True, True], [True, True]]) is None
    # no units at all
    assert alpha_nominal([[], []]) is None
    # systematic disagreement is below zero
    assert alpha_nominal([["a", "b"], ["b", "a"]]) < 0


def test_alpha_equals_the_krippendorff_package_on_random_data() -> None:
    """The package (numpy) is the reference implementation; ours must give its values."""
    krippendorff = pytest.importorskip("krippendorff")
    import random

    import numpy as np

    rng = random.Random(17)
    for trial in range(200):
        coders, units = rng.randint(2, 5), rng.randint(2, 30)
        values = rng.randint(2, 5)
        data = [
            [rng.randrange(values) if rng.random() > 0.2 else None for _ in range(units)]
            for _ in range(coders)
        ]
        ours = alpha_nominal(data)
        matrix = np.array([[np.nan if v is None else v for v in row] for row in data], float)
        try:
            theirs = krippendorff.alpha(reliability_data=matrix, level_of_measurement="nominal")
        except ValueError:  # the package refuses a single value: ours says undefined
            assert ours is None, trial
            continue
        if ours is None:
            assert math.isnan(theirs) or theirs is None, trial
        else:
            assert ours == pytest.approx(theirs), trial


def test_percent_agreement() -> None:
    assert percent_agreement([["a", "b", "c"], ["a", "b", "x"]]) == pytest.approx(2 / 3)
    assert percent_agreement([["a", "b"], ["a", "b"], ["a", "c"]]) == pytest.approx(1 / 2)
    assert percent_agreement([[], []]) == 0.0


def _note(coder: str, start: int, end: int, *tags: str, quote: str | None = None) -> Note:
    anchor = Anchor(exact="x" * (end - start), prefix="", suffix="", start=start, end=end)
    return Note(
        id=f"n{coder}{start}{end}",
        article="aa01",
        text="",
        tags=list(tags),
        passage=anchor,
        coder=coder,
        quote=quote,
    )


def test_passages_are_one_unit_when_they_overlap_by_half_the_longer() -> None:
    notes = [
        _note("ada", 0, 10, "frame/a"),
        _note("ben", 4, 12, "frame/b"),  # overlap 6 >= 0.5 * 10: the same unit
        _note("ada", 100, 110, "frame/a"),
        _note("ben", 106, 120, "frame/a"),  # overlap 4 < 0.5 * 14: another unit
        _note("ben", 300, 310, "other/tag"),  # no category of the set: no unit
    ]
    units = article_units("aa01", "passage", [], [], notes, ["frame/a", "frame/b"], ["ada", "ben"])
    assert [(u.start, u.end) for u in units] == [(0, 10), (100, 110), (106, 120)]
    assert units[0].values == {"ada": {"frame/a"}, "ben": {"frame/b"}}
    assert units[1].coded == {"ada"} and units[2].coded == {"ben"}
    # ben marked the article done: ada's unit at 100 is coded by ben too, with no category
    units = article_units(
        "aa01", "passage", [], [DoneMark("ben")], notes, ["frame/a", "frame/b"], ["ada", "ben"]
    )
    assert units[1].coded == {"ada", "ben"} and units[1].value("ben") == "(none)"
    # a quote unit is made of codes on quotations only
    quoted = [_note("ada", 0, 10, "frame/a", quote="aa01:0-10"), _note("ben", 0, 10, "frame/a")]
    assert len(article_units("aa01", "quote", [], [], quoted, ["frame/a"], ["ada", "ben"])) == 1


def test_compute_leaves_out_units_not_coded_by_all_and_says_the_method() -> None:
    cats = ["frame/a", "frame/b"]
    units = []
    for article, ada, ben in [
        ("aa01", "frame/a", "frame/a"),
        ("aa02", "frame/b", "frame/a"),
        ("aa03", "frame/b", "frame/b"),
        ("aa04", "frame/a", None),  # only ada: left out
    ]:
        codes = [TagCode(ada, "ada")] + ([TagCode(ben, "ben")] if ben else [])
        units += article_units(article, "article", codes, [], [], cats, ["ada", "ben"])
    result = compute(units, "article", ["ada", "ben"], cats, exclusive=True)
    assert result.left_out == 1 and result.overall["units"] == 3
    assert result.overall["method"] == "nominal"
    assert result.overall["alpha"] == pytest.approx(4 / 9)
    assert result.overall["agreement"] == pytest.approx(2 / 3)
    assert [c["tag"] for c in result.categories] == cats
    assert all(c["alpha"] == pytest.approx(4 / 9) for c in result.categories)
    assert [u.article for u in result.disagreements()] == ["aa02"]
    multi = compute(units, "article", ["ada", "ben"], cats, exclusive=False)
    assert multi.overall["method"] == "mean"
    assert multi.overall["alpha"] == pytest.approx(4 / 9)
    # one category nobody used on these units: its alpha is undefined, the mean skips it
    third = compute(units, "article", ["ada", "ben"], cats + ["frame/c"], exclusive=False)
    assert third.categories[2]["alpha"] is None and third.categories[2]["agreement"] == 1.0
    assert third.overall["alpha"] == pytest.approx(4 / 9)
    assert not math.isnan(third.overall["agreement"])
