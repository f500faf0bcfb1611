package org.probstab.sgd;

import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;
import org.probstab.law.FiniteDataset;
import org.probstab.random.StreamSeeds;

/**
 * The data and the loss landscape of the one-neuron swish network of 000 §5.2 (Fig. 4): f(x) = u·swish(w x) with
 * swish(z) = z·σ(z) = z/(1 + e^{−z}), N = 100 points y_i = 0.1·swish(x_i) + 0.9·ε_i with x_i, ε_i ~ N(0, 1), and the
 * per-sample loss ℓ_i = (u·swish(w x_i) − y_i)² (the squared error, as 000 App. A.1 writes it; the training loss is
 * L = (1/N) Σ_i ℓ_i, SGD samples one point per step):
 * <pre>
 *   ∂ℓ/∂u = 2 r swish(w x),   ∂ℓ/∂w = 2 r u x swish′(w x),   swish′(z) = σ(z)(1 + z(1 − σ(z))),   r = f − y.
 * </pre>
 * The pairs (x_i, ε_i) are the stream {@code StreamSeeds.stream(dataSeed, 100, DATASET)} consumed as
 * x₁, ε₁, x₂, ε₂, … (the layout of {@code GaussianRegression.samplePairs}).
 *
 * <p><b>Solutions.</b> C = (w, u) = (0, 0) is a Type-II saddle: there swish(w x) ≈ w x/2, so ℓ ≈ y² − u w x y and
 * SGD acts on w ± u by the factors 1 ± λχ_i with χ_i = x_i y_i — the matrix-factorisation saddle of 000 §5.3 on this
 * dataset, with exact exponents Λ± = (1/N) Σ ln|1 ± λχ_i| (C attracts in probability when both are negative). The
 * local minima are found by Newton's method on L from a grid of starts ({@link #minima}); A is the minimum with
 * w &lt; 0 and B the one with w &gt; 0 of lowest L (000: A ≈ (−0.7, −0.2) with the correct small-x correlation,
 * B ≈ (1.1, −0.3)). The generalisation loss of (w, u) is E_{x,ε}[(u swish(w x) − y)²] =
 * E_x[(u swish(w x) − 0.1 swish(x))²] + 0.81, by composite Simpson quadrature over x ∈ [−12, 12] (4000 intervals;
 * the Gaussian tail beyond 12 is below 1e−32).
 */
public final class SwishDataset {

    public static final int N = 100;
    static final double SIGNAL = 0.1;
    static final double NOISE = 0.9;

    private final long dataSeed;
    private final double[] x;
    private final double[] y;

    /** The dataset of data seed {@code dataSeed}. */
    public SwishDataset(long dataSeed) {
        this.dataSeed = dataSeed;
        RandomGenerator g = StreamSeeds.stream(dataSeed, N, StreamSeeds.Purpose.DATASET);
        x = new double[N];
        y = new double[N];
        for (int i = 0; i < N; i++) {
            x[i] = g.nextGaussian();
            double e = g.nextGaussian();
            y[i] = SIGNAL * swish(x[i]) + NOISE * e;
        }
    }

    public long dataSeed() {
        return dataSeed;
    }

    /** x_i (0-based). */
    public double x(int i) {
        return x[i];
    }

    /** y_i. */
    public double y(int i) {
        return y[i];
    }

    double[] xs() {
        return x;
    }

    double[] ys() {
        return y;
    }

    /** swish(z) = z/(1 + e^{−z}). */
    public static double swish(double z) {
        return z / (1 + Math.exp(-z));
    }

    /** swish′(z) = σ(z)(1 + z(1 − σ(z))). */
    public static double swishDerivative(double z) {
        double s = 1 / (1 + Math.exp(-z));
        return s * (1 + z * (1 - s));
    }

    /** swish″(z) = σ(z)(1 − σ(z))(2 + z(1 − 2σ(z))). */
    static double swishSecondDerivative(double z) {
        double s = 1 / (1 + Math.exp(-z));
        return s * (1 - s) * (2 + z * (1 - 2 * s));
    }

    /** ℓ_i(w, u). */
    public double sampleLoss(int i, double w, double u) {
        double r = u * swish(w * x[i]) - y[i];
        return r * r;
    }

    /** L(w, u) = (1/N) Σ ℓ_i. */
    public double trainingLoss(double w, double u) {
        double s = 0;
        for (int i = 0; i < N; i++) {
            s += sampleLoss(i, w, u);
        }
        return s / N;
    }

    /** {∂ℓ_i/∂w, ∂ℓ_i/∂u}. */
    public void sampleGradient(int i, double w, double u, double[] out) {
        double z = w * x[i];
        double a = swish(z);
        double r = u * a - y[i];
        out[0] = 2 * r * u * x[i] * swishDerivative(z);
        out[1] = 2 * r * a;
    }

    /** ∇L and the Hessian of L at (w, u): {L_w, L_u, L_ww, L_wu, L_uu}. */
    double[] derivatives(double w, double u) {
        double gw = 0;
        double gu = 0;
        double hww = 0;
        double hwu = 0;
        double huu = 0;
        for (int i = 0; i < N; i++) {
            double xi = x[i];
            double z = w * xi;
            double a = swish(z);
            double d1 = swishDerivative(z);
            double d2 = swishSecondDerivative(z);
            double r = u * a - y[i];
            double fw = u * xi * d1;
            gw += 2 * r * fw;
            gu += 2 * r * a;
            hww += 2 * (fw * fw + r * u * xi * xi * d2);
            hwu += 2 * (a * fw + r * xi * d1);
            huu += 2 * a * a;
        }
        return new double[] {gw / N, gu / N, hww / N, hwu / N, huu / N};
    }

    /** The largest eigenvalue of the Hessian of L at (w, u). */
    public double largestCurvature(double w, double u) {
        double[] d = derivatives(w, u);
        double mean = (d[2] + d[4]) / 2;
        double half = Math.hypot((d[2] - d[4]) / 2, d[3]);
        return mean + half;
    }

    /**
     * The local minima of L with |w|, |u| ≤ 5: Newton's method (damped by step halving, 200 iterations, gradient
     * below 1e−12) from the 17 × 17 grid of starts on [−4, 4]², keeping the limits whose Hessian is positive definite
     * and de-duplicating those within 1e−6; sorted by w.
     */
    public List<double[]> minima() {
        List<double[]> found = new ArrayList<>();
        for (int i = 0; i <= 16; i++) {
            for (int j = 0; j <= 16; j++) {
                double[] p = newton(-4 + 0.5 * i, -4 + 0.5 * j);
                if (p == null || Math.abs(p[0]) > 5 || Math.abs(p[1]) > 5) {
                    continue;
                }
                double[] d = derivatives(p[0], p[1]);
                boolean minimum = d[2] > 0 && d[2] * d[4] - d[3] * d[3] > 0;
                boolean known = false;
                for (double[] q : found) {
                    known |= Math.hypot(q[0] - p[0], q[1] - p[1]) < 1e-6;
                }
                if (minimum && !known) {
                    found.add(p);
                }
            }
        }
        found.sort((a, b) -> Double.compare(a[0], b[0]));
        return found;
    }

    /** Newton on ∇L = 0 from (w, u), or null when it does not converge. */
    private double[] newton(double w, double u) {
        for (int it = 0; it < 200; it++) {
            double[] d = derivatives(w, u);
            if (Math.hypot(d[0], d[1]) < 1e-12) {
                return new double[] {w, u};
            }
            double det = d[2] * d[4] - d[3] * d[3];
            double dw;
            double du;
            if (det > 0 && d[2] > 0) {
                dw = -(d[4] * d[0] - d[3] * d[1]) / det;
                du = -(-d[3] * d[0] + d[2] * d[1]) / det;
            } else {
                dw = -d[0];
                du = -d[1];
            }
            double l0 = trainingLoss(w, u);
            double step = 1;
            while (step > 1e-8 && !(trainingLoss(w + step * dw, u + step * du) < l0)) {
                step /= 2;
            }
            if (step <= 1e-8) {
                return Math.hypot(d[0], d[1]) < 1e-9 ? new double[] {w, u} : null;
            }
            w += step * dw;
            u += step * du;
        }
        return null;
    }

    /** χ_i = x_i y_i, the curvatures of the saddle C. */
    public FiniteDataset saddleCurvatures() {
        double[] chi = new double[N];
        for (int i = 0; i < N; i++) {
            chi[i] = x[i] * y[i];
        }
        return new FiniteDataset(chi);
    }

    /** E_{x,ε}[(u swish(w x) − y)²] for fresh data (Simpson quadrature, see the class comment). */
    public static double generalisationLoss(double w, double u) {
        int intervals = 4000;
        double lo = -12;
        double h = 24.0 / intervals;
        double sum = 0;
        for (int k = 0; k <= intervals; k++) {
            double xk = lo + k * h;
            double diff = u * swish(w * xk) - SIGNAL * swish(xk);
            double f = diff * diff * Math.exp(-0.5 * xk * xk);
            sum += (k == 0 || k == intervals) ? f : (k % 2 == 1 ? 4 * f : 2 * f);
        }
        return sum * h / 3 / Math.sqrt(2 * Math.PI) + NOISE * NOISE;
    }
}
