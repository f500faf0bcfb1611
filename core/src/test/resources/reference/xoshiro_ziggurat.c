/* Reference streams for org.probstab.random.Xoshiro256Plus and org.probstab.random.ZigguratNormal.

   Transcribed from the published algorithms, not from the Java code under test:
   - xoshiro256+ 1.0: D. Blackman and S. Vigna, "Scrambled linear pseudorandom number generators",
     ACM Trans. Math. Softw. 47 (2021), reference code prng.di.unimi.it/xoshiro256plus.c (public domain);
     a 64-bit seed is expanded to the 256-bit state by SplitMix64 (prng.di.unimi.it/splitmix64.c), as the
     authors recommend.
   - the ziggurat: G. Marsaglia and W. W. Tsang, "The ziggurat method for generating random variables",
     J. Stat. Softw. 5(8) (2000): their 128-layer tables (zigset) and their RNOR/nfix logic, with three
     documented changes (the same in org.probstab.random.ZigguratNormal):
       1. the 32-bit signed value hz is the upper half of a xoshiro256+ word, and the layer index iz is taken
          from bits 24..30 of the same word, disjoint from hz (Doornik 2005: the original reuses the low 7 bits
          of hz, which correlates index and position);
       2. uniforms are 53-bit doubles from the upper bits of a word: (w >> 11) * 2^-53 in [0, 1) for the wedge
          test and ((w >> 11) + 1) * 2^-53 in (0, 1] for the logarithms of the tail (no log 0);
       3. the tables are doubles (the original stores floats), |hz| is compared exactly (no abs(INT_MIN)
          overflow), and the tail starts at the table's own r = 3.442619855899 (x = -log(U) / r), instead of
          the rounded 3.442620 and 0.2904764.
   - bounded indices: D. Lemire, "Fast random integer generation in an interval", ACM TOMACS 29 (2019),
     on the upper 32 bits of a word.

   Build and run (from this directory):
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

static uint32_t kn[128];
static double wn[128], fn[128];
static const double R_TAIL = 3.442619855899;

static void zigset(void) {
    const double m1 = 2147483648.0;
    double dn = 3.442619855899, tn = dn, vn = 9.91256303526217e-3, q;
    q = vn / exp(-.5 * dn * dn);
    kn[0] = (uint32_t) ((dn / q) * m1);
    kn[1] = 0;
    wn[0] = q / m1;
    wn[127] = dn / m1;
    fn[0] = 1.;
    fn[127] = exp(-.5 * dn * dn);
    for (int i = 126; i >= 1; i--) {
        dn = sqrt(-2. * log(vn / dn + exp(-.5 * dn * dn)));
        kn[i + 1] = (uint32_t) ((dn / tn) * m1);
        tn = dn;
        fn[i] = exp(-.5 * dn * dn);
        wn[i] = dn / m1;
    }
}

static inline int fast(int32_t hz, uint32_t iz) {
    int64_t a = hz < 0 ? -(int64_t) hz : (int64_t) hz;
    return a < (int64_t) kn[iz];
}

static double nfix(int32_t hz, uint32_t iz) {
    for (;;) {
        double x = hz * wn[iz];
        if (iz == 0) {
            double y;
            do {
                x = -log(uniform_open_closed()) / R_TAIL;
                y = -log(uniform_open_closed());
            } while (y + y < x * x);
            return hz > 0 ? R_TAIL + x : -R_TAIL - x;
        }
        if (fn[iz] + uniform_closed_open() * (fn[iz - 1] - fn[iz]) < exp(-.5 * x * x)) return x;
        uint64_t u = next();
        hz = (int32_t) (u >> 32);
        iz = (uint32_t) (u >> 24) & 127;
        if (fast(hz, iz)) return hz * wn[iz];
    }
}

static long slow_count, tail_count;

static double gaussian(void) {
    uint64_t u = next();
    int32_t hz = (int32_t) (u >> 32);
    uint32_t iz = (uint32_t) (u >> 24) & 127;
    if (fast(hz, iz)) return hz * wn[iz];
    slow_count++;
    if (iz == 0) tail_count++;
    return nfix(hz, iz);
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
    for (int i = 0; i < 128; i++) printf("kn,0,%d,%u\n", i, kn[i]);
    for (int i = 0; i < 128; i++) printf("wn,0,%d,%a\n", i, wn[i]);
    for (int i = 0; i < 128; i++) printf("fn,0,%d,%a\n", i, fn[i]);
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
       that left the fast path up to index 20000 and every tail draw (|x| > r) are printed; the hash covers the
       others (the tail values depend on the C library's log in their last bit, see ZigguratNormalTest), and the
       final state shows that both sides consumed the same words. */
    seed(seeds[3]);
    uint64_t h = fnv0;
    for (int i = 0; i < 1000000; i++) {
        long before = slow_count;
        double g = gaussian();
        int tail = g > R_TAIL || g < -R_TAIL;
        if (i < 500 || (slow_count != before && i < 20000) || tail)
            printf("gaussian,%016" PRIx64 ",%d,%a\n", seeds[3], i, g);
        if (!tail) h = fnv(h, bits_of(g));
    }
    printf("gaussian_hash,%016" PRIx64 ",1000000,%016" PRIx64 "\n", seeds[3], h);
    for (int i = 0; i < 4; i++) printf("gaussian_state,%016" PRIx64 ",%d,%016" PRIx64 "\n", seeds[3], i, s[i]);
    fprintf(stderr, "slow path %ld times, tail %ld times in 10^6 normals\n", slow_count, tail_count);
    return 0;
}
