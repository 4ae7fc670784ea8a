"""Which group figures can be published without giving away a council's own, or a hidden figure.

Open figures (open_figures.py) publish, for each group and each figure (overall or a theme), how many
councils are counted, their median and quartiles, and how many are at each tier. A figure drawn from
fewer than ``min_group`` councils is hidden (primary suppression). That is not enough on its own: counts
add up, so a hidden group's tier counts are the total's minus the other groups'; and two groups, in one
release or in two releases, that differ by one council give that council's tier (and, through the
medians, often its score) by subtracting one from the other.

The rule here is stronger than any list of attacks: **no set of fewer than ``min_group`` councils, and no
hidden figure's set of councils, may be a linear combination of the sets of councils whose figures are
published** (this release's and every earlier release's given). Whatever can be worked out by adding and
subtracting published counts is a count over such a combination, so nothing hidden, and no small set of
councils, can be recovered by differencing. Figures are considered one at a time (a theme's tiers never
add up with another theme's).

How: cells are offered in order (largest groups first, the totals last, since a total is what makes a
hidden group's counts recoverable) and each is published only if no new set of fewer than ``min_group``
councils can then be derived; one that would allow it is hidden too (complementary suppression). A hidden
figure is then never derivable either: one hidden for being small would be such a set; and if one hidden
to protect others (X) became derivable once a later cell (Y) was published, publishing Y would give what
publishing X would have given, so Y is refused by the same test. The test is exact (fractions, no rounding): the councils are first merged into "atoms", the
councils that every published set either holds together or leaves out together; any set that can be
derived is a union of atoms, so only unions of atoms smaller than ``min_group`` need checking, in a space
of a few dozen dimensions whatever the number of councils.

Run-time code: standard library only.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from fractions import Fraction
from itertools import combinations

PRIMARY, COMPLEMENTARY = "fewer_than_min_group", "complementary"


@dataclass(frozen=True)
class Cell:
    """One figure of one group (or of the total) that could be published: who it is drawn from."""

    id: str
    members: frozenset[str]
    total: bool = False  # a total across groups: offered after the groups


def choose_published(cells: Sequence[Cell], min_group: int, earlier: Iterable[frozenset[str]] = ()) -> dict[str, str]:
    """Why each cell is hidden ({cell id: PRIMARY or COMPLEMENTARY}); a cell not named is published.

    ``earlier``: the sets of councils of figures published already (an earlier release's, of the same figure).
    """
    published = [s for s in earlier if s]
    known = _derivable_small(published, min_group)  # what an earlier release gave away already is no news
    hidden = {cell.id: PRIMARY for cell in cells if 0 < len(cell.members) < min_group}
    offered = sorted(
        (c for c in cells if c.id not in hidden and c.members), key=lambda c: (c.total, -len(c.members), c.id)
    )
    for cell in offered:
        trial = [*published, cell.members]
        if _derivable_small(trial, min_group) <= known:
            published = trial
        else:
            hidden[cell.id] = COMPLEMENTARY
    return hidden


def _atoms(sets: Sequence[frozenset[str]]) -> list[frozenset[str]]:
    """The councils grouped by which of the sets hold them; councils in none of them are left out."""
    signature: dict[str, tuple[int, ...]] = {}
    for index, members in enumerate(sets):
        for member in members:
            signature[member] = (*signature.get(member, ()), index)
    atoms: dict[tuple[int, ...], set[str]] = {}
    for member, sig in signature.items():
        atoms.setdefault(sig, set()).add(member)
    return sorted((frozenset(a) for a in atoms.values()), key=lambda a: sorted(a))


def _derivable_small(sets: Sequence[frozenset[str]], min_group: int) -> set[frozenset[str]]:
    """Every non-empty set of fewer than ``min_group`` councils that is a linear combination of ``sets``."""
    atoms = _atoms(sets)
    small = [a for a in atoms if len(a) < min_group]
    basis = _echelon([_vector(s, atoms) for s in sets])
    found = set()
    for size in range(1, min_group):
        for combo in combinations(small, size):
            union = frozenset().union(*combo)
            if len(union) < min_group and _reduces_to_zero(_vector(union, atoms), basis):
                found.add(union)
    return found


def _vector(members: frozenset[str], atoms: list[frozenset[str]]) -> list[Fraction]:
    return [Fraction(1 if atom <= members else 0) for atom in atoms]


def _echelon(rows: list[list[Fraction]]) -> list[tuple[int, list[Fraction]]]:
    """Gaussian elimination: (pivot column, row scaled to 1 there) for each independent row."""
    basis: list[tuple[int, list[Fraction]]] = []
    for row in rows:
        row = _reduce(row, basis)
        pivot = next((i for i, v in enumerate(row) if v), None)
        if pivot is not None:
            basis.append((pivot, [v / row[pivot] for v in row]))
    return basis


def _reduce(row: list[Fraction], basis: list[tuple[int, list[Fraction]]]) -> list[Fraction]:
    row = list(row)
    for pivot, base in basis:
        if row[pivot]:
            factor = row[pivot]
            row = [v - factor * b for v, b in zip(row, base, strict=True)]
    return row


def _reduces_to_zero(row: list[Fraction], basis: list[tuple[int, list[Fraction]]]) -> bool:
    return not any(_reduce(row, basis))
