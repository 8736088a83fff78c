package cn.gov.zhaoshang.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.SocketException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import cn.gov.zhaoshang.testsupport.ApiClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue 25, finding 10: the platform as the launcher and the tests start it serves this machine
 * only. The gateway, the services and Keycloak accept connections on the loopback address and
 * refuse them on the machine's network address.
 */
@ExtendWith(WholePlatform.Shared.class)
class LoopbackOnlyIT {

    @Test
    void theGatewayTheServicesAndKeycloakListenOnTheLoopbackOnly() throws SocketException {
        Optional<InetAddress> network = networkAddress();
        assumeTrue(network.isPresent(), "this machine has no network address besides the loopback");
        WholePlatform platform = WholePlatform.Shared.platform();
        List<String> urls = new ArrayList<>(List.of(platform.consoleUrl(), platform.gatewayManagementUrl(),
                platform.keycloak().tokenEndpoint()));
        WholePlatform.SERVICES.forEach(service -> urls.add(platform.serviceUrl(service)));

        for (String url : urls) {
            int port = URI.create(url).getPort();
            assertThat(accepts(InetAddress.getLoopbackAddress(), port)).as("%s on the loopback", url).isTrue();
            assertThat(accepts(network.get(), port)).as("%s on %s", url, network.get()).isFalse();
        }
    }

    /**
     * Finding 10's other half: the gateway's metrics are not on the port the console and the API are
     * on (the one a production Ingress forwards), only on its management port.
     */
    @Test
    void theGatewaysMetricsAreOnItsManagementPortNotOnThePublicOne() {
        WholePlatform platform = WholePlatform.Shared.platform();
        ApiClient.Response publicPort = ApiClient.at(platform.consoleUrl()).get("/actuator/prometheus");
        assertThat(publicPort.status()).isEqualTo(404);
        assertThat(publicPort.body()).doesNotContain("jvm_memory");
        assertThat(platform.asUser("gx-admin").get("/actuator/prometheus").status()).as("even for an admin").isEqualTo(404);
        ApiClient.Response management = ApiClient.at(platform.gatewayManagementUrl()).get("/actuator/prometheus");
        assertThat(management.status()).isEqualTo(200);
        assertThat(management.body()).contains("jvm_memory_used_bytes");
    }

    private static Optional<InetAddress> networkAddress() throws SocketException {
        return NetworkInterface.networkInterfaces()
                .filter(candidate -> {
                    try {
                        return candidate.isUp() && !candidate.isLoopback();
                    } catch (SocketException e) {
                        return false;
                    }
                })
                .flatMap(NetworkInterface::inetAddresses)
                .filter(address -> address instanceof Inet4Address && !address.isLoopbackAddress())
                .findFirst();
    }

    private static boolean accepts(InetAddress address, int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(address, port), 2_000);
            return true;
        } catch (IOException refused) {
            return false;
        }
    }
}
