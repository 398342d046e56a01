"""An address whose street has no house number, as rural Europe writes them: "Route des
Gorges, 07150 Vallon-Pont-d'Arc, France", "Via dei Mille, 00185 Roma". The street is
known by its kind, the word that starts it in the Romance languages and ends it in the
Germanic ones, so a product name before a number ("the Trail Runner, 12345 Large") is
none."""

from __future__ import annotations

import re

_LETTER = r"A-Za-zÀ-ÖØ-öø-ÿĀ-ž"
_CAPITALISED = rf"[A-ZÀ-ÖØ-Þ][{_LETTER}'-]*"
# the joining words of street names: "Route des Gorges", "Via dei Mille", "Rua do Sol"
_PARTICLE = r"(?:de|des|du|la|le|les|l'|d'|di|dei|del|della|delle|da|do|dos|das|van|von|der|den)"
_KIND_FIRST = (r"(?:Route|Rue|Chemin|Impasse|All[ée]e|Avenue|Boulevard|Quai|Place|Lieu-dit"
               r"|Via|Viale|Vicolo|Piazza|Strada|Contrada|Localit[àa]|Calle|Camino|Carrer"
               r"|Avenida|Rua|Travessa|Largo|Estrada)")
_KIND_LAST = (rf"[{_LETTER}]*(?:stra(?:ß|ss)e|weg|gasse|platz|allee|damm|straat|laan"
              r"|gracht|plein|vej|gade|gatan|v[äa]gen|veien|gata)")
_NAME = rf"(?:\s+(?:{_PARTICLE}\s*)?{_CAPITALISED}){{1,4}}"
_STREET = (rf"(?:{_KIND_FIRST}{_NAME}|{_CAPITALISED}?{_KIND_LAST}"
           rf"|(?:{_CAPITALISED}\s+)+{_KIND_LAST})")
# a postcode of digits (with a country's letter: "F-07150", "D-10997") and its town,
# then maybe the country
_POSTCODE_TOWN = (rf"(?:[A-Z]{{1,2}}-)?\d{{4,5}}(?:-\d{{3}})?\s+{_CAPITALISED}"
                  rf"(?:[ -]{_CAPITALISED}){{0,3}}(?:,\s*{_CAPITALISED}(?:\s{_CAPITALISED})?)?")
_UNNUMBERED_RE = re.compile(rf"\b{_STREET}\s*,\s*{_POSTCODE_TOWN}")


def unnumbered_street_address(text: str) -> str | None:
    """The first address in ``text`` whose street has a kind but no house number."""
    match = _UNNUMBERED_RE.search(text)
    return match.group(0) if match else None
