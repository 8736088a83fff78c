package cn.gov.zhaoshang.launcher;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * Which process listens on a TCP port, read from Linux's {@code /proc} (the listening sockets in
 * {@code /proc/net/tcp} and {@code tcp6}, then the process with a descriptor of that socket). It
 * finds only processes this user may look into; elsewhere, and on other systems, it finds nothing.
 */
final class PortHolder {

    private static final Path PROC = Path.of("/proc");
    /** The state column's value for a listening socket. */
    private static final String LISTEN = "0A";

    private PortHolder() {
    }

    /** A short description of the process listening on {@code port}: pid and command line, if it can be found. */
    static Optional<String> describe(int port) {
        return find(port).map(process -> "pid " + process.pid() + OwnProcess.Observed.of(process).commandLine()
                .map(line -> " (" + abbreviate(line) + ")").orElse(""));
    }

    static Optional<ProcessHandle> find(int port) {
        Set<String> inodes = new HashSet<>();
        for (String table : new String[] {"net/tcp", "net/tcp6"}) {
            try {
                inodes.addAll(listeningInodes(Files.readString(PROC.resolve(table)), port));
            } catch (IOException | RuntimeException notLinux) {
                // nothing to find here
            }
        }
        if (inodes.isEmpty()) {
            return Optional.empty();
        }
        try (DirectoryStream<Path> processes = Files.newDirectoryStream(PROC, entry -> entry.getFileName().toString().matches("\\d+"))) {
            for (Path process : processes) {
                if (holdsAny(process, inodes)) {
                    return ProcessHandle.of(Long.parseLong(process.getFileName().toString()));
                }
            }
        } catch (IOException | RuntimeException unreadable) {
            // nothing to find here
        }
        return Optional.empty();
    }

    /**
     * The inodes of the sockets listening on {@code port} in a table of {@code /proc/net/tcp}'s
     * format: after a header line, one socket a line, {@code local_address} (hex address, colon,
     * hex port) in the second column, the state in the fourth, the inode in the tenth.
     */
    static Set<String> listeningInodes(String table, int port) {
        Set<String> inodes = new HashSet<>();
        String[] lines = table.split("\n");
        for (int n = 1; n < lines.length; n++) {
            String[] columns = lines[n].strip().split("\\s+");
            if (columns.length < 10 || !columns[3].equals(LISTEN)) {
                continue;
            }
            String local = columns[1];
            int colon = local.lastIndexOf(':');
            if (colon > 0 && Integer.parseInt(local.substring(colon + 1), 16) == port) {
                inodes.add(columns[9]);
            }
        }
        return inodes;
    }

    private static boolean holdsAny(Path process, Set<String> inodes) {
        try (DirectoryStream<Path> descriptors = Files.newDirectoryStream(process.resolve("fd"))) {
            for (Path descriptor : descriptors) {
                try {
                    String target = Files.readSymbolicLink(descriptor).toString();
                    if (target.startsWith("socket:[") && inodes.contains(target.substring(8, target.length() - 1))) {
                        return true;
                    }
                } catch (IOException closedMeanwhile) {
                    // next descriptor
                }
            }
        } catch (IOException | RuntimeException notOurs) {
            // a process of another user, or one that has just ended
        }
        return false;
    }

    /** On one line (an argument may hold line breaks, a script given with {@code -c}), at most 160 characters. */
    static String abbreviate(String commandLine) {
        String oneLine = commandLine.strip().replaceAll("\\s+", " ");
        return oneLine.length() <= 160 ? oneLine : oneLine.substring(0, 157) + "...";
    }
}
