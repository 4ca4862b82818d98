package io.platewatch.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import io.platewatch.schemas.PlateRead;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An https registry with a self-signed certificate made by keytool for this test: trusted through a
 * truststore file it works, without one the handshake fails. The registry side is a small https
 * server on loopback, since Apicurio runs plain http here.
 */
class RegistryClientTlsTest {

    private static final String PASSWORD = "changeit";

    @TempDir static Path dir;
    private static Path keyStore;
    private static Path trustStore;
    private HttpsServer server;

    /** Each keytool run is a JVM start: done once for the class. */
    @BeforeAll
    static void makeCertificate() throws Exception {
        keyStore = dir.resolve("server.p12");
        Path certificate = dir.resolve("server.cer");
        trustStore = dir.resolve("trust.p12");
        keytool(
                "-genkeypair -alias registry -keyalg RSA -keysize 2048 -dname CN=127.0.0.1"
                        + " -ext SAN=ip:127.0.0.1 -validity 2 -storetype PKCS12 -keystore "
                        + keyStore
                        + " -storepass changeit -keypass changeit");
        keytool(
                "-exportcert -alias registry -storepass changeit -keystore "
                        + keyStore
                        + " -file "
                        + certificate);
        keytool(
                "-importcert -noprompt -alias registry -storetype PKCS12 -storepass changeit"
                        + " -file "
                        + certificate
                        + " -keystore "
                        + trustStore);
    }

    @BeforeEach
    void startHttpsServer() throws Exception {
        server = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(serverContext(keyStore)));
        server.createContext(
                "/",
                exchange -> {
                    byte[] body = "{\"id\":17}".getBytes(StandardCharsets.UTF_8);
                    exchange.getRequestBody().readAllBytes();
                    exchange.sendResponseHeaders(200, body.length);
                    exchange.getResponseBody().write(body);
                    exchange.close();
                });
        server.start();
    }

    @AfterEach
    void stopServer() {
        server.stop(0);
    }

    @Test
    void trustStoreFileMakesTheRegistryCertificateTrusted() {
        RegistrySettings settings =
                RegistrySettings.builder(url())
                        .tls(RegistrySettings.Tls.trustStore(trustStore.toString(), PASSWORD))
                        .retry(RegistrySettings.Retry.none())
                        .build();

        assertThat(new RegistryClient(settings).register("reads-value", PlateRead.getClassSchema()))
                .isEqualTo(17);
    }

    @Test
    void untrustedCertificateFailsWithoutRetrying() {
        RegistrySettings settings =
                RegistrySettings.builder(url()).retry(RegistrySettings.Retry.none()).build();

        assertThatThrownBy(
                        () ->
                                new RegistryClient(settings)
                                        .register("reads-value", PlateRead.getClassSchema()))
                .isInstanceOf(RegistryUnavailableException.class)
                .hasMessageContaining("SSLHandshakeException");
    }

    @Test
    void missingTrustStoreFileIsAConfigurationError() {
        RegistrySettings settings =
                RegistrySettings.builder(url())
                        .tls(
                                RegistrySettings.Tls.trustStore(
                                        dir.resolve("nope.p12").toString(), PASSWORD))
                        .build();

        assertThatThrownBy(() -> new RegistryClient(settings))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("nope.p12");
    }

    private String url() {
        return "https://127.0.0.1:" + server.getAddress().getPort();
    }

    private static SSLContext serverContext(Path keyStore) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keyStore)) {
            store.load(in, PASSWORD.toCharArray());
        }
        KeyManagerFactory keys =
                KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(store, PASSWORD.toCharArray());
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(keys.getKeyManagers(), null, null);
        return context;
    }

    /** Runs keytool with space-separated arguments (the temporary paths hold no spaces). */
    private static void keytool(String arguments) throws IOException, InterruptedException {
        Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
        List<String> command = new ArrayList<>(List.of(keytool.toString()));
        command.addAll(List.of(arguments.split(" ")));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
    }
}
