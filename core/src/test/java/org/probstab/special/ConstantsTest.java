package org.probstab.special;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** {@link Constants} against their decimal expansions (ln 2 to 45 digits, OEIS A002162). */
class ConstantsTest {

    @Test
    void ln2IsTheCorrectlyRoundedDouble() {
        BigDecimal ln2 = new BigDecimal("0.693147180559945309417232121458176568075500134");
        // correctly rounded: within half an ulp of the true value, and the same double StrictMath.log gives
        assertThat(ReferenceTable.error(Constants.LN2, ln2)).isLessThanOrEqualTo(0.5 * Math.ulp(Constants.LN2));
        assertThat(Constants.LN2).isEqualTo(StrictMath.log(2)).isEqualTo(ln2.doubleValue());
    }
}
