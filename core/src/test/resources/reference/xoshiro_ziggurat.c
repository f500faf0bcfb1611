/* Reference streams for org.probstab.random.Xoshiro256Plus and org.probstab.random.ZigguratNormal.

   Transcribed from the published algorithms, not from the Java code under test:
   - xoshiro256+ 1.0: D. Blackman and S. Vigna, "Scrambled linear pseudorandom number generators",
     ACM Trans. Math. Softw. 47 (2021), reference code prng.di.unimi.it/xoshiro256plus.c (public domain);
     a 64-bit seed is expanded to the 256-bit state by SplitMix64 (prng.di.unimi.it/splitmix64.c), as the
     authors recommend.
   - the ziggurat: G. Marsaglia and W. W. Tsang, "The ziggurat method for generating random variables",
     J. Stat. Softw. 5(8) (2000): their table recursion (zigset) and their RNOR/nfix logic, here with 256 layers
     (r = 3.6541528853610088, layer area v = 4.928673233974655e-3: the same equations solved for 256 layers), and
     with these documented changes (the same in org.probstab.random.ZigguratNormal):
       1. two normals per xoshiro256+ word: its upper half, then its lower half, each a 32-bit candidate whose top
          8 bits are the layer iz and whose low 24 bits, sign-extended, are the position p (the original takes
          both from one 32-bit hz, the layer from its low 7 bits, which correlates them: Doornik 2005); the fast
          test is |p| < k[iz] and the value p * w[iz]; a new candidate inside nfix is the upper half of a new
          word; a normal left in a word's lower half is kept for the next call;
       2. the wedge test's exp is exp_non_positive below, the same operations as in the Java class (plain double
          arithmetic: the same bits in both), instead of the C library's;
       3. uniforms are 53-bit doubles from the upper bits of a word: (w >> 11) * 2^-53 in [0, 1) for the wedge
          test and ((w >> 11) + 1) * 2^-53 in (0, 1] for the logarithms of the tail (no log 0);
       4. the tables are doubles (the original stores floats), and the tail starts at the table's own r
          (x = -log(U) / r).
   - bounded indices: D. Lemire, "Fast random integer generation in an interval", ACM TOMACS 29 (2019),
     on the upper 32 bits of a word.

   Build and run (from this directory; no -march, so that no multiply-add is fused):
     gcc -O2 -std=c99 -o /tmp/xoshiro_ziggurat xoshiro_ziggurat.c -lm && /tmp/xoshiro_ziggurat > xoshiro_ziggurat.csv
   Output: CSV kind,seed,index,value; value in hex (%016llx for words, %a for doubles, %u for ints). Long streams
   are summarised by an FNV-1a hash of their 64-bit patterns (kind *_hash, index = stream length):
   h = 0xcbf29ce484222325, then for every value h = (h ^ bits) * 0x100000001b3 mod 2^64. */
#include <inttypes.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>

static uint64_t s[4];

static inline uint64_t rotl(const uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }

static uint64_t next(void) {
    const uint64_t result = s[0] + s[3];
    const uint64_t t = s[1] << 17;
    s[2] ^= s[0];
    s[3] ^= s[1];
    s[1] ^= s[2];
    s[0] ^= s[3];
    s[2] ^= t;
    s[3] = rotl(s[3], 45);
    return result;
}

static uint64_t splitmix_state;

static uint64_t splitmix_next(void) {
    uint64_t z = (splitmix_state += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
}

static void seed(uint64_t x) {
    splitmix_state = x;
    for (int i = 0; i < 4; i++) s[i] = splitmix_next();
}

static double uniform_closed_open(void) { return (double) (next() >> 11) * 0x1.0p-53; }

static double uniform_open_closed(void) { return (double) ((next() >> 11) + 1) * 0x1.0p-53; }

#define LAYERS 256
static uint32_t kn[LAYERS];
static double wn[LAYERS], fn[LAYERS];
static const double R_TAIL = 3.6541528853610088;

static void zigset(void) {
    const double m1 = 8388608.0; /* 2^23: positions are 24-bit signed */
    double dn = R_TAIL, tn = dn, vn = 4.928673233974655e-3, q;
    q = vn / exp(-.5 * dn * dn);
    kn[0] = (uint32_t) ((dn / q) * m1);
    kn[1] = 0;
    wn[0] = q / m1;
    wn[LAYERS - 1] = dn / m1;
    fn[0] = 1.;
    fn[LAYERS - 1] = exp(-.5 * dn * dn);
    for (int i = LAYERS - 2; i >= 1; i--) {
        dn = sqrt(-2. * log(vn / dn + exp(-.5 * dn * dn)));
        kn[i + 1] = (uint32_t) ((dn / tn) * m1);
        tn = dn;
        fn[i] = exp(-.5 * dn * dn);
        wn[i] = dn / m1;
    }
}

/* e^z for z in [-700, 0]: the operations of ZigguratNormal.expNonPositive, one for one. */
static double exp_non_positive(double z) {
    const double inverse_ln2 = 1.44269504088896338700e+00;
    const double ln2_hi = 6.93147180369123816490e-01;
    const double ln2_lo = 1.90821492927058770002e-10;
    double k = rint(z * inverse_ln2);
    double r = (z - k * ln2_hi) - k * ln2_lo;
    double p = 1.0 / 479001600;
    p = 1.0 / 39916800 + r * p;
    p = 1.0 / 3628800 + r * p;
    p = 1.0 / 362880 + r * p;
    p = 1.0 / 40320 + r * p;
    p = 1.0 / 5040 + r * p;
    p = 1.0 / 720 + r * p;
    p = 1.0 / 120 + r * p;
    p = 1.0 / 24 + r * p;
    p = 1.0 / 6 + r * p;
    p = 0.5 + r * p;
    p = 1.0 + r * p;
    p = 1.0 + r * p;
    union { uint64_t u; double d; } scale;
    scale.u = (uint64_t) ((int) k + 1023) << 52;
    return p * scale.d;
}

static inline int32_t position(uint32_t c) { return ((int32_t) (c << 8)) >> 8; }

static inline uint32_t layer(uint32_t c) { return c >> 24; }

static inline int fast(int32_t p, uint32_t iz) {
    int32_t a = p < 0 ? -p : p;
    return (uint32_t) a < kn[iz];
}

static double nfix(int32_t p, uint32_t iz) {
    for (;;) {
        double x = p * wn[iz];
        if (iz == 0) {
            double y;
            do {
                x = -log(uniform_open_closed()) / R_TAIL;
                y = -log(uniform_open_closed());
            } while (y + y < x * x);
            return p > 0 ? R_TAIL + x : -R_TAIL - x;
        }
        if (fn[iz] + uniform_closed_open() * (fn[iz - 1] - fn[iz]) < exp_non_positive(-.5 * x * x)) return x;
        uint32_t c = (uint32_t) (next() >> 32);
        p = position(c);
        iz = layer(c);
        if (fast(p, iz)) return p * wn[iz];
    }
}

static long slow_count, tail_count;
static int has_pending;
static uint32_t pending;

static double from_candidate(uint32_t c) {
    int32_t p = position(c);
    uint32_t iz = layer(c);
    if (fast(p, iz)) return p * wn[iz];
    slow_count++;
    if (iz == 0) tail_count++;
    return nfix(p, iz);
}

static double gaussian(void) {
    if (has_pending) {
        has_pending = 0;
        return from_candidate(pending);
    }
    uint64_t u = next();
    pending = (uint32_t) u;
    has_pending = 1;
    return from_candidate((uint32_t) (u >> 32));
}

static uint32_t bounded(uint32_t bound) {
    uint64_t m = (next() >> 32) * (uint64_t) bound;
    uint32_t l = (uint32_t) m;
    if (l < bound) {
        uint32_t t = (uint32_t) (-bound) % bound;
        while (l < t) {
            m = (next() >> 32) * (uint64_t) bound;
            l = (uint32_t) m;
        }
    }
    return (uint32_t) (m >> 32);
}

static uint64_t fnv(uint64_t h, uint64_t bits) { return (h ^ bits) * 0x100000001b3ULL; }

static uint64_t bits_of(double x) {
    union { double d; uint64_t u; } v;
    v.d = x;
    return v.u;
}

int main(void) {
    static const uint64_t seeds[] = {0ULL, 1ULL, 0x0123456789abcdefULL, 0xfedcba9876543210ULL};
    const uint64_t fnv0 = 0xcbf29ce484222325ULL;
    zigset();
    printf("kind,seed,index,value\n");
    for (int i = 0; i < LAYERS; i++) printf("kn,0,%d,%u\n", i, kn[i]);
    for (int i = 0; i < LAYERS; i++) printf("wn,0,%d,%a\n", i, wn[i]);
    for (int i = 0; i < LAYERS; i++) printf("fn,0,%d,%a\n", i, fn[i]);
    for (int k = 0; k < 4; k++) {
        seed(seeds[k]);
        for (int i = 0; i < 4; i++) printf("state,%016" PRIx64 ",%d,%016" PRIx64 "\n", seeds[k], i, s[i]);
        uint64_t h = fnv0;
        for (int i = 0; i < 1000000; i++) {
            uint64_t w = next();
            if (i < 20) printf("word,%016" PRIx64 ",%d,%016" PRIx64 "\n", seeds[k], i, w);
            h = fnv(h, w);
        }
        printf("word_hash,%016" PRIx64 ",1000000,%016" PRIx64 "\n", seeds[k], h);
    }
    for (int i = 0; i <= 700; i++) printf("exp,0,%d,%a\n", i, exp_non_positive(-i / 100.0));
    /* A fixed non-SplitMix state. */
    s[0] = 1; s[1] = 2; s[2] = 3; s[3] = 4;
    for (int i = 0; i < 20; i++) printf("word1234,0,%d,%016" PRIx64 "\n", i, next());
    seed(seeds[2]);
    for (int i = 0; i < 50; i++) printf("uniform,%016" PRIx64 ",%d,%a\n", seeds[2], i, uniform_closed_open());
    static const uint32_t bounds[] = {1, 2, 3, 7, 100, 1000003, 2147483647u};
    for (int b = 0; b < 7; b++) {
        seed(seeds[2] + b);
        uint64_t h = fnv0;
        for (int i = 0; i < 100000; i++) {
            uint32_t v = bounded(bounds[b]);
            if (i < 20) printf("bounded%u,%016" PRIx64 ",%d,%u\n", bounds[b], seeds[2] + b, i, v);
            h = fnv(h, v);
        }
        printf("bounded%u_hash,%016" PRIx64 ",100000,%016" PRIx64 "\n", bounds[b], seeds[2] + b, h);
    }
    /* Enough normals that the wedges (slow path) and the tail are exercised many times: the first 500, every one
       that left the fast path up to index 40000 and every tail draw (|x| > r) are printed; the hash covers the
       others (the tail values depend on the C library's log in their last bit, see ZigguratNormalTest), and the
       final state shows that both sides consumed the same words. */
    seed(seeds[3]);
    has_pending = 0;
    uint64_t h = fnv0;
    for (int i = 0; i < 1000000; i++) {
        long before = slow_count;
        double g = gaussian();
        int tail = g > R_TAIL || g < -R_TAIL;
        if (i < 500 || (slow_count != before && i < 40000) || tail)
            printf("gaussian,%016" PRIx64 ",%d,%a\n", seeds[3], i, g);
        if (!tail) h = fnv(h, bits_of(g));
    }
    printf("gaussian_hash,%016" PRIx64 ",1000000,%016" PRIx64 "\n", seeds[3], h);
    for (int i = 0; i < 4; i++) printf("gaussian_state,%016" PRIx64 ",%d,%016" PRIx64 "\n", seeds[3], i, s[i]);
    fprintf(stderr, "slow path %ld times, tail %ld times in 10^6 normals\n", slow_count, tail_count);
    return 0;
}
