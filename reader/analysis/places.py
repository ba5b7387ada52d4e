"""Country names (German and English) from pycountry, plus capitals that stand for governments.

pycountry is imported lazily and the table built once: the app's start-up stays light.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache

# Short forms the ISO names miss ("Russische Föderation" is never written "Russland" by ISO).
_SHORT_NAMES = {
    "RU": ["Russland", "Russia"],
    "US": [
        "USA",
        "US",
        "U.S.",
        "Vereinigte Staaten",
        "Vereinigten Staaten",
        "United States",
        "America",
        "Amerika",
    ],
    "GB": ["Großbritannien", "Britain", "Great Britain", "UK", "U.K.", "England"],
    "IR": ["Iran"],
    "SY": ["Syrien", "Syria"],
    "KR": ["Südkorea", "South Korea"],
    "KP": ["Nordkorea", "North Korea"],
    "CZ": ["Tschechien", "Czech Republic"],
    "TW": ["Taiwan"],
    "VN": ["Vietnam"],
    "VE": ["Venezuela"],
    "BO": ["Bolivien", "Bolivia"],
    "MD": ["Moldau", "Moldawien", "Moldova"],
    "TZ": ["Tansania", "Tanzania"],
    "LA": ["Laos"],
    "VA": ["Vatikan", "Vatican"],
    "PS": ["Palästina", "Palestine"],
    "NL": ["Holland"],
    "CD": ["Kongo", "Congo"],
    "CN": ["China", "Volksrepublik China"],
    "DE": ["Deutschland", "Germany", "BRD"],
    "UA": ["Ukraine"],
    "TR": ["Türkei", "Turkey"],
    "BY": ["Weißrussland", "Belarus"],
    "MK": ["Mazedonien", "Macedonia"],
    "CI": ["Elfenbeinküste", "Ivory Coast"],
}
# Capitals (and seats of government) that news uses for the government itself.
CAPITALS = {
    "Moskau": "RU",
    "Moscow": "RU",
    "Kiew": "UA",
    "Kyjiw": "UA",
    "Kiev": "UA",
    "Kyiv": "UA",
    "Washington": "US",
    "Berlin": "DE",
    "Paris": "FR",
    "London": "GB",
    "Peking": "CN",
    "Beijing": "CN",
    "Tokio": "JP",
    "Tokyo": "JP",
    "Teheran": "IR",
    "Tehran": "IR",
    "Ankara": "TR",
    "Warschau": "PL",
    "Warsaw": "PL",
    "Rom": "IT",
    "Rome": "IT",
    "Madrid": "ES",
    "Wien": "AT",
    "Vienna": "AT",
    "Bern": "CH",
    "Minsk": "BY",
    "Damaskus": "SY",
    "Damascus": "SY",
    "Bagdad": "IQ",
    "Baghdad": "IQ",
    "Kabul": "AF",
    "Pjöngjang": "KP",
    "Pyongyang": "KP",
    "Seoul": "KR",
    "Jerusalem": "IL",
    "Kairo": "EG",
    "Cairo": "EG",
    "Neu-Delhi": "IN",
    "New Delhi": "IN",
    "Ottawa": "CA",
    "Canberra": "AU",
    "Brasília": "BR",
    "Havanna": "CU",
    "Havana": "CU",
    "Caracas": "VE",
    "Athen": "GR",
    "Athens": "GR",
    "Budapest": "HU",
    "Prag": "CZ",
    "Prague": "CZ",
    "Tiflis": "GE",
    "Tbilisi": "GE",
    "Eriwan": "AM",
    "Jerewan": "AM",
    "Yerevan": "AM",
    "Baku": "AZ",
    "Riad": "SA",
    "Riyadh": "SA",
    "Islamabad": "PK",
    "Stockholm": "SE",
    "Helsinki": "FI",
    "Oslo": "NO",
    "Kopenhagen": "DK",
    "Copenhagen": "DK",
    "Den Haag": "NL",
    "Brüssel": None,
    "Brussels": None,
}


def _same(name: str) -> str:
    return name


@lru_cache(maxsize=2)
def country_table(lang: str) -> dict[str, str]:
    """Map a country name as written in ``lang`` to a canonical name (short form when known)."""
    import gettext

    import pycountry

    try:
        tr = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=[lang])
        translate: Callable[[str], str] = tr.gettext
    except OSError:
        translate = _same
    table: dict[str, str] = {}
    for c in pycountry.countries:
        shorts = _SHORT_NAMES.get(c.alpha_2, [])
        local = [s for s in shorts if _is_lang(s, lang)]
        canonical = local[0] if local else translate(getattr(c, "common_name", None) or c.name)
        names = {c.name, getattr(c, "common_name", c.name), translate(c.name), *shorts}
        if hasattr(c, "common_name"):
            names.add(translate(c.common_name))
        for n in names:
            if "," not in n and "(" not in n:
                table.setdefault(n, canonical)
    return table


def _is_lang(name: str, lang: str) -> bool:
    """Crude: the English-looking short forms are listed after the German ones."""
    english = {
        "Russia",
        "United States",
        "America",
        "Britain",
        "Great Britain",
        "UK",
        "U.K.",
        "England",
        "Syria",
        "South Korea",
        "North Korea",
        "Czech Republic",
        "Bolivia",
        "Moldova",
        "Tanzania",
        "Vatican",
        "Palestine",
        "Congo",
        "Germany",
        "Turkey",
        "Macedonia",
        "Ivory Coast",
        "US",
        "U.S.",
    }
    return (name in english) == (lang == "en") or name in {
        "USA",
        "Iran",
        "Ukraine",
        "China",
        "Taiwan",
        "Vietnam",
        "Laos",
    }


@lru_cache(maxsize=2)
def capital_table(lang: str) -> dict[str, str]:
    """Map a capital to the canonical name of the country whose government it stands for."""
    import pycountry

    countries = country_table(lang)
    out: dict[str, str] = {}
    for capital, code in CAPITALS.items():
        if code is None:
            continue
        c = pycountry.countries.get(alpha_2=code)
        if c is None:
            continue
        shorts = [s for s in _SHORT_NAMES.get(code, []) if _is_lang(s, lang)]
        out[capital] = shorts[0] if shorts else countries.get(c.name, c.name)
    return out
