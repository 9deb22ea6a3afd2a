package threadmill.futures;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The packages of the runtime layer as DESIGN.md's "Layout" says, checked on the compiled
 * classes (what {@code jdeps -verbose:package} reports): every reference a class file makes to a
 * class of another package, in its constant pool (classes, field and method descriptors, generic
 * signatures), must point to a package of the same layer or a lower one. So no cycle runs
 * through two layers; only the packages of one layer may refer to each other.
 */
class PackageLayeringTest {

    /**
     * Bottom to top. The model and its front door share a layer: a task is a Future and a
     * Context, Futures.sleep returns a time.Sleep, joinAll knows task.JoinHandle.
     */
    private static final List<Set<String>> LAYERS = List.of(
            Set.of("threadmill.futures.runtime"),
            Set.of("threadmill.futures", "threadmill.futures.task", "threadmill.futures.time"),
            Set.of("threadmill.futures.net"),
            Set.of("threadmill.futures.executor"),
            Set.of("threadmill.futures.taskruntime"));

    private static final Pattern REFERENCE = Pattern.compile("(threadmill/futures(?:/[a-z][a-z0-9_]*)*)/[A-Z]");

    @Test
    void everyPackageDependsOnlyOnItsOwnLayerOrLowerOnes() throws IOException {
        Map<String, Set<String>> dependencies = packageDependencies(mainClasses());
        List<String> violations = new ArrayList<>();
        dependencies.forEach((from, targets) -> {
            int layer = layerOf(from);
            for (String to : targets) {
                if (layerOf(to) > layer) {
                    violations.add(from + " (layer " + layer + ") -> " + to + " (layer " + layerOf(to) + ")");
                }
            }
        });
        assertEquals(List.of(), violations, "dependencies that go up the layers " + LAYERS);
    }

    @Test
    void theCheckSeesTheReferencesJdepsSees() throws IOException {
        Map<String, Set<String>> dependencies = packageDependencies(mainClasses());
        assertTrue(dependencies.get("threadmill.futures.executor").containsAll(Set.of("threadmill.futures.net",
                "threadmill.futures.time", "threadmill.futures.task", "threadmill.futures.runtime")), dependencies.toString());
        assertTrue(dependencies.get("threadmill.futures.time").contains("threadmill.futures.runtime"), dependencies.toString());
    }

    /** Finds a layer for every package, so that a new package must be placed here to pass. */
    private static int layerOf(String pkg) {
        for (int i = 0; i < LAYERS.size(); i++) {
            if (LAYERS.get(i).contains(pkg)) {
                return i;
            }
        }
        throw new AssertionError("package " + pkg + " has no layer: add it to LAYERS and to DESIGN.md's Layout");
    }

    private static Path mainClasses() {
        try {
            return Path.of(Future.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** For each package with classes under {@code root}: the other runtime packages it refers to. */
    private static Map<String, Set<String>> packageDependencies(Path root) throws IOException {
        Map<String, Set<String>> dependencies = new TreeMap<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                String pkg = root.relativize(file.getParent()).toString().replace(file.getFileSystem().getSeparator(), ".");
                Set<String> targets = dependencies.computeIfAbsent(pkg, p -> new TreeSet<>());
                for (String text : constantPoolTexts(Files.readAllBytes(file))) {
                    Matcher m = REFERENCE.matcher(text);
                    while (m.find()) {
                        String target = m.group(1).replace('/', '.');
                        if (!target.equals(pkg)) {
                            targets.add(target);
                        }
                    }
                }
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        return dependencies;
    }

    /**
     * Every UTF-8 constant of a class file: class names, descriptors and signatures are among
     * them (JVMS 4.4). The other constants are skipped by their sizes.
     */
    private static List<String> constantPoolTexts(byte[] classFile) throws IOException {
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(classFile));
        if (in.readInt() != 0xCAFEBABE) {
            throw new IOException("not a class file");
        }
        in.readUnsignedShort();
        in.readUnsignedShort();
        int count = in.readUnsignedShort();
        List<String> texts = new ArrayList<>();
        for (int i = 1; i < count; i++) {
            int tag = in.readUnsignedByte();
            switch (tag) {
                case 1 -> texts.add(in.readUTF());
                case 7, 8, 16, 19, 20 -> in.skipNBytes(2);
                case 15 -> in.skipNBytes(3);
                case 3, 4, 9, 10, 11, 12, 17, 18 -> in.skipNBytes(4);
                case 5, 6 -> {
                    in.skipNBytes(8);
                    i++;
                }
                default -> throw new IOException("unknown constant pool tag " + tag + " at entry " + i);
            }
        }
        return texts;
    }
}
