package threadmill.futures.testing;

import java.net.ProtocolFamily;
import java.nio.channels.DatagramChannel;
import java.nio.channels.Pipe;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.channels.spi.AbstractSelector;
import java.nio.channels.spi.SelectorProvider;

/**
 * The JVM-wide selector provider of the Fray test run (set with
 * {@code -Djava.nio.channels.spi.SelectorProvider=threadmill.futures.testing.ModelSelectorProvider}
 * in that run's surefire execution): every {@code Selector.open()}, so every reactor of the
 * runtime, gets a {@link ModelSelector}. Channels are not modelled: opening one fails.
 */
public final class ModelSelectorProvider extends SelectorProvider {

    /** True when this JVM's selectors are model selectors, that is, in the Fray run. */
    public static boolean installed() {
        return SelectorProvider.provider() instanceof ModelSelectorProvider;
    }

    @Override
    public AbstractSelector openSelector() {
        return new ModelSelector(this);
    }

    @Override
    public DatagramChannel openDatagramChannel() {
        throw noChannels();
    }

    @Override
    public DatagramChannel openDatagramChannel(ProtocolFamily family) {
        throw noChannels();
    }

    @Override
    public Pipe openPipe() {
        throw noChannels();
    }

    @Override
    public ServerSocketChannel openServerSocketChannel() {
        throw noChannels();
    }

    @Override
    public SocketChannel openSocketChannel() {
        throw noChannels();
    }

    private static UnsupportedOperationException noChannels() {
        return new UnsupportedOperationException("channels are not modelled in the Fray test run");
    }
}
