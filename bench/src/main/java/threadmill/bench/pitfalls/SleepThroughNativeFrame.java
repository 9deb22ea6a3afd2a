package threadmill.bench.pitfalls;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.time.Duration;
import threadmill.workload.RuntimePitfalls;

/**
 * A blocking sleep with a native frame under it, made from the JDK alone: with
 * {@code -Djdk.reflect.useNativeAccessorOnly=true} (JDK 18+) core reflection invokes through
 * {@code jdk.internal.reflect.NativeMethodAccessorImpl.invoke0}, a native method, instead of a
 * method handle, so a virtual thread that sleeps inside a reflectively invoked method has that
 * native frame on its stack. The foreign-function API (a preview at release 21) and JNI (a C
 * build step) would be the other ways.
 */
final class SleepThroughNativeFrame {

    static final String FLAG = "-Djdk.reflect.useNativeAccessorOnly=true";
    private static final Method SLEEP = sleepMethod();

    private SleepThroughNativeFrame() {
    }

    /** Fails at once without the flag: reflection would then run through method handles, with no native frame. */
    static void requireNativeAccessor() {
        if (!Boolean.getBoolean("jdk.reflect.useNativeAccessorOnly")) {
            throw new IllegalStateException("the native-frame variant needs the JVM flag " + FLAG
                    + "; without it Method.invoke has no native frame");
        }
    }

    static void sleep(Duration sleep) {
        try {
            SLEEP.invoke(null, sleep);
        } catch (InvocationTargetException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : new IllegalStateException(e.getCause());
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("cannot invoke " + SLEEP, e);
        }
    }

    private static Method sleepMethod() {
        try {
            return RuntimePitfalls.class.getMethod("sleepBlocking", Duration.class);
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException("RuntimePitfalls.sleepBlocking(Duration) is gone", e);
        }
    }
}
