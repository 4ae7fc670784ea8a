"""The UK council register (mySociety, CC BY 4.0): which councils there are, mapped to the bank's types.

Read at build time and by the command line, never by the engine: an assessment carries what it
needs from the register (name, type, region, GSS code, register code), so the browser's engine
and old files never depend on a register release. The file is ``data/uk_local_authorities.csv``
(see ``data/README.md``); a maintainer replaces it with a newer release.

- ``load_register`` reads every row, current and ended, repairing the alternative names the
  release spoils (two known encoding errors) and dropping any other that still looks garbled, and
  putting right the two county councils the release places in the wrong region (Derbyshire, Lincolnshire).
- ``map_to_bank`` puts each current council into the bank's council type through the type's
  ``register_types`` and nation; combined and strategic authorities are left out with a reason.
- ``Register.lookup`` finds a council by register code or GSS code; ``successors`` follows
  ``replaced-by`` to today's councils.
"""

from __future__ import annotations

import csv
import functools
import json
import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from . import bundled

# Register kinds that are not principal councils: they do not run the services the questions ask about.
NOT_COUNCILS = {
    "COMB": "a combined authority: its member councils run the services the questions ask about, and each assesses itself",
    "SRA": "the Greater London Authority, a strategic authority: the London boroughs and the City of London run the "
    "services the questions ask about",
}

# The release's alternative names with encoding errors, and what they should read.
REPAIRS = {
    "Sir Ynys M\u00ef\u00bf\u00bdn": "Sir Ynys M\u00f4n",
    "City\u00ef\u00be\u00a0and County of Swansea": "City and County of Swansea",
}
# Regions the release gives wrongly: (register code, the release's region, the region it should read). ONS places
# both county councils in the East Midlands, as the register itself does for every one of their districts.
REGION_REPAIRS = {
    "DBY": ("West Midlands", "East Midlands"),  # Derbyshire County Council
    "LIN": ("Yorkshire and The Humber", "East Midlands"),  # Lincolnshire County Council
}
# What text looks like after UTF-8 was read as Latin-1 (or a character was lost on the way).
GARBLED = re.compile("[\ufffd\uffa0]|\u00ef\u00bf|\u00ef\u00be|\u00c3[\u0080-\u00bf]")
GSS = re.compile(r"^[EWSN][0-9]{8}$")


@dataclass(frozen=True)
class Entry:
    """One row of the register: a council, current or ended."""

    code: str  # the register's code: three letters for councils (TUN), longer for some others
    name: str  # official name: Tunbridge Wells Borough Council
    nice_name: str  # short name: Tunbridge Wells
    gss: str  # ONS/GSS code: E07000116 (blank for councils that ended before GSS codes)
    nation: str  # as the register writes it: England, Wales, Scotland, Northern Ireland
    region: str
    kind: str  # the register's local-authority-type: CTY, NMD, UA, MD, LBO, CC, WPA, SCO, NID, COMB, SRA
    kind_name: str
    county: str  # the parent county's register code, for districts
    start_date: str
    end_date: str
    replaced_by: tuple[str, ...]
    alt_names: tuple[str, ...]
    population: float | None = None  # pop-2020: people in 2020, for similar councils (engine/comparison/similar.py)
    area: float | None = None  # area: square kilometres
    # The place's name in the area's other language (Caerdydd), where the register has it: see other_name().
    other_name: str = ""

    @property
    def current(self) -> bool:
        return not self.end_date


@dataclass(frozen=True)
class Council:
    """A current council placed in the question bank's model."""

    entry: Entry
    nation: str  # bank nation id
    type: str  # bank council type id
    county_name: str  # the parent county council's name, for districts; "" otherwise

    def assessment_council(self) -> dict[str, str]:
        """The fields an assessment's ``council`` object takes from the register."""
        e = self.entry
        return {"name": e.name, "type": self.type, "region": e.region, "ons_code": e.gss, "code": e.code}

    def figures(self) -> dict[str, Any]:
        """What similar councils are found by (engine/comparison/similar.py): codes, name, place, size and area."""
        e = self.entry
        return {
            "code": e.code,
            "gss": e.gss,
            "name": e.name,
            "nation": self.nation,
            "type": self.type,
            "population": None if e.population is None else round(e.population),
            "area": e.area,
        }


@dataclass
class Register:
    entries: dict[str, Entry]  # register code -> entry, every row
    meta: dict[str, Any]  # version, source, licence, attribution (data/uk_local_authorities.json)
    repaired: list[str] = field(default_factory=list)  # what was repaired or left out when reading
    by_gss: dict[str, Entry] = field(init=False)

    def __post_init__(self) -> None:
        self.by_gss = {e.gss: e for e in self.entries.values() if e.gss}

    @property
    def version(self) -> str:
        return str(self.meta.get("version", "unknown"))

    def lookup(self, text: str) -> Entry | None:
        """A council by register code (any case: tun) or GSS code (E07000116)."""
        key = text.strip().upper()
        return self.entries.get(key) or self.by_gss.get(key)

    def successors(self, entry: Entry) -> list[Entry]:
        """Today's councils that took over from an ended one, following later endings too, in name order."""
        found: dict[str, Entry] = {}
        seen = {entry.code}
        todo = list(entry.replaced_by)
        while todo:
            code = todo.pop(0)
            if code in seen or code not in self.entries:
                continue
            seen.add(code)
            successor = self.entries[code]
            if successor.current:
                found[code] = successor
            else:
                todo += successor.replaced_by
        return sorted(found.values(), key=lambda e: e.name)

    def search(self, text: str, limit: int = 5) -> list[Entry]:
        """Current councils whose names contain the words typed: for suggesting a code."""
        words = _words(text)
        if not words:
            return []
        hits = [
            e
            for e in self.entries.values()
            if e.current
            and e.kind not in NOT_COUNCILS
            and any(all(w in _words(name) for w in words) for name in (e.name, e.nice_name, *e.alt_names))
        ]
        return sorted(hits, key=lambda e: (len(e.name), e.name))[:limit]


@dataclass
class Placed:
    councils: list[Council]  # current councils, in name order
    skipped: list[tuple[Entry, str]]  # current rows that are not councils the bank models, with the reason
    problems: list[str]  # the register and the bank disagree: a maintainer must act


def register_paths(folder: Path | None = None) -> tuple[Path, Path]:
    folder = folder or bundled.register_dir()
    return folder / "uk_local_authorities.csv", folder / "uk_local_authorities.json"


def load_register(csv_path: Path | None = None, meta_path: Path | None = None) -> Register:
    """Every row of the register file, with its source metadata."""
    default_csv, default_meta = register_paths()
    csv_path = csv_path or default_csv
    meta_path = meta_path or (csv_path.with_suffix(".json") if csv_path != default_csv else default_meta)
    meta = json.loads(meta_path.read_text(encoding="utf-8")) if meta_path.is_file() else {}
    repaired: list[str] = []
    entries: dict[str, Entry] = {}
    with csv_path.open(encoding="utf-8-sig", newline="") as handle:
        for row in csv.DictReader(handle):
            code = row["local-authority-code"].strip()
            entries[code] = Entry(
                code=code,
                name=row["official-name"].strip(),
                nice_name=row["nice-name"].strip(),
                gss=row["gss-code"].strip(),
                nation=row["nation"].strip(),
                region=_region(code, row["region"].strip(), repaired),
                kind=row["local-authority-type"].strip(),
                kind_name=row["local-authority-type-name"].strip(),
                county=row["county-la"].strip(),
                start_date=row["start-date"].strip(),
                end_date=row["end-date"].strip(),
                replaced_by=tuple(c.strip() for c in row["replaced-by"].split(",") if c.strip()),
                alt_names=_alt_names(code, row["alt-names"], repaired),
                population=_number(row.get("pop-2020", "")),
                area=_number(row.get("area", "")),
            )
            entries[code] = replace(
                entries[code],
                other_name=other_name(row.get("os-file", ""), entries[code].alt_names, row["official-name"]),
            )
    return Register(entries, meta, repaired)


def _number(text: str) -> float | None:
    """A figure of the register ("118939.0"); None when blank or not a positive number."""
    try:
        value = float(text)
    except ValueError:
        return None
    return value if value > 0 and value != float("inf") else None


def other_name(os_name: str, alt_names: tuple[str, ...], official: str) -> str:
    """The place's name in its other language, as the register spells it; "" where it has none.

    The register's ``os-file`` column is Ordnance Survey Boundary-Line's name, which for a Welsh council is
    bilingual, Welsh first: ``CAERDYDD_-_CARDIFF``. The other name is the alternative name that reads as
    that first half (ignoring case, accents and spaces: "Sir Ynys Môn" for ``SIR_YNYS_MON``), or failing
    that the start of the official name that does ("Rhondda Cynon Taf" County Borough Council). A first
    half the register spells nowhere ("Sir Ceredigion") gives no name: it is never made up.
    """
    first, sep, second = os_name.partition("_-_")
    if not sep or first == second:
        return ""
    wanted = _folded(first.replace("_", " "))
    for name in alt_names:
        if name[:1].isupper() and _folded(name) == wanted:
            return name
    words = official.split()
    for count in range(len(words), 0, -1):
        if _folded(" ".join(words[:count])) == wanted:
            return " ".join(words[:count])
    return ""


def _folded(text: str) -> str:
    """Upper case, without accents, hyphens read as spaces."""
    plain = unicodedata.normalize("NFKD", text)
    return " ".join("".join(c for c in plain if not unicodedata.combining(c)).upper().replace("-", " - ").split())


def _region(code: str, region: str, repaired: list[str]) -> str:
    """The council's region, with the release's two known wrong regions put right (a later release that fixes
    them, or names another region, is left as it is)."""
    wrong, right = REGION_REPAIRS.get(code, (None, None))
    if right and region == wrong:
        repaired.append(f"{code}: region {wrong!r} repaired to {right!r}")
        return right
    return region


def _alt_names(code: str, raw: str, repaired: list[str]) -> tuple[str, ...]:
    names = []
    for name in next(csv.reader([raw])) if raw else []:
        name = name.strip()
        if name in REPAIRS:
            repaired.append(f"{code}: alternative name {name!r} repaired to {REPAIRS[name]!r}")
            name = REPAIRS[name]
        elif GARBLED.search(name):
            repaired.append(f"{code}: alternative name {name!r} left out (it looks garbled)")
            continue
        if name and name not in names:
            names.append(name)
    return tuple(names)


class BankTypes:
    """The bank's council types as the register sees them: (nation, register type) -> type ids."""

    def __init__(self, council_types: Iterable[Mapping[str, Any]], nations: Mapping[str, str]):
        self.nation_ids = {name: nation_id for nation_id, name in nations.items()}  # England -> england
        self.claims: dict[tuple[str, str], list[str]] = {}
        for ctype in council_types:
            for kind in ctype.get("register_types", ()):
                self.claims.setdefault((ctype["nation"], kind), []).append(ctype["id"])

    def place(self, register: Register, entry: Entry) -> tuple[Council | None, str, str]:
        """A current entry as (council, "", "") or (None, why it is left out, "") or (None, "", a problem to fix)."""
        if entry.kind in NOT_COUNCILS:
            return None, NOT_COUNCILS[entry.kind], ""
        nation = self.nation_ids.get(entry.nation)
        types = self.claims.get((nation, entry.kind), []) if nation else []
        where = f"{entry.name} ({entry.code}, register type {entry.kind} {entry.kind_name!r}, {entry.nation})"
        if nation is None:
            return None, "", f"{where}: the bank has no nation named {entry.nation!r}"
        if not types:
            return None, "", f"{where}: no council type of the bank lists {entry.kind} in register_types for {nation}"
        if len(types) > 1:
            return None, "", f"{where}: more than one council type lists {entry.kind}: {', '.join(types)}"
        if not GSS.fullmatch(entry.gss):
            return None, "", f"{where}: GSS code {entry.gss!r} is not like E07000116"
        county = register.entries.get(entry.county)
        return Council(entry, nation, types[0], county.name if county else ""), "", ""


def map_to_bank(register: Register, council_types: Iterable[Mapping[str, Any]], nations: Mapping[str, str]) -> Placed:
    """Current councils in the bank's council types (compiled form: id, nation, register_types).

    ``nations`` is the bank's id -> name (England, Wales, ...), matched to the register's nation
    column by name.
    """
    types = BankTypes(council_types, nations)
    councils, skipped, problems = [], [], []
    for entry in register.entries.values():
        if entry.current:
            council, left_out, problem = types.place(register, entry)
            if council:
                councils.append(council)
            elif left_out:
                skipped.append((entry, left_out))
            else:
                problems.append(problem)
    councils.sort(key=lambda c: c.entry.name)
    return Placed(councils, skipped, problems)


def _words(text: str) -> list[str]:
    return re.sub(r"[^\w]+", " ", text.casefold().replace("&", " and ")).split()


class NotFound(LookupError):
    """A code that does not give a council to assess; the message says why and what to do instead."""


def find_council(register: Register, types: BankTypes, text: str) -> Council:
    """The current council a register code or GSS code names, or NotFound with a plain reason."""
    entry = register.lookup(text)
    release = f"the UK council register (mySociety, version {register.version})"
    if entry is None:
        message = (
            f"{text.strip()!r} is not a council in {release}. Give a GSS code such as E07000116 or a "
            "register code such as TUN; for a council not in the register, use --council-type."
        )
        hits = register.search(text)
        if hits:
            message += " Did you mean: " + "; ".join(f"{e.code} ({e.name}, {e.gss})" for e in hits) + "?"
        raise NotFound(message)
    where = f"{entry.name} ({entry.code}{', ' + entry.gss if entry.gss else ''})"
    if not entry.current:
        successors = register.successors(entry)
        if not successors:
            raise NotFound(
                f"{where} ended on {entry.end_date}; {release} names no successor. "
                "Use the code of the council that runs its services now."
            )
        listed = " and ".join(f"{e.name} ({e.code}, {e.gss})" for e in successors)
        advice = (
            f"use --council {successors[0].code}"
            if len(successors) == 1
            else "use --council with the code of the one you are assessing"
        )
        raise NotFound(f"{where} ended on {entry.end_date} and was replaced by {listed}: {advice}.")
    council, left_out, problem = types.place(register, entry)
    if left_out:
        raise NotFound(f"{where} is not a council this scorecard assesses: {left_out}.")
    if council is None:
        raise NotFound(
            f"{where} cannot be placed in a council type of this question bank ({problem}); use --council-type."
        )
    return council


@functools.lru_cache(maxsize=1)
def built_in_register() -> Register:
    """The shipped register, read once per process (it is not changed once read)."""
    return load_register()


def bank_types(compiled: Mapping[str, Any]) -> BankTypes:
    return BankTypes(compiled["council_types"], {n["id"]: n["name"] for n in compiled["nations"]})


def load_placed(compiled: Mapping[str, Any], register: Register | None = None) -> tuple[Register, Placed]:
    """The register (the built-in one unless given) with its current councils in a compiled bank's types."""
    register = register or built_in_register()
    return register, map_to_bank(register, compiled["council_types"], {n["id"]: n["name"] for n in compiled["nations"]})
