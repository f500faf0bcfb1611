package org.probstab.model;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * A small, bounded, thread-safe least-recently-used cache of immutable datasets, so that the many cells of a sweep
 * that share one finite dataset (same data seed and N, or the same file) draw or read it once per JVM. Values
 * must be immutable; the key must determine the value completely, so caching never changes a result.
 */
final class DatasetCache<K, V> {

    private final Map<K, V> map;

    DatasetCache(int capacity) {
        this.map = new LinkedHashMap<>(16, 0.75f, true) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
                return size() > capacity;
            }
        };
    }

    V get(K key, Supplier<V> make) {
        synchronized (map) {
            V v = map.get(key);
            if (v != null) {
                return v;
            }
        }
        V made = make.get();
        synchronized (map) {
            V raced = map.putIfAbsent(key, made);
            return raced != null ? raced : made;
        }
    }
}
