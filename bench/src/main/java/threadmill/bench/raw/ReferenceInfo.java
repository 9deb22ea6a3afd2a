package threadmill.bench.raw;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * What the native reference binary says of itself (its {@code info} output): an entry of
 * env.json's {@code reference} object, by reference name ({@code tokio}). A reference that could
 * not be built or run has a status that starts with {@code not run:} and null elsewhere.
 */
public record ReferenceInfo(
        @JsonProperty(required = true) String status, String version, String rustcVersion, Integer workerThreads,
        Long taskFutureBytes, Long taskFutureAlign, Long sleepBytes, Double mallocBytesPerTask) {

    public static final String OK = "ok";

    public boolean ok() {
        return OK.equals(status);
    }
}
