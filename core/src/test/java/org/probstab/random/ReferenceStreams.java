package org.probstab.random;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The rows of {@code reference/xoshiro_ziggurat.csv} (kind,seed,index,value), written by the C program
 * {@code reference/xoshiro_ziggurat.c} next to it (see its header for how to rebuild it).
 */
final class ReferenceStreams {

    /** One row. */
    record Row(String kind, long seed, long index, String value) {

        long word() {
            return Long.parseUnsignedLong(value, 16);
        }

        double number() {
            return Double.parseDouble(value);
        }

        long unsigned() {
            return Long.parseLong(value);
        }
    }

    static final long FNV_OFFSET = 0xcbf29ce484222325L;
    static final long FNV_PRIME = 0x100000001b3L;

    private static final Map<String, List<Row>> ROWS = load();

    private ReferenceStreams() {
    }

    /** The rows of one kind, in file order. */
    static List<Row> rows(String kind) {
        List<Row> rows = ROWS.get(kind);
        if (rows == null) {
            throw new IllegalArgumentException("no rows of kind " + kind);
        }
        return rows;
    }

    /** FNV-1a step over 64-bit values, as in the C program. */
    static long fnv(long hash, long bits) {
        return (hash ^ bits) * FNV_PRIME;
    }

    private static Map<String, List<Row>> load() {
        Map<String, List<Row>> rows = new LinkedHashMap<>();
        try (InputStream in = ReferenceStreams.class.getResourceAsStream("/reference/xoshiro_ziggurat.csv");
             BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.US_ASCII))) {
            String line = reader.readLine();
            while ((line = reader.readLine()) != null) {
                String[] f = line.split(",");
                rows.computeIfAbsent(f[0], k -> new ArrayList<>())
                        .add(new Row(f[0], Long.parseUnsignedLong(f[1], 16), Long.parseLong(f[2]), f[3]));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return rows;
    }
}
