"""Continent of each ISO 3166-1 country code, for the "continent" filter of the partner-city list.

Conventions: Central America and the Caribbean are North America; Russia and Cyprus are Europe;
Turkey, the Caucasus states and Kazakhstan are Asia; overseas territories follow their geography,
not the state they belong to. A test checks that every code django-countries knows
has a continent here.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Continent(models.TextChoices):
    AFRICA = "africa", _("Africa")
    NORTH_AMERICA = "north-america", _("North and Central America")
    SOUTH_AMERICA = "south-america", _("South America")
    ASIA = "asia", _("Asia")
    EUROPE = "europe", _("Europe")
    OCEANIA = "oceania", _("Oceania")
    ANTARCTICA = "antarctica", _("Antarctica")

    @classmethod
    def of(cls, country_code):
        """The continent of a country code, or None for a code we do not know."""
        return COUNTRY_CONTINENT.get(str(country_code or "").upper())


_CODES = {
    Continent.AFRICA: """
        AO BF BI BJ BW CD CF CG CI CM CV DJ DZ EG EH ER ET GA GH GM GN GQ GW IO KE KM LR LS LY MA MG
        ML MR MU MW MZ NA NE NG RE RW SC SD SH SL SN SO SS ST SZ TD TG TN TZ UG YT ZA ZM ZW
    """,
    Continent.NORTH_AMERICA: """
        AG AI AW BB BL BM BQ BS BZ CA CR CU CW DM DO GD GL GP GT HN HT JM KN KY LC MF MQ MS MX NI PA
        PM PR SV SX TC TT US VC VG VI
    """,
    Continent.SOUTH_AMERICA: "AR BO BR CL CO EC FK GF GY PE PY SR UY VE",
    Continent.ASIA: """
        AE AF AM AZ BD BH BN BT CC CN CX GE HK ID IL IN IQ IR JO JP KG KH KP KR KW KZ LA LB LK MM MN
        MO MV MY NP OM PH PK PS QA SA SG SY TH TJ TL TM TR TW UZ VN YE
    """,
    Continent.EUROPE: """
        AD AL AT AX BA BE BG BY CH CY CZ DE DK EE ES FI FO FR GB GG GI GR HR HU IE IM IS IT JE LI LT
        LU LV MC MD ME MK MT NL NO PL PT RO RS RU SE SI SJ SK SM UA VA
    """,
    Continent.OCEANIA: """
        AS AU CK FJ FM GU KI MH MP NC NF NR NU NZ PF PG PN PW SB TK TO TV UM VU WF WS
    """,
    Continent.ANTARCTICA: "AQ BV GS HM TF",
}

COUNTRY_CONTINENT = {code: continent for continent, codes in _CODES.items() for code in codes.split()}


def countries_in(continent):
    """The country codes of a continent (a list, for a `country__in` filter)."""
    return sorted(code for code, where in COUNTRY_CONTINENT.items() if where == continent)
