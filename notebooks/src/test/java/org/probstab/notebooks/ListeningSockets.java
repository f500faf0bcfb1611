package org.probstab.notebooks;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The TCP sockets a process listens on, read from Linux's {@code /proc} (its {@code fd/} links name socket inodes;
 * {@code /proc/net/tcp} and {@code tcp6} give each inode's local address and state), to check that the processes a
 * test started bind 127.0.0.1 only.
 */
final class ListeningSockets {

    /** TCP state LISTEN in /proc/net/tcp. */
    private static final String LISTEN = "0A";
    /** 127.0.0.1, ::1 and ::ffff:127.0.0.1 as /proc/net/tcp* print them (32-bit words in host byte order). */
    private static final Set<String> LOOPBACK = Set.of("0100007F", "00000000000000000000000001000000",
            "0000000000000000FFFF00000100007F");

    private ListeningSockets() {
    }

    /** Whether this machine has the files to check (Linux). */
    static boolean available() {
        return Files.isReadable(Path.of("/proc/net/tcp"));
    }

    /** "pid P listens on HEXADDR:HEXPORT" for every listening socket of {@code pid} not bound to loopback. */
    static List<String> notOnLoopback(long pid) throws IOException {
        Set<String> inodes = new HashSet<>();
        Path fds = Path.of("/proc", Long.toString(pid), "fd");
        if (!Files.isDirectory(fds)) {
            return List.of();
        }
        try (DirectoryStream<Path> s = Files.newDirectoryStream(fds)) {
            for (Path fd : s) {
                try {
                    String target = Files.readSymbolicLink(fd).toString();
                    if (target.startsWith("socket:[")) {
                        inodes.add(target.substring(8, target.length() - 1));
                    }
                } catch (IOException e) {
                    // the descriptor closed meanwhile
                }
            }
        }
        List<String> bad = new ArrayList<>();
        for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
            Path p = Path.of(table);
            if (!Files.isReadable(p)) {
                continue;
            }
            List<String> lines = Files.readAllLines(p);
            for (String line : lines.subList(1, lines.size())) {
                String[] f = line.trim().split("\\s+");
                if (f.length > 9 && f[3].equals(LISTEN) && inodes.contains(f[9])) {
                    String address = f[1].substring(0, f[1].indexOf(':'));
                    if (!LOOPBACK.contains(address)) {
                        bad.add("pid " + pid + " listens on " + f[1] + " (" + table + ")");
                    }
                }
            }
        }
        return bad;
    }
}
