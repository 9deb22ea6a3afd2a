package threadmill.bench.pitfalls;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import threadmill.workload.RuntimePitfalls;

/**
 * A class whose static initializer sleeps, so that a virtual thread blocks inside a class
 * initializer. A class is initialized once per class loader, so each task defines its own
 * copy from these bytes in its own loader; the sleep settings live in {@link Settings},
 * which every copy shares through the parent loader.
 */
public final class SleepInClassInit {

    static {
        Settings.sleepRounds();
    }

    private SleepInClassInit() {
    }

    static void configure(int rounds, Duration sleep) {
        Settings.rounds = rounds;
        Settings.sleep = sleep;
    }

    /** A loader that defines its own copy of this class and delegates everything else. */
    static ClassLoader isolatedLoader() {
        return new OwnCopyLoader(ClassBytes.BYTES);
    }

    /** Runs the copy's static initializer on the calling thread. */
    static void initialize(ClassLoader ownCopy) {
        try {
            Class.forName(SleepInClassInit.class.getName(), true, ownCopy);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("the loader lost its copy of " + SleepInClassInit.class.getName(), e);
        }
    }

    /**
     * Written before any copy is initialized, used by every copy's initializer. Public: a copy
     * is in another runtime package (its own loader), where package access does not reach.
     */
    public static final class Settings {
        static volatile int rounds;
        static volatile Duration sleep;

        private Settings() {
        }

        public static void sleepRounds() {
            for (int r = 0; r < rounds; r++) {
                RuntimePitfalls.sleepBlocking(sleep);
            }
        }
    }

    private static final class ClassBytes {
        static final byte[] BYTES = read();

        private static byte[] read() {
            String resource = SleepInClassInit.class.getSimpleName() + ".class";
            try (InputStream in = SleepInClassInit.class.getResourceAsStream(resource)) {
                if (in == null) {
                    throw new IllegalStateException("class file " + resource + " is not on the class path");
                }
                return in.readAllBytes();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + resource, e);
            }
        }
    }

    private static final class OwnCopyLoader extends ClassLoader {
        private final byte[] bytes;

        OwnCopyLoader(byte[] bytes) {
            super(SleepInClassInit.class.getClassLoader());
            this.bytes = bytes;
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            if (!name.equals(SleepInClassInit.class.getName())) {
                return super.loadClass(name, resolve);
            }
            synchronized (getClassLoadingLock(name)) {
                Class<?> loaded = findLoadedClass(name);
                return loaded != null ? loaded : defineClass(name, bytes, 0, bytes.length);
            }
        }
    }
}
