#!/usr/bin/env python3
"""High-precision reference roots for FiniteBoundaryReferenceTest (org.probstab.boundary).

Reads finite_boundary_datasets.csv (written by the Java test-source generator MfGaussianDatasetDump: the
mf-gaussian finite-N datasets chi_i as the phase table sees them) and writes finite_boundary_expected.csv next to
this file: every root in (lo, hi] of

    L-(lam) = sum_B w_B log|1 - lam chi_B|,   L+(lam) = sum_B w_B log|1 + lam chi_B|,   E(1 - lam chi_B)^2 - 1,

for the cases in CASES. Needs only mpmath (tested with 1.3.0); never a runtime dependency of probstab.
Run:  python3 finite_boundary_reference.py   (about five minutes on one core).

Atoms.  S = 1: the N doubles chi_i with weight 1/N.  S = 2 with replacement: one atom per index pair i <= j, value
(chi_i + chi_j) * 0.5 evaluated in IEEE double (Python floats round exactly as Java does, so these are the very
doubles BatchEnumeration produces), weight 2/N^2 (i < j) or 1/N^2 (i = j) as exact rationals.  Each double is
taken exactly into mpmath; everything after that is done at mp.dps decimal digits.

Method (written independently of the Java bracketing: no concavity argument is needed to find the roots,
it is only checked at the end).  The poles P = 1/c (c = chi_B for L-, -chi_B for L+) in (lo, hi] cut the range
into pieces.  On each piece f is sampled
  * on a uniform grid of GRID points, and
  * on each side of each end pole at offsets d = D * 10^-k, k = 1, 2, ... (D the piece length) down to 10^-(dps-25)
    relative, i.e. far below any stripe half-width of these datasets (the script checks that the deepest stripe it
    finds is at least 10^5 times wider than the last offset sampled, so it cannot have stopped short of one),
and every sign change between consecutive samples is refined by false position (Illinois, with a bisection step
every third step) until the bracket is below 10^-32 of the distance to the nearest pole (or of |root|), and never
below 10^-(dps-5) |root|.  As a
check against roots closer together than the grid, the maximum of f on each piece is located (bisection on the
sign of f', computed analytically) and, if positive, it is added as a sample before looking for sign changes.
Finally the script asserts what concavity predicts (0 or 2 roots between two poles), so a violation would show.

Evaluation: f(lam) = sum over weight classes of w * log |prod (1 - lam c)|, products in mp (no overflow: mpmath
has an unbounded exponent), one logarithm per class.  Working precision: mp.dps = 60 for the (0, 3] cases and 130
for the deep case (0, 30], where stripes reach 10^-92.

Kinds: the stable intervals are those between a falling root and the next rising root; if such an interval
contains exactly one pole (a group of equal c) its two roots are a stripe, log_half_width = ln((d- + d+)/2), d-+
their exact distances to the pole.  Everything else is a crossing.  The L2 function is lam (m2 lam - 2 m1), with
m1 = E chi_B, m2 = E chi_B^2 from the exact atoms: its root 2 m1 / m2.

Output columns: case, s, exponent (minus|plus|l2), lo, hi, root, kind, pole, log_half_width, rising,
log_distance (ln|root - pole| for stripe roots).  Numbers with 30 significant digits.
"""
import csv
import os
import sys
import time
from fractions import Fraction

import mpmath as mp

HERE = os.path.dirname(os.path.abspath(__file__))
GRID = 48

# (dataset case, S, lo, hi, dps)
CASES = [
    ("n10-s1-mu0.1", 1, 0, 3, 60),
    ("n10-s1-mu0.5", 1, 0, 3, 60),
    ("n10-s1-mu0.9", 1, 0, 3, 60),
    ("n100-s1-mu0.1", 1, 0, 3, 60),
    ("n100-s1-mu0.5", 1, 0, 3, 60),
    ("n100-s1-mu0.9", 1, 0, 3, 60),
    ("n10-s2-mu0.5", 2, 0, 3, 60),
    ("n100-s1-mu0.5", 1, 0, 30, 130),
]


def read_datasets(path):
    data = {}
    with open(path) as fh:
        rows = csv.DictReader(line for line in fh if not line.startswith("#"))
        for r in rows:
            data.setdefault(r["case"], []).append(float(r["chi"]))
    return data


def atoms(chi, s):
    """[(value as float, weight as Fraction)]."""
    n = len(chi)
    if s == 1:
        return [(x, Fraction(1, n)) for x in chi]
    assert s == 2
    out = []
    for i in range(n):
        for j in range(i, n):
            out.append(((chi[i] + chi[j]) * 0.5, Fraction(2 if i < j else 1, n * n)))
    return out


class Function:
    """f(lam) = sum w log|1 - lam c| over atoms (c, w); groups of equal c; weight classes."""

    def __init__(self, atom_list, sign):
        self.classes = {}
        groups = {}
        for v, w in atom_list:
            c = sign * v
            if c == 0:
                continue
            self.classes.setdefault(w, []).append(mp.mpf(c))
            groups[c] = groups.get(c, Fraction(0)) + w
        self.weights = [(mp.mpf(w.numerator) / w.denominator, cs) for w, cs in self.classes.items()]
        self.groups = groups  # float c -> total weight (Fraction)

    def value(self, lam):
        total = mp.mpf(0)
        for w, cs in self.weights:
            p = mp.mpf(1)
            for c in cs:
                p *= (1 - lam * c)
            if p == 0:
                return mp.ninf
            total += w * mp.log(abs(p))
        return total

    def slope(self, lam):
        total = mp.mpf(0)
        for w, cs in self.weights:
            total += w * mp.fsum(-c / (1 - lam * c) for c in cs)
        return total

    def poles(self, lo, hi):
        out = []
        for c, w in self.groups.items():
            p = 1 / mp.mpf(c)
            if lo < p <= hi:
                out.append((p, c, w))
        out.sort()
        return out


def refine(f, a, b, fa, fb, tol):
    """A root of f in (a, b) with f(a), f(b) of opposite signs; bracket width to tol."""
    for _ in range(4000):
        if abs(b - a) <= tol:
            break
        # Illinois-style false position, guarded by bisection every third step.
        if fa == mp.ninf or fb == mp.ninf or _ % 3 == 2:
            m = (a + b) / 2
        else:
            m = b - fb * (b - a) / (fb - fa)
            if not (min(a, b) < m < max(a, b)):
                m = (a + b) / 2
        fm = f(m)
        if fm == 0:
            return m
        if (fm < 0) == (fa < 0):
            a, fa = m, fm
            fb = fb / 2 if fb != mp.ninf else fb
        else:
            b, fb = m, fm
            fa = fa / 2 if fa != mp.ninf else fa
    return (a + b) / 2


def piece_roots(f, a, b, a_is_pole, b_is_pole, min_offset_exponent):
    """Roots of f in the open piece (a, b] (b included when it is the range end), ascending."""
    length = b - a
    xs = set()
    for k in range(1, GRID):
        xs.add(a + length * k / GRID)
    if not b_is_pole:
        xs.add(b)
    k = 1
    while k <= min_offset_exponent:
        d = length * mp.mpf(10) ** (-k)
        if a_is_pole:
            xs.add(a + d)
        if b_is_pole:
            xs.add(b - d)
        k += 1
    # The maximum (bisection on the sign of f', which is decreasing on a piece).
    lo_m, hi_m = a, b
    if not a_is_pole:
        if f.slope(a) <= 0:
            hi_m = a
    if not b_is_pole:
        if f.slope(b) >= 0:
            lo_m = b
    if lo_m < hi_m:
        for _ in range(200):
            m = (lo_m + hi_m) / 2
            if f.slope(m) > 0:
                lo_m = m
            else:
                hi_m = m
            if hi_m - lo_m < length * mp.mpf(10) ** (-(mp.mp.dps // 2)):
                break
        xs.add((lo_m + hi_m) / 2)
    xs = sorted(xs)
    vals = [f.value(x) for x in xs]
    roots = []
    if a_is_pole:
        if vals[0] >= 0:
            raise AssertionError("positive next to the pole at %s: sampling did not reach the stripe" % a)
        prev_x, prev_v = xs[0], vals[0]
        xs, vals = xs[1:], vals[1:]
    else:
        prev_x, prev_v = a, f.value(a)
    for x, v in zip(xs, vals):
        if v == 0:
            roots.append((x, None))
        elif prev_v != 0 and (v < 0) != (prev_v < 0):
            near = abs(x)
            if a_is_pole:
                near = min(near, abs(prev_x - a))
            if b_is_pole:
                near = min(near, abs(b - x))
            scale = max(near * mp.mpf(10) ** -32, abs(x) * mp.mpf(10) ** (-(mp.mp.dps - 5)))
            roots.append((refine(f.value, prev_x, x, prev_v, v, scale), prev_v < 0))
        prev_x, prev_v = x, v
    if b_is_pole and prev_v > 0:
        raise AssertionError("positive next to the pole at %s: sampling did not reach the stripe" % b)
    return roots, vals


def solve_case(data, case, s, lo, hi, dps):
    mp.mp.dps = dps
    chi = data[case]
    at = atoms(chi, s)
    lo_m, hi_m = mp.mpf(lo), mp.mpf(hi)
    out = []
    deepest = {}
    for name, sign in (("minus", 1), ("plus", -1)):
        f = Function(at, sign)
        poles = f.poles(lo_m, hi_m)
        ends = [(lo_m, False)] + [(p, True) for p, _, _ in poles] + [(hi_m, False)]
        found = []
        min_offset_exponent = dps - 25
        for j in range(len(ends) - 1):
            (a, ap), (b, bp) = ends[j], ends[j + 1]
            if b <= a:
                continue
            roots, _ = piece_roots(f, a, b, ap, bp, min_offset_exponent)
            if ap and bp:
                assert len(roots) in (0, 2), (case, name, j, roots)
            for r, rising in roots:
                if rising is None:
                    rising = f.slope(r) > 0
                if lo_m < r <= hi_m:
                    found.append([r, bool(rising), j])
        # classify
        kinds = ["crossing"] * len(found)
        lhw = [None] * len(found)
        pole_of = [None] * len(found)
        logd = [None] * len(found)
        for i in range(len(found) - 1):
            r1, rise1, j1 = found[i]
            r2, rise2, j2 = found[i + 1]
            if (not rise1) and rise2 and j2 == j1 + 1 and j1 < len(poles):
                p = poles[j1][0]
                d1 = p - r1
                d2 = r2 - p
                h = mp.log((d1 + d2) / 2)
                for k, d in ((i, d1), (i + 1, d2)):
                    kinds[k] = "stripe"
                    lhw[k] = h
                    pole_of[k] = p
                    logd[k] = mp.log(d)
                deepest[name] = min(deepest.get(name, 0), h / mp.log(10))
        for k, (r, rising, _) in enumerate(found):
            out.append((case, s, name, lo, hi, r, kinds[k], pole_of[k], lhw[k], rising, logd[k]))
    # The deepest stripe must be far wider than the last offset the scan sampled.
    for name, d in deepest.items():
        assert d > -(dps - 25) + 5, (case, name, d)
    # L2
    m1 = sum(w * Fraction(v) for v, w in at)
    m2 = sum(w * Fraction(v) * Fraction(v) for v, w in at)
    if m1 != 0 and m2 != 0:
        r = mp.mpf(2 * m1.numerator * m2.denominator) / (m1.denominator * m2.numerator)
        if lo < r <= hi:
            out.append((case, s, "l2", lo, hi, r, "crossing", None, None, m1 > 0, None))
    return out, deepest


def fmt(x):
    if x is None:
        return ""
    if isinstance(x, bool):
        return "true" if x else "false"
    if isinstance(x, mp.mpf):
        return mp.nstr(x, 30, min_fixed=-mp.inf, max_fixed=mp.inf) if x != 0 else "0"
    return str(x)


def main():
    data = read_datasets(os.path.join(HERE, "finite_boundary_datasets.csv"))
    rows = []
    for case, s, lo, hi, dps in CASES:
        t = time.time()
        out, deepest = solve_case(data, case, s, lo, hi, dps)
        rows.extend(out)
        print("%s S=%d (%g, %g]: %d roots, deepest stripe log10 half-width %s, %.1f s"
              % (case, s, lo, hi, len(out), {k: float(v) for k, v in deepest.items()}, time.time() - t),
              file=sys.stderr)
    with open(os.path.join(HERE, "finite_boundary_expected.csv"), "w") as fh:
        fh.write("# Generated by finite_boundary_reference.py (mpmath %s); do not edit.\n" % mp.__version__)
        fh.write("case,s,exponent,lo,hi,root,kind,pole,log_half_width,rising,log_distance\n")
        for r in rows:
            fh.write(",".join(fmt(x) for x in r) + "\n")


if __name__ == "__main__":
    main()
