package threadmill.bench.raw;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A native reference runtime in env.json's {@code reference} object (key: its name, e.g.
 * {@code tokio}): whether the suite could build and run it, and what its binary says about
 * itself ({@code tokio-reference info}); every field but {@code status} is null when it did not run.
 *
 * @param status {@code ok}, or {@code not run: ...} with the reason
 */
public record ReferenceInfo(@JsonProperty(required = true) String status, String version, String rustcVersion,
                            Integer workerThreads, Long taskFutureBytes, Long taskFutureAlign, Long sleepBytes,
                            Double mallocBytesPerTask) {

    public static final String OK = "ok";

    /** Whether the reference was built and ran. */
    public boolean ok() {
        return OK.equals(status);
    }

    /** A reference that did not run, with the reason ({@code not run: ...}). */
    public static ReferenceInfo notRun(String status) {
        return new ReferenceInfo(status, null, null, null, null, null, null, null);
    }
}
