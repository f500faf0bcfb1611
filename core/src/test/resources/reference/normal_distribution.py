#!/usr/bin/env python3
"""Reference numbers for org.probstab.special.StandardNormal (the standard normal Φ and Φ⁻¹).

1. Chebyshev coefficients (printed as Java hex literals with --java) of the scaled upper tail
       G(t) = Φ(−t) · exp(t²/2) = M(t)/√(2π)        (M = Mills ratio; smooth, entire)
   on t ∈ [0, 1], [1, 2], [2, 4] (variable y = (2t − a − b)/(b − a)), and of H(u) = G(1/u)/u on
   u = 1/t ∈ [1/39, 1/4] (t ∈ [4, 39]). Chebyshev interpolation at N+1 first-kind nodes, 50-digit mpmath,
   truncated where the last two coefficients fall below 1e-18 of the first.
2. With --csv: the test table normal_reference.csv: kind,x,value with kind = cdf (value = Φ(x)) or
   quantile (x = p, value = Φ⁻¹(p)), from mpmath.ncdf and a 50-digit Newton inversion of it.

Run:  python3 normal_distribution.py --java   and   python3 normal_distribution.py --csv > normal_reference.csv
"""
import sys
import mpmath as mp

mp.mp.dps = 50


def G(t):
    t = mp.mpf(t)
    return mp.ncdf(-t) * mp.exp(t * t / 2)


def H(u):
    return G(1 / u) / u


def cheb_coeffs(f, a, b):
    for n in range(4, 80):
        N = n + 1
        xs = [mp.cos(mp.pi * (k + mp.mpf(1) / 2) / N) for k in range(N)]
        fs = [f((b - a) / 2 * x + (a + b) / 2) for x in xs]
        c = [2 * sum(fs[k] * mp.cos(mp.pi * j * (k + mp.mpf(1) / 2) / N) for k in range(N)) / N
             for j in range(N)]
        c[0] /= 2
        if abs(c[-1]) < 1e-18 * abs(c[0]) and abs(c[-2]) < 1e-18 * abs(c[0]):
            return c
    raise RuntimeError('no convergence')


def java():
    pieces = [('T0_1', G, 0, 1), ('T1_2', G, 1, 2), ('T2_4', G, 2, 4),
              ('U4_39', H, mp.mpf(1) / 39, mp.mpf(1) / 4)]
    for name, f, a, b in pieces:
        c = cheb_coeffs(f, mp.mpf(a), mp.mpf(b))
        print('    private static final double[] %s = {' % name)
        for x in c:
            print('        %s,' % float(x).hex())
        print('    };')


def quantile(p):
    """Φ⁻¹(p) to ~45 digits: Newton on log Φ(x) = log p (lower half) or log Φ(−x) = log(1 − p)."""
    p = mp.mpf(p)
    upper = p > mp.mpf(1) / 2
    q = 1 - p if upper else p        # exact: p is a double, 1 − p is computed in 50 digits
    x = -mp.sqrt(-2 * mp.log(q)) if q < mp.mpf('0.3') else mp.mpf(0)
    for _ in range(200):
        dx = (mp.log(mp.ncdf(x)) - mp.log(q)) * mp.ncdf(x) / mp.npdf(x)
        x -= dx
        if abs(dx) < mp.mpf(10) ** -45 * max(1, abs(x)):
            break
    return -x if upper else x


def csv():
    print('kind,x,value')
    xs = [-37.5, -30, -25.5, -20, -12.25, -9.5, -8, -7.3, -6, -5.5, -4.01, -4, -3.99, -3, -2.5,
          -2.01, -2, -1.99, -1.5, -1.01, -1, -0.99, -0.75, -0.5, -0.3, -0.1, -1e-3, -1e-8, 0.0, 1e-8,
          0.1, 0.5, 1, 1.5, 2, 2.5, 3, 4, 5, 6, 7, 8, 8.3]
    for x in xs:
        xd = float(x)
        print('cdf,%s,%s' % (repr(xd), mp.nstr(mp.ncdf(mp.mpf(xd)), 25)))
    ps = [1e-310, 1e-300, 1e-200, 1e-100, 1e-50, 1e-20, 1e-10, 1e-5, 1e-3, 0.01, 0.02425, 0.05, 0.1, 0.2,
          0.3, 0.4, 0.45, 0.49, 0.499, 0.5, 0.501, 0.51, 0.6, 0.75, 0.9, 0.95, 0.97575, 0.99, 0.999,
          0.99999, 1 - 1e-10, 1 - 1e-15, 1 - 2.0 ** -53]
    for p in ps:
        pd = float(p)
        print('quantile,%s,%s' % (repr(pd), mp.nstr(quantile(mp.mpf(pd)), 25)))


if __name__ == '__main__':
    if '--java' in sys.argv:
        java()
    else:
        csv()
