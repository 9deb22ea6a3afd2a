package threadmill.bench.suite;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/**
 * Writes everything to two streams: JMH's log goes to the console ({@link #out}) for progress
 * and to a file for reading back.
 */
final class Tee extends FilterOutputStream {

    private final OutputStream copy;

    Tee(OutputStream console, OutputStream copy) {
        super(console);
        this.copy = copy;
    }

    @Override
    public void write(int b) throws IOException {
        out.write(b);
        copy.write(b);
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
        out.write(bytes, offset, length);
        copy.write(bytes, offset, length);
    }

    @Override
    public void flush() throws IOException {
        out.flush();
        copy.flush();
    }

    /** Closes the copy only: the console outlives one JMH run. */
    @Override
    public void close() throws IOException {
        flush();
        copy.close();
    }
}
