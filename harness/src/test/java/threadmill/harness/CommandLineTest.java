package threadmill.harness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import threadmill.workload.Sockets;

class CommandLineTest {

    @Test
    void hostPortRoundTrips() {
        assertEquals(new InetSocketAddress("127.0.0.1", 8080), CommandLine.address("127.0.0.1:8080"));
        assertEquals("127.0.0.1:8080", Sockets.format(CommandLine.address("127.0.0.1:8080")));
        assertEquals("[0:0:0:0:0:0:0:1]:9", Sockets.format(CommandLine.address("[::1]:9")));
    }

    @Test
    void badAddressesAreNamed() {
        assertEquals("address must be host:port, was 'localhost'", message(() -> CommandLine.address("localhost")));
        assertEquals("port must be a number from 0 to 65535, was 'h:x'", message(() -> CommandLine.address("h:x")));
        assertEquals("port must be a number from 0 to 65535, was 70000", message(() -> CommandLine.address("h:70000")));
    }

    @Test
    void durationsTakeAUnitOrIso8601() {
        CommandLine line = new CommandLine(new String[] {"--a", "500ms", "--b", "10s", "--c", "2m", "--d", "PT3S", "--e", "10"},
                "a", "b", "c", "d", "e");

        assertEquals(Duration.ofMillis(500), line.duration("a"));
        assertEquals(Duration.ofSeconds(10), line.duration("b"));
        assertEquals(Duration.ofMinutes(2), line.duration("c"));
        assertEquals(Duration.ofSeconds(3), line.duration("d"));
        assertEquals("--e must be a duration like 500ms, 10s or 2m, was '10'", message(() -> line.duration("e")));
    }

    @Test
    void unknownOptionsAndMissingValuesAreNamed() {
        assertEquals("unknown option '--nope'; known options: --loops, --port",
                message(() -> new CommandLine(new String[] {"--nope", "1"}, "port", "loops")));
        assertEquals("option --loops needs a value", message(() -> new CommandLine(new String[] {"--loops"}, "loops")));
        assertEquals("unknown option 'stray'; known options: --loops",
                message(() -> new CommandLine(new String[] {"--loops", "2", "stray"}, "loops").optionsOnly()));
    }

    @Test
    void listsCountsAndNumbers() {
        CommandLine line = new CommandLine(new String[] {"--r", "loom,futures", "--n", "1,10k,2M", "--x", "12"},
                "r", "n", "x", "absent");

        assertEquals(List.of("loom", "futures"), line.list("r", List.of()));
        assertEquals(List.of(1, 10_000, 2_000_000), line.counts("n", null));
        assertEquals(12L, line.wholeNumber("x"));
        assertEquals(null, line.wholeNumber("absent"));
        assertEquals(List.of("d"), line.list("absent", List.of("d")));
        assertEquals("--n takes counts such as 1000, 10k or 1M, was '3G'",
                message(() -> new CommandLine(new String[] {"--n", "3G"}, "n").counts("n", null)));
        assertEquals("--x must be a whole number, was 'many'",
                message(() -> new CommandLine(new String[] {"--x", "many"}, "x").wholeNumber("x")));
        assertEquals("option --absent is required", message(() -> line.required("absent")));
    }

    private static String message(Runnable call) {
        return assertThrows(IllegalArgumentException.class, call::run).getMessage();
    }
}
