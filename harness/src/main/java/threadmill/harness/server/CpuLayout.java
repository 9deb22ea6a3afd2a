package threadmill.harness.server;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Which CPUs the server process and the load generator run on: two disjoint sets, each
 * process started under {@code taskset -c <set>}, so that the server's CPU time is its own and
 * the client never competes with it for a core. A JVM started so sees as many processors as
 * its set holds ({@code availableProcessors()}), so every runtime sizes its workers, carriers
 * or selector loops to the server's set: the fair setting, each with the same cores.
 *
 * <p>Without {@code taskset}, or with fewer than two CPUs online, there is nothing to split:
 * both sides run unpinned, the lists are null and {@link #unpinnedReason()} says why.
 *
 * @param serverCpus the server's CPUs; null when unpinned
 * @param clientCpus the load generator's CPUs; null when unpinned
 * @param onlineCpus the CPUs online ({@code /sys/devices/system/cpu/online}); null when unknown
 * @param unpinnedReason why the processes run unpinned; null when pinned
 */
public record CpuLayout(CpuSet serverCpus, CpuSet clientCpus, CpuSet onlineCpus, String unpinnedReason) {

    /** The value that lets the layout choose a side's CPUs. */
    public static final String AUTO = "auto";

    private static final Path ONLINE = Path.of("/sys/devices/system/cpu/online");

    public CpuLayout {
        if ((serverCpus == null) != (clientCpus == null) || (serverCpus == null) == (unpinnedReason == null)) {
            throw new IllegalArgumentException("a layout pins both sides or neither, and says why when neither");
        }
    }

    /**
     * The layout for this machine: {@code server} and {@code client} are CPU lists or
     * {@value #AUTO} (auto: the server gets the first half of the online CPUs, at least one,
     * and the client the rest; one side given, the other gets every online CPU it left).
     *
     * @throws IllegalArgumentException naming the list and the online CPUs when a list cannot
     *         be read, names a CPU that is not online, or overlaps the other side
     */
    public static CpuLayout choose(String server, String client) {
        return choose(server, client, readOnline(ONLINE), tasksetFound());
    }

    /** {@link #choose(String, String)} with the machine's facts given, for tests. */
    static CpuLayout choose(String server, String client, CpuSet online, boolean taskset) {
        CpuSet asked = AUTO.equals(server) ? null : CpuSet.parse(server);
        CpuSet askedClient = AUTO.equals(client) ? null : CpuSet.parse(client);
        if (!taskset) {
            return unpinned(online, "taskset is not on the PATH (package util-linux)");
        }
        if (online == null) {
            return unpinned(null, "the online CPUs are unknown (" + ONLINE + " cannot be read)");
        }
        if (online.count() < 2) {
            return unpinned(online, "only CPU " + online + " is online: server and client cannot have CPUs of their own");
        }
        checkOnline("server", asked, online);
        checkOnline("client", askedClient, online);
        CpuSet serverCpus = asked != null ? asked
                : askedClient != null ? rest(online, askedClient, "server", "client")
                : online.first(Math.max(1, online.count() / 2));
        CpuSet clientCpus = askedClient != null ? askedClient : rest(online, serverCpus, "client", "server");
        if (serverCpus.overlaps(clientCpus)) {
            throw new IllegalArgumentException("server CPUs " + serverCpus + " and client CPUs " + clientCpus
                    + " overlap; give each side CPUs of its own (online: " + online + ")");
        }
        return new CpuLayout(serverCpus, clientCpus, online, null);
    }

    private static CpuLayout unpinned(CpuSet online, String reason) {
        return new CpuLayout(null, null, online, reason);
    }

    private static void checkOnline(String side, CpuSet cpus, CpuSet online) {
        if (cpus != null && !online.containsAll(cpus)) {
            throw new IllegalArgumentException(side + " CPU list '" + cpus + "' names CPUs that are not online;"
                    + " online CPUs: " + online);
        }
    }

    /** The online CPUs the other side left, or an error when it took them all. */
    private static CpuSet rest(CpuSet online, CpuSet taken, String side, String other) {
        List<Integer> left = new ArrayList<>(online.cpus());
        left.removeAll(taken.cpus());
        if (left.isEmpty()) {
            throw new IllegalArgumentException(other + " CPUs " + taken + " take every online CPU (" + online
                    + "); leave some for the " + side);
        }
        return new CpuSet(left);
    }

    public boolean pinned() {
        return serverCpus != null;
    }

    /** The command prefix that starts a server process on its CPUs: {@code taskset -c <list>}, or nothing. */
    public List<String> serverLauncher() {
        return launcher(serverCpus);
    }

    /** The command prefix that starts the load generator on its CPUs. */
    public List<String> clientLauncher() {
        return launcher(clientCpus);
    }

    private static List<String> launcher(CpuSet cpus) {
        return cpus == null ? List.of() : List.of("taskset", "-c", cpus.toString());
    }

    /** How many CPUs the server may use: its set, or every online CPU when unpinned. */
    public int serverCpuCount() {
        if (serverCpus != null) {
            return serverCpus.count();
        }
        return onlineCpus != null ? onlineCpus.count() : Runtime.getRuntime().availableProcessors();
    }

    /** One line for logs and reports. */
    public String describe() {
        if (!pinned()) {
            return "unpinned: " + unpinnedReason;
        }
        return "server on CPU " + serverCpus + ", load generator on CPU " + clientCpus + " (online: " + onlineCpus + ")";
    }

    /** The CPU list a file such as /sys/devices/system/cpu/online holds; null when it cannot be read. */
    static CpuSet readOnline(Path file) {
        try {
            return CpuSet.parse(Files.readString(file, StandardCharsets.US_ASCII).trim());
        } catch (IOException | IllegalArgumentException | SecurityException e) {
            return null;
        }
    }

    /** Whether an executable {@code taskset} is on the PATH. */
    static boolean tasksetFound() {
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        for (String dir : path.split(java.io.File.pathSeparator)) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, "taskset"))) {
                return true;
            }
        }
        return false;
    }
}
