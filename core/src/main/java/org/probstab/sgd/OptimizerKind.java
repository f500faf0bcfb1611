package org.probstab.sgd;

import java.util.List;
import java.util.Locale;
import org.probstab.config.InvalidInputException;
import org.probstab.config.Labelled;

/**
 * The optimizers of the simulations, as 002 §5.4 (eq. 13–16) writes them, with the gradient ĝ_t = ∇ℓ(x_t, w_{t−1}),
 * m_0 = v_0 = v̂_0 = 0 and no bias correction and no ε (the paper removes both):
 * <pre>
 *   m_t = β₁ m_{t−1} + (1 − β₁) ĝ_t                                   (eq. 13, momentum β₁; β₁ = 0: m_t = ĝ_t)
 *   SGD:      w_t = w_{t−1} − λ m_t
 *   Adam:     v_t = β₂ v_{t−1} + (1 − β₂) ĝ_t²;   w_t = w_{t−1} − λ m_t/√v_t                    (eq. 14, 16)
 *   AMSGrad:  v_t as Adam;  v̂_t = max(v̂_{t−1}, v_t);   w_t = w_{t−1} − λ m_t/√v̂_t          (eq. 14–16)
 * </pre>
 * Eq. 13 as printed reads β₁ v_{t−1}; the momentum recursion of AMSGrad (Reddi et al. 2018) and of App. D.4 is
 * β₁ m_{t−1}, which is what is implemented. Adam is eq. 13, 14, 16 without the maximum (eq. 15) — again without
 * Kingma &amp; Ba's bias correction, as in the paper's AMSGrad. SGD with momentum uses the same exponential average
 * (heavy ball with step λ(1 − β₁)). A step whose denominator is 0 (v = 0: the gradient has been exactly 0 so far,
 * e.g. w_0 = 0) is 0, so that 0/0 never makes a NaN. A coordinate whose parameter and momentum both fall below
 * {@link Optimizer#FLUSH} (≈ 1e−271) is set to exactly 0 (a preconditioner below {@link Optimizer#FLUSH_PRECONDITIONER}
 * likewise), instead of decaying through the slow subnormal numbers.
 */
public enum OptimizerKind implements Labelled {
    SGD, ADAM, AMSGRAD;

    /** The word users write: {@code sgd}, {@code adam}, {@code amsgrad}. */
    @Override
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The words users may write. */
    public static List<String> labels() {
        return Labelled.labels(OptimizerKind.class);
    }

    /**
     * The kind named by {@code word}.
     *
     * @throws InvalidInputException naming {@code key} if the word is not an optimizer
     */
    public static OptimizerKind parse(String key, String word) {
        return Labelled.parse(OptimizerKind.class, key, word);
    }
}
