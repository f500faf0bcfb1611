package org.probstab.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.probstab.law.FiniteDataset;

/**
 * Every root of Λ₋, Λ₊ and the L2 function of the mf-gaussian finite-N datasets (N = 10 and 100 at μ = 0.1, 0.5,
 * 0.9, S = 1; N = 10, S = 2 with replacement at μ = 0.5; all over (0, 3]; and N = 100, μ = 0.5 over (0, 30], where
 * stripes reach 10⁻⁹²) against {@code finite_boundary_expected.csv}, written by
 * {@code src/test/resources/reference/finite_boundary_reference.py} (mpmath at 60 and 130 digits, an independent
 * search: dense sampling, a geometric scan towards every pole, the maximum of every piece) from the datasets
 * {@code finite_boundary_datasets.csv} that {@link MfGaussianDatasetDump} wrote with the model's own draws.
 *
 * <p>Asserted: the same number of roots per (case, exponent), so none is missed and none is extra; the same kind
 * and direction for each; roots to 1e-12 relative; stripe poles to 1 ulp (both are the double nearest 1/c);
 * ln half-widths to 1e-11 absolute, i.e. the half-width to 1e-11 relative however far below double resolution it
 * lies. Tolerances: the bracket of every root is ≤ 2⁻⁴⁴ ≈ 5.7e-14 relative, and f is computed to a few 1e-16, which
 * moves a simple root by ~1e-16/|f'| (|f'| ≳ 0.05 at every root here): ≲ 1e-14, so 1e-12 has a factor ≥ 10 of
 * margin (the largest deviation seen is 7e-15). A stripe's ln δ is −R/W − ln|c| with R a sum of ≤ 100 logarithms
 * computed to ~1e-15 absolute and W ≥ 1/100: ≲ 1e-13 (seen: 7e-14), so 1e-11 has a factor 100.
 */
class FiniteBoundaryReferenceTest {

    private static final double ROOT_TOLERANCE = 1e-12;
    private static final double LOG_HALF_WIDTH_TOLERANCE = 1e-11;

    private record Expected(double root, String kind, double pole, double logHalfWidth, boolean rising) {
    }

    @Test
    void everyRootMatchesTheHighPrecisionReference() throws IOException {
        Map<String, double[]> datasets = readDatasets();
        Map<String, List<Expected>> expected = new LinkedHashMap<>();
        Map<String, String[]> caseOf = new LinkedHashMap<>();
        try (BufferedReader r = open("reference/finite_boundary_expected.csv")) {
            String line;
            boolean header = true;
            while ((line = r.readLine()) != null) {
                if (line.startsWith("#")) {
                    continue;
                }
                if (header) {
                    header = false;
                    continue;
                }
                String[] p = line.split(",", -1);
                String key = p[0] + "|" + p[1] + "|" + p[2] + "|" + p[3] + "|" + p[4];
                caseOf.put(key, p);
                expected.computeIfAbsent(key, k -> new ArrayList<>()).add(new Expected(Double.parseDouble(p[5]),
                        p[6], p[7].isEmpty() ? Double.NaN : Double.parseDouble(p[7]),
                        p[8].isEmpty() ? Double.NaN : Double.parseDouble(p[8]), Boolean.parseBoolean(p[9])));
            }
        }
        // Cases with no root at all for an exponent have no rows: check them too.
        String[][] allCases = {
            {"n10-s1-mu0.1", "1", "0", "3"}, {"n10-s1-mu0.5", "1", "0", "3"}, {"n10-s1-mu0.9", "1", "0", "3"},
            {"n100-s1-mu0.1", "1", "0", "3"}, {"n100-s1-mu0.5", "1", "0", "3"}, {"n100-s1-mu0.9", "1", "0", "3"},
            {"n10-s2-mu0.5", "2", "0", "3"}, {"n100-s1-mu0.5", "1", "0", "30"}};
        int compared = 0;
        int stripes = 0;
        int unresolved = 0;
        for (String[] c : allCases) {
            double[] chi = datasets.get(c[0]);
            int s = Integer.parseInt(c[1]);
            double lo = Double.parseDouble(c[2]);
            double hi = Double.parseDouble(c[3]);
            BatchAtoms atoms = s == 1 ? BatchAtoms.ofSamples(chi)
                    : BatchAtoms.ofDataset(new FiniteDataset(chi), s, true, 1_000_000);
            for (BoundaryExponent e : BoundaryExponent.values()) {
                String key = c[0] + "|" + c[1] + "|" + e.label() + "|" + c[2] + "|" + c[3];
                List<Expected> want = expected.getOrDefault(key, List.of());
                List<BoundaryRoot> got = FiniteBoundary.roots(atoms, e, lo, hi);
                String where = c[0] + " S=" + s + " (" + lo + ", " + hi + "] " + e.label();
                assertThat(got).as(where + ": number of roots").hasSize(want.size());
                for (int i = 0; i < want.size(); i++) {
                    Expected x = want.get(i);
                    BoundaryRoot y = got.get(i);
                    String at = where + " root " + i + " (" + x.root() + ")";
                    assertThat(y.kind().label()).as(at + " kind").isEqualTo(x.kind());
                    assertThat(y.rising()).as(at + " rising").isEqualTo(x.rising());
                    assertThat(Math.abs(y.root() - x.root())).as(at + " root")
                            .isLessThanOrEqualTo(ROOT_TOLERANCE * Math.abs(x.root()));
                    assertThat(y.bracketLo()).as(at + " bracket").isLessThanOrEqualTo(y.root());
                    assertThat(y.bracketHi()).as(at + " bracket").isGreaterThanOrEqualTo(y.root());
                    if (y.kind() == RootKind.STRIPE) {
                        stripes++;
                        if (!y.resolved()) {
                            unresolved++;
                        }
                        assertThat(Math.abs(y.pole() - x.pole())).as(at + " pole")
                                .isLessThanOrEqualTo(Math.ulp(x.pole()));
                        assertThat(Math.abs(y.logHalfWidth() - x.logHalfWidth())).as(at + " log half-width")
                                .isLessThanOrEqualTo(LOG_HALF_WIDTH_TOLERANCE);
                    }
                    compared++;
                }
            }
        }
        // The reference covers crossings, resolved stripes and stripes below double resolution.
        assertThat(compared).isGreaterThan(150);
        assertThat(unresolved).isGreaterThan(20);
        assertThat(stripes - unresolved).isGreaterThan(20);
    }

    /** The datasets file is what the model draws today (same generator, same seed, same doubles). */
    @Test
    void theDatasetsAreTheModelsDraws() throws IOException {
        Map<String, double[]> datasets = readDatasets();
        for (int[] c : MfGaussianDatasetDump.CASES) {
            for (double mu : MfGaussianDatasetDump.MUS) {
                if (c[1] > 1 && mu != 0.5) {
                    continue;
                }
                double[] chi = datasets.get("n" + c[0] + "-s" + c[1] + "-mu" + mu);
                assertThat(chi).containsExactly(MfGaussianDatasetDump.dataset(MfGaussianDatasetDump.DATA_SEED, c[0], mu,
                        MfGaussianDatasetDump.SIGMA).values());
            }
        }
    }

    static Map<String, double[]> readDatasets() throws IOException {
        Map<String, List<Double>> values = new LinkedHashMap<>();
        try (BufferedReader r = open("reference/finite_boundary_datasets.csv")) {
            String line;
            boolean header = true;
            while ((line = r.readLine()) != null) {
                if (line.startsWith("#")) {
                    continue;
                }
                if (header) {
                    header = false;
                    continue;
                }
                String[] p = line.split(",");
                values.computeIfAbsent(p[0], k -> new ArrayList<>()).add(Double.parseDouble(p[7]));
            }
        }
        Map<String, double[]> out = new LinkedHashMap<>();
        values.forEach((k, v) -> out.put(k, v.stream().mapToDouble(Double::doubleValue).toArray()));
        return out;
    }

    private static BufferedReader open(String resource) {
        InputStream in = FiniteBoundaryReferenceTest.class.getClassLoader().getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalStateException("missing test resource " + resource);
        }
        return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
    }
}
