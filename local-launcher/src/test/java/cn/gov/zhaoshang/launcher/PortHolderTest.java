package cn.gov.zhaoshang.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;

import org.junit.jupiter.api.Test;

/** Naming the process that holds a port the launcher needs. */
class PortHolderTest {

    @Test
    void theListeningSocketsOfAPortAreFoundInProcNetTcp() {
        String tcp = """
                  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode
                   0: 0100007F:3C48 00000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 987654 1 0000000000000000 100 0 0 10 0
                   1: 0100007F:3C48 0100007F:A1B2 01 00000000:00000000 00:00000000 00000000     0        0 111111 1 0000000000000000 20 4 30 10 -1
                   2: 00000000:1F90 00000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 222222 1 0000000000000000 100 0 0 10 0
                """;
        String tcp6 = """
                  sl  local_address                         remote_address                        st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode
                   0: 00000000000000000000000001000000:3C48 00000000000000000000000000000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 333333 1 0000000000000000 100 0 0 10 0
                """;

        // 0x3C48 = 15432; the established connection to it (state 01) is not a listener
        assertThat(PortHolder.listeningInodes(tcp, 15432)).containsExactly("987654");
        assertThat(PortHolder.listeningInodes(tcp, 8080)).containsExactly("222222");
        assertThat(PortHolder.listeningInodes(tcp6, 15432)).containsExactly("333333");
        assertThat(PortHolder.listeningInodes(tcp, 8180)).isEmpty();
    }

    @Test
    void theHoldersCommandLineIsShownOnOneLineAndShortened() {
        assertThat(PortHolder.abbreviate("python3 -c \nimport socket\n\ts.listen(1)\n")).isEqualTo("python3 -c import socket s.listen(1)");
        assertThat(PortHolder.abbreviate("java " + "-Dx=y ".repeat(100))).hasSize(160).endsWith("...");
    }

    @Test
    void aForeignHolderIsNamedWithThePort() {
        assertThat(LocalPlatform.portInUse(15432, Optional.of("pid 812 (/usr/lib/postgresql/17/bin/postgres -D /var/lib/postgresql)")))
                .startsWith("port 15432 is already in use by pid 812 (/usr/lib/postgresql/17/bin/postgres -D /var/lib/postgresql),"
                        + " which is not a server this launcher started from this folder")
                .contains("ss -ltnp 'sport = :15432'");
        assertThat(LocalPlatform.portInUse(8080, Optional.empty())).startsWith("port 8080 is already in use, which is not");
    }
}
