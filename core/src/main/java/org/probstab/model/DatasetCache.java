package org.probstab.model;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.function.ToLongFunction;

/**
 * A small, bounded, thread-safe cache of immutable datasets (and of values derived from them), so that the many
 * cells of a sweep that share one finite dataset (same data seed and N, or the same file) draw or read it once per
 * JVM. Values must be immutable; the key must determine the value completely, so caching never changes a result.
 * When a new value would take the cache past its number of entries or its total size, the cache is emptied first
 * (simpler than least-recently-used, and reads take no lock: a sweep looks a value up for every cell).
 */
final class DatasetCache<K, V> {

    private final Map<K, V> map = new ConcurrentHashMap<>();
    private final int maxEntries;
    private final long maxSize;
    private final ToLongFunction<V> size;
    private final AtomicLong total = new AtomicLong();

    /** At most {@code maxEntries} values. */
    DatasetCache(int maxEntries) {
        this(maxEntries, Long.MAX_VALUE, v -> 0);
    }

    /** At most {@code maxEntries} values whose sizes ({@code size}, e.g. in doubles) add up to at most {@code maxSize}. */
    DatasetCache(int maxEntries, long maxSize, ToLongFunction<V> size) {
        this.maxEntries = maxEntries;
        this.maxSize = maxSize;
        this.size = size;
    }

    V get(K key, Supplier<V> make) {
        return get(key, k -> make.get());
    }

    /** The value of {@code key}, made by {@code make} if absent (a non-capturing function allocates nothing). */
    V get(K key, Function<K, V> make) {
        V v = map.get(key);
        if (v != null) {
            return v;
        }
        V made = make.apply(key);
        long s = size.applyAsLong(made);
        if (s > maxSize) {
            return made;
        }
        synchronized (this) {
            V raced = map.get(key);
            if (raced != null) {
                return raced;
            }
            if (map.size() >= maxEntries || total.get() + s > maxSize) {
                map.clear();
                total.set(0);
            }
            map.put(key, made);
            total.addAndGet(s);
            return made;
        }
    }
}
