package org.probstab.spark.cluster;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;

/**
 * The application jar the cluster tests submit. Surefire runs before {@code package}, so the shaded
 * {@code *-app.jar} does not exist yet in {@code mvn verify}; this builds the same content from the same inputs:
 * {@code target/classes} plus the artifacts the shade plugin bundles (core, picocli, config), whose paths the
 * build wrote to {@code target/app-classpath.txt}. {@code -Dprobstab.appJar=PATH} submits a prebuilt jar instead
 * (e.g. the real shaded one).
 */
final class AppJar {

    static final String PREBUILT_PROPERTY = "probstab.appJar";

    private AppJar() {
    }

    /** The prebuilt jar if {@value #PREBUILT_PROPERTY} names one, else a jar built at {@code target}. */
    static Path prebuiltOrBuild(Path target) throws IOException {
        String prebuilt = System.getProperty(PREBUILT_PROPERTY, "");
        if (!prebuilt.isBlank()) {
            Path jar = Path.of(prebuilt);
            if (!Files.isRegularFile(jar)) {
                throw new IllegalStateException(PREBUILT_PROPERTY + "=" + prebuilt + " is not a file");
            }
            return jar;
        }
        return build(target, List.of());
    }

    /**
     * Builds the jar at {@code target} from the application's inputs and {@code extra} class directories (test
     * fixtures), first entry of a name wins, signatures and manifests of the inputs dropped, as the shade plugin
     * does; the manifest names the command line as main class.
     */
    static Path build(Path target, List<Path> extra) throws IOException {
        List<Path> inputs = new ArrayList<>();
        inputs.add(Path.of(System.getProperty("probstab.appClasses", "target/classes")));
        Path dependencies = Path.of(System.getProperty("probstab.appDependencies", "target/app-classpath.txt"));
        if (!Files.isRegularFile(dependencies)) {
            throw new IllegalStateException("no application classpath at " + dependencies.toAbsolutePath()
                    + " (written by the build: mvn -pl spark-jobs -am generate-test-resources)");
        }
        for (String entry : Files.readString(dependencies).strip().split(java.io.File.pathSeparator)) {
            if (!entry.isBlank()) {
                inputs.add(Path.of(entry));
            }
        }
        inputs.addAll(extra);
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, "org.probstab.cli.ProbstabCli");
        Files.createDirectories(target.toAbsolutePath().getParent());
        Path partial = target.resolveSibling(target.getFileName() + ".partial");
        Set<String> written = new HashSet<>();
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(partial), manifest)) {
            written.add("META-INF/");
            written.add("META-INF/MANIFEST.MF");
            for (Path input : inputs) {
                if (Files.isDirectory(input)) {
                    addDirectory(out, input, written);
                } else if (Files.isRegularFile(input)) {
                    addJar(out, input, written);
                } else {
                    throw new IllegalStateException("application input " + input + " does not exist");
                }
            }
        }
        Files.move(partial, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        return target;
    }

    private static void addDirectory(JarOutputStream out, Path dir, Set<String> written) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : files.sorted().toList()) {
                String name = dir.relativize(file).toString().replace('\\', '/');
                if (name.isEmpty()) {
                    continue;
                }
                if (Files.isDirectory(file)) {
                    name += "/";
                }
                if (keep(name) && written.add(name)) {
                    out.putNextEntry(new JarEntry(name));
                    if (!name.endsWith("/")) {
                        Files.copy(file, out);
                    }
                    out.closeEntry();
                }
            }
        }
    }

    private static void addJar(JarOutputStream out, Path jar, Set<String> written) throws IOException {
        try (JarFile in = new JarFile(jar.toFile())) {
            Enumeration<JarEntry> entries = in.entries();
            while (entries.hasMoreElements()) {
                JarEntry entry = entries.nextElement();
                String name = entry.getName();
                if (keep(name) && written.add(name)) {
                    out.putNextEntry(new JarEntry(name));
                    try (InputStream data = in.getInputStream(entry)) {
                        data.transferTo(out);
                    }
                    out.closeEntry();
                }
            }
        }
    }

    private static boolean keep(String name) {
        String upper = name.toUpperCase(java.util.Locale.ROOT);
        return !(upper.equals("META-INF/MANIFEST.MF") || upper.matches("META-INF/[^/]*\\.(SF|DSA|RSA)"));
    }
}
