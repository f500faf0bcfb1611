#!/usr/bin/env python3
"""High-precision reference values for NormalLogExpectationTest and GaussianChiSquareQuadratureTest.

Writes quadrature_reference.csv next to this file. Needs only mpmath (tested with 1.3.0); never a runtime
dependency of probstab. Run:  python3 quadrature_reference.py   (a few minutes on one core).

Mathematics (DESIGN.md §2, "N = ∞, Gaussian regression, any S"):

  Inner.  For Z ~ N(0,1) and real c, X = c + Z has X² ~ noncentral χ²₁(c²), a Poisson mixture: given
  K ~ Poisson(c²/2), X² ~ χ²_{1+2K}. With E log χ²_ν = log 2 + ψ(ν/2) and Var log χ²_ν = ψ'(ν/2):
      F1(c) = E log|c+Z|  = ½ E_K[log 2 + ψ(K+½)]
      F2(c) = E log²|c+Z| = ¼ E_K[(log 2 + ψ(K+½))² + ψ'(K+½)]
  Equivalent closed forms checked below:
      F1(c) = −(γ+ln 2)/2 + (c²/2)·₂F₂(1,1; 3/2,2; −c²/2) = −(γ+ln 2)/2 + 2∫_0^{|c|/√2} D(u) du  (D = Dawson)
  and, for |c| → ∞ (error of order e^{−c²/2}), with t = |c|:
      F1 = log t − Σ_{m≥1} (2m−1)!!/(2m) t^{−2m}
      F2 = log² t + 2 log t·(F1 − log t) + Σ_{m≥1} (2m−1)!!·H_{2m−1}/m · t^{−2m}

  Inner table rows ("inner"): F1 from the ₂F₂ closed form (|c| ≤ 20) and Var log|c+Z| = F2 − F1² with F2 from
  direct numerical integration of log²|c+z| against the normal density (|c| ≤ 20); the asymptotic series
  above for |c| > 20. These are independent of the Poisson-mixture method that the Java code uses.

  Outer ("cell" rows).  r = √R, R ~ χ²_S, so r has the chi density p(r) = r^{S−1} e^{−r²/2} / (2^{S/2−1} Γ(S/2)).
  Given r: χ_B ~ Normal(μr²/S, (σ(1−μ)r/S)²), so with a = 1 − λμr²/S, b = |λ|σ(1−μ)r/S:
      m(r)  = E[log|1 − λχ_B| | r] = log b + F1(a/b)        (μ < 1);  log|a|  (μ = 1)
      m2(r) = E[log²|1 − λχ_B| | r] = log² b + 2 log b F1 + F2 (μ < 1);  log²|a| (μ = 1)
      Λ(λ) = ∫ p m dr,   s² = ∫ p m2 dr − Λ².
  Integration: mpmath tanh-sinh on [0, √S + 14] (the tail beyond has mass < 1e-40) split at unit steps, at
  r* = √(S/(λμ)) (where a = 0: a log singularity when μ = 1, smoothed over the width w = σ(1−μ)/(2μ) otherwise,
  with breakpoints r* ± w·3^k) and near 0 at r₀·3^k with r₀ = S/(|λ|σ(1−μ)) (where b ~ |a|).
  Working precision 40 digits, inner sums in 320-bit fixed point; the script reports mpmath's own error estimate
  and re-integrates a sample of cells with different breakpoints (ratio 2 instead of 3, half-unit steps) and
  prints the largest difference. Values are written with 25 significant digits.
"""
import math
import os
import sys
import time

import mpmath as mp

mp.mp.dps = 40
FIX = 320                      # fixed-point bits for the inner sums (e^{-c²/2} ≥ 1e-37 must keep ~60 digits)
ONE = 1 << FIX
LN2_FIX = int(mp.log(2) * ONE)
PSI_HALF_FIX = int((-mp.euler - 2 * mp.log(2)) * ONE)   # ψ(1/2)
TRIGAMMA_HALF_FIX = int(mp.pi ** 2 / 2 * ONE)           # ψ'(1/2)
ASYMPTOTIC_FROM = 13           # e^{−13²/2} ≈ 2e−37


def to_fix(v):
    return int(mp.floor(mp.mpf(v) * ONE))


def from_fix(i):
    return mp.mpf(i) / ONE


def inner_poisson(c):
    """(F1, F2) by the Poisson mixture, in fixed point; e^{-c²/2} needs |c| ≲ 15 at 320 bits. Used for |c| < 13."""
    x = mp.mpf(c) ** 2 / 2
    xf = to_fix(x)
    pk = to_fix(mp.exp(-x))
    kmax = int(x + 16 * mp.sqrt(x) + 60)
    psi = PSI_HALF_FIX
    tri = TRIGAMMA_HALF_FIX
    s1 = 0
    s2 = 0
    for k in range(kmax):
        level = LN2_FIX + psi
        s1 += (pk * level) >> FIX
        s2 += (pk * (((level * level) >> FIX) + tri)) >> FIX
        psi += (2 * ONE) // (2 * k + 1)
        tri -= (4 * ONE) // ((2 * k + 1) ** 2)
        pk = (pk * xf) // ((k + 1) * ONE)
    return from_fix(s1) / 2, from_fix(s2) / 4


def inner_asymptotic(c):
    """(F1, F2) by the asymptotic series in 1/c² (error O(e^{−c²/2}))."""
    t = abs(mp.mpf(c))
    lt = mp.log(t)
    inv2 = 1 / t ** 2
    g1 = mp.mpf(0)
    g2 = mp.mpf(0)
    dfact = mp.mpf(1)          # (2m−1)!!
    harm = mp.mpf(0)           # H_{2m−1}
    power = mp.mpf(1)
    m = 1
    while True:
        dfact *= 2 * m - 1
        harm += mp.mpf(1) / (2 * m - 1) + (mp.mpf(1) / (2 * m - 2) if m > 1 else 0)
        power *= inv2
        term1 = dfact / (2 * m) * power
        term2 = dfact * harm / m * power
        g1 -= term1
        g2 += term2
        if term2 < mp.mpf(10) ** -45 or m > t * t / 2:
            break
        m += 1
    return lt + g1, lt * lt + 2 * lt * g1 + g2


def inner(c):
    if abs(c) >= ASYMPTOTIC_FROM:
        return inner_asymptotic(c)
    return inner_poisson(c)


def f1_closed(c):
    c = mp.mpf(c)
    return -(mp.euler + mp.log(2)) / 2 + c * c / 2 * mp.hyp2f2(1, 1, 1.5, 2, -c * c / 2)


def f1_dawson(c):
    dawson = lambda u: mp.sqrt(mp.pi) / 2 * mp.exp(-u * u) * mp.erfi(u)
    return -(mp.euler + mp.log(2)) / 2 + 2 * mp.quad(dawson, [0, abs(mp.mpf(c)) / mp.sqrt(2)])


def moment_direct(c, power):
    c = mp.mpf(c)
    f = lambda z: mp.log(abs(c + z)) ** power * mp.npdf(z)
    return mp.quad(f, [-mp.inf, -c - 8, -c - 1, -c, -c + 1, -c + 8, mp.inf])


def self_check():
    worst = mp.mpf(0)
    for c in ['0', '0.3', '1', '2.5', '-4', '7', '12.9', '13', '15']:
        p1, p2 = inner_poisson(c)
        a1, a2 = inner_asymptotic(c) if abs(mp.mpf(c)) >= 12.9 else (p1, p2)
        d1 = moment_direct(c, 1)
        d2 = moment_direct(c, 2)
        errs = [p1 - d1, p2 - d2, a1 - d1, a2 - d2]
        if abs(mp.mpf(c)) <= 13:
            errs += [f1_closed(c) - d1, f1_dawson(c) - d1]
        worst = max([worst] + [abs(e) for e in errs])
    print(f"# self-check: Poisson mixture, asymptotic, 2F2 and Dawson forms vs direct integration: "
          f"max |diff| = {mp.nstr(worst, 3)}", file=sys.stderr)
    assert worst < mp.mpf(10) ** -30


def inner_row(c):
    c = mp.mpf(c)
    if abs(c) <= 20:
        f1 = f1_closed(c)
        f2 = moment_direct(c, 2)
    else:
        f1, f2 = inner_asymptotic(c)
    return f1, f2 - f1 * f1


def log_chi_norm(s):
    return (mp.mpf(s) / 2 - 1) * mp.log(2) + mp.loggamma(mp.mpf(s) / 2)


def cell(s, mu, sigma, lam, ratio=3, step=1):
    s_ = mp.mpf(s)
    mu = mp.mpf(mu)
    sigma = mp.mpf(sigma)
    lam = mp.mpf(lam)
    lognorm = log_chi_norm(s)
    r_hi = mp.sqrt(s_) + 14
    cache = {}

    def moments(r):
        if r in cache:
            return cache[r]
        if r == 0:
            out = (mp.mpf(0), mp.mpf(0), mp.mpf(0))
        else:
            dens = mp.exp((s_ - 1) * mp.log(r) - r * r / 2 - lognorm)
            a = 1 - lam * mu * r * r / s_
            if a == 0:
                # a tanh-sinh node rounded onto r* itself (weight ~1e-40): a null set, any finite value will do
                m, m2 = mp.mpf(0), mp.mpf(0)
            elif mu == 1:
                la = mp.log(abs(a))
                m, m2 = la, la * la
            else:
                b = abs(lam) * sigma * (1 - mu) * r / s_
                f1, f2 = inner(a / b)
                lb = mp.log(b)
                m, m2 = lb + f1, lb * lb + 2 * lb * f1 + f2
            out = (dens, m, m2)
        cache[r] = out
        return out

    pts = set()
    lo = max(mp.mpf(0), mp.floor(mp.sqrt(s_) - 10))
    k = lo
    while k < r_hi:
        pts.add(mp.mpf(k))
        k += step
    pts.add(mp.mpf(0))
    pts.add(r_hi)
    if lam * mu > 0:
        rstar = mp.sqrt(s_ / (lam * mu))
        if rstar < r_hi:
            pts.add(rstar)
            if mu < 1:
                w = sigma * (1 - mu) / (2 * mu)
                d = w
                while d < 3:
                    pts.add(rstar - d)
                    pts.add(rstar + d)
                    d *= ratio
            else:
                d = mp.mpf(1) / ratio
                while d > mp.mpf(10) ** -6:   # tanh-sinh needs the singular point only as an endpoint
                    pts.add(rstar - d)
                    pts.add(rstar + d)
                    d /= ratio
    if mu < 1:
        r0 = s_ / (abs(lam) * sigma * (1 - mu))
        d = r0 / ratio ** 2
        while d < 3:
            pts.add(d)
            d *= ratio
    pts = sorted(p for p in pts if 0 <= p <= r_hi)
    e1 = mp.quad(lambda r: moments(r)[0] * moments(r)[1], pts, error=True)
    e2 = mp.quad(lambda r: moments(r)[0] * moments(r)[2], pts, error=True)
    lyap = e1[0]
    return lyap, e2[0] - lyap * lyap, max(e1[1], e2[1])


S_VALUES = [1, 2, 3, 8, 32, 200]
MU_VALUES = ['0', '0.06', '0.5', '0.8', '1']
LAMBDAS = ['0.01', '0.3', '1', '2.5', '10']
EDGE_CELLS = [  # (S, mu, sigma, lambda)
    (1, '0.99', '2', '5'), (5, '0.999', '2', '3'), (2, '0', '2', '10000'), (1, '0', '2', '1e6'),
    (1, '1', '2', '1e6'), (1000, '1', '2', '1.7'), (1000, '0.8', '2', '-0.7'), (4, '0.5', '2', '1e-5'),
    (3, '1', '2', '-1e3'), (200, '0.9', '2', '1.1'),
]
INNER_C = ([f"{i * 0.125:g}" for i in range(0, 105)]
           + ['1e-300', '1e-12', '1e-6', '0.001', '-0.7', '-3.3', '-9', '12.99', '13.01', '14', '16', '18',
              '20', '25', '40', '100', '1e3', '1e6', '1e12', '-1e100'])


def fmt(v):
    return mp.nstr(v, 25, min_fixed=-5, max_fixed=5)


def main():
    out = os.path.join(os.path.dirname(os.path.abspath(__file__)), 'quadrature_reference.csv')
    t0 = time.time()
    self_check()
    rows = []
    for c in INNER_C:
        f1, var = inner_row(c)
        rows.append(f"inner,,,,,{c},{fmt(f1)},{fmt(var)}")
    print(f"# inner rows done in {time.time() - t0:.0f} s", file=sys.stderr)
    cells = []
    for sigma in ['2', '0.5']:
        for s in S_VALUES:
            for mu in MU_VALUES:
                if sigma == '0.5' and mu in ('0.06', '1'):
                    continue   # μ = 1 does not depend on σ
                for lam in LAMBDAS:
                    for sign in ('', '-'):
                        cells.append((s, mu, sigma, sign + lam))
    cells += EDGE_CELLS
    worst_est = mp.mpf(0)
    for (s, mu, sigma, lam) in cells:
        lyap, var, est = cell(s, mu, sigma, lam)
        worst_est = max(worst_est, est)
        rows.append(f"cell,{s},{mu},{sigma},{lam},,{fmt(lyap)},{fmt(var)}")
    print(f"# {len(cells)} cells done in {time.time() - t0:.0f} s; largest mpmath error estimate "
          f"{mp.nstr(worst_est, 3)}", file=sys.stderr)
    worst = mp.mpf(0)
    for (s, mu, sigma, lam) in cells[::17] + EDGE_CELLS:
        a = cell(s, mu, sigma, lam)
        b = cell(s, mu, sigma, lam, ratio=2, step=mp.mpf(0.5))
        worst = max(worst, abs(a[0] - b[0]), abs(a[1] - b[1]))
    print(f"# re-integration with other breakpoints: max |diff| = {mp.nstr(worst, 3)}", file=sys.stderr)
    with open(out, 'w') as f:
        f.write("# Generated by quadrature_reference.py (mpmath " + mp.__version__ + ", 40 digits); do not edit.\n")
        f.write("# inner: value = E log|c+Z|, log_variance = Var log|c+Z|, Z ~ N(0,1)\n")
        f.write("# cell: value = E log|1 - lambda chi_B|, log_variance = Var log|1 - lambda chi_B|, "
                "N = inf Gaussian regression (DESIGN.md section 2)\n")
        f.write("kind,S,mu,sigma,lambda,c,value,log_variance\n")
        f.write("\n".join(rows) + "\n")
    print(f"# wrote {out} in {time.time() - t0:.0f} s", file=sys.stderr)


if __name__ == '__main__':
    if len(sys.argv) > 1 and sys.argv[1] == 'time':
        for args in [(1, '0', '2', '10'), (200, '0.8', '2', '1'), (8, '1', '2', '2.5'), (1, '0.8', '2', '10')]:
            t = time.time()
            r = cell(*args)
            print(args, mp.nstr(r[0], 20), mp.nstr(r[1], 12), mp.nstr(r[2], 3), f"{time.time() - t:.1f}s")
    else:
        main()
