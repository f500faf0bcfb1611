package org.probstab.net;

import org.probstab.config.InvalidInputException;
import org.probstab.config.Labelled;

/**
 * Which backend trains the cells and on which device.
 * <ul>
 *   <li>{@code cpu}: pure Java on {@code threads} worker threads; device {@code auto} or {@code cpu}.</li>
 *   <li>{@code djl}: PyTorch through DJL. Device {@code auto}: the first GPU if PyTorch sees one, else the CPU;
 *       {@code gpu}: the first GPU, and an error if there is none; {@code cpu}: the CPU. PyTorch runs with one
 *       intra-op thread ({@code threads} must be 1): a Spark task owns one core.</li>
 * </ul>
 *
 * @param kind    the backend
 * @param device  the device request
 * @param threads worker threads (cpu backend)
 * @param gpu     the GPU ordinal a GPU device means (djl backend; a Spark task passes the GPU address it was given)
 */
public record BackendChoice(Kind kind, DeviceRequest device, int threads, int gpu) {

    /** The backends. */
    public enum Kind implements Labelled {
        CPU("cpu"), DJL("djl");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        @Override
        public String label() {
            return label;
        }

        public static Kind parse(String key, String raw) {
            return Labelled.parse(Kind.class, key, raw);
        }
    }

    /** The device requests. */
    public enum DeviceRequest implements Labelled {
        AUTO("auto"), CPU("cpu"), GPU("gpu");

        private final String label;

        DeviceRequest(String label) {
            this.label = label;
        }

        @Override
        public String label() {
            return label;
        }

        public static DeviceRequest parse(String key, String raw) {
            return Labelled.parse(DeviceRequest.class, key, raw);
        }
    }

    public BackendChoice {
        if (kind == null) {
            throw InvalidInputException.missing("backend", "cpu|djl");
        }
        if (device == null) {
            throw InvalidInputException.missing("device", "auto|cpu|gpu");
        }
        if (kind == Kind.CPU && device == DeviceRequest.GPU) {
            throw InvalidInputException.outOfRange("device", "'gpu'", "auto|cpu for backend cpu (a GPU needs "
                    + "backend djl)");
        }
        if (threads < 1 || threads > 4096) {
            throw InvalidInputException.outOfRange("threads", threads, "integers in [1, 4096]");
        }
        if (gpu < 0) {
            throw InvalidInputException.outOfRange("gpu", gpu, "GPU ordinals >= 0");
        }
        if (kind == Kind.DJL && threads != 1) {
            throw InvalidInputException.outOfRange("threads", threads, "1 for backend djl (one PyTorch intra-op "
                    + "thread per task)");
        }
    }

    /** The cpu backend on {@code threads} threads. */
    public static BackendChoice cpu(int threads) {
        return new BackendChoice(Kind.CPU, DeviceRequest.CPU, threads, 0);
    }

    /** The djl backend with a device request. */
    public static BackendChoice djl(DeviceRequest device) {
        return new BackendChoice(Kind.DJL, device, 1, 0);
    }

    /** The djl backend with a device request and the GPU ordinal a GPU device means. */
    public static BackendChoice djl(DeviceRequest device, int gpu) {
        return new BackendChoice(Kind.DJL, device, 1, gpu);
    }

    /** Parses backend and device labels ({@code threads} as given). */
    public static BackendChoice parse(String backend, String device, int threads) {
        return new BackendChoice(Kind.parse("backend", backend), DeviceRequest.parse("device", device), threads, 0);
    }
}
