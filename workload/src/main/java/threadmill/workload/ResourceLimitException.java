package threadmill.workload;

/**
 * A runtime could not start as many tasks as asked because the operating system or the JVM
 * ran out of a resource; the message names the value asked for and the limits in force.
 */
public class ResourceLimitException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public ResourceLimitException(String message, Throwable cause) {
        super(message, cause);
    }
}
