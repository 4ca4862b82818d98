package io.platewatch.registry;

import java.io.Serializable;
import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import javax.net.ssl.SSLContext;

/**
 * How to reach a Confluent-API schema registry: where it is, how to authenticate, how to trust its
 * certificate, how long to wait and how to retry.
 *
 * <p>Settings travel inside Flink job graphs, so they are serializable. An {@link SSLContext} is
 * not: settings that carry one fail to serialize, which is why a truststore path is the way to
 * configure TLS for a Flink job.
 *
 * @param baseUrl registry root, for example {@code http://host:8081} or Apicurio's {@code
 *     http://host:8080/apis/ccompat/v7}
 * @param basicAuth user and password sent pre-emptively, or null for none
 * @param tls how to trust the registry's certificate, or null for the JVM defaults
 * @param connectTimeout limit for opening a connection
 * @param requestTimeout limit for one request, from sending to the last byte of the answer
 * @param retry retries of transient failures (connect failures, timeouts, 5xx, 429)
 */
public record RegistrySettings(
        URI baseUrl,
        BasicAuth basicAuth,
        Tls tls,
        Duration connectTimeout,
        Duration requestTimeout,
        Retry retry)
        implements Serializable {

    public RegistrySettings {
        Objects.requireNonNull(baseUrl, "baseUrl");
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(requestTimeout, "requestTimeout");
        Objects.requireNonNull(retry, "retry");
        String scheme = baseUrl.getScheme();
        if (!"http".equals(scheme) && !"https".equals(scheme)) {
            throw new IllegalArgumentException(
                    "registry URL must start with http:// or https://, got " + baseUrl);
        }
    }

    /** Settings for a registry at {@code url} with default timeouts and retries. */
    public static RegistrySettings of(String url) {
        return builder(url).build();
    }

    /** Starts settings for a registry at {@code url}. */
    public static Builder builder(String url) {
        return new Builder(URI.create(url));
    }

    /** Basic authentication credentials; the password never appears in {@link #toString()}. */
    public record BasicAuth(String user, String password) implements Serializable {
        public BasicAuth {
            Objects.requireNonNull(user, "user");
            Objects.requireNonNull(password, "password");
        }

        @Override
        public String toString() {
            return "BasicAuth[user=" + user + ", password=***]";
        }
    }

    /**
     * Trust material for https registries: either a truststore file (serializable, usable in Flink
     * jobs) or a ready {@link SSLContext} (in-process use only).
     *
     * @param trustStorePath path of the truststore file, or null when sslContext is given
     * @param trustStorePassword password of the truststore, or null when it has none
     * @param trustStoreType keystore type such as PKCS12 or JKS
     * @param sslContext a ready context, or null when a truststore path is given
     */
    public record Tls(
            String trustStorePath,
            String trustStorePassword,
            String trustStoreType,
            SSLContext sslContext)
            implements Serializable {

        public Tls {
            if ((trustStorePath == null) == (sslContext == null)) {
                throw new IllegalArgumentException(
                        "TLS needs exactly one of a truststore path or an SSLContext");
            }
        }

        /** Trust the certificates of a PKCS12 truststore file. */
        public static Tls trustStore(String path, String password) {
            return new Tls(path, password, "PKCS12", null);
        }

        /** Use a ready context; such settings cannot be serialized into a Flink job. */
        public static Tls context(SSLContext sslContext) {
            return new Tls(null, null, null, sslContext);
        }

        @Override
        public String toString() {
            return sslContext != null
                    ? "Tls[sslContext]"
                    : "Tls[trustStore=" + trustStorePath + ", type=" + trustStoreType + "]";
        }
    }

    /**
     * Exponential backoff for transient failures.
     *
     * @param maxRetries retries after the first attempt; 0 disables retrying
     * @param initialBackoff delay before the first retry, doubled for each next one
     * @param maxBackoff cap of the delay
     */
    public record Retry(int maxRetries, Duration initialBackoff, Duration maxBackoff)
            implements Serializable {

        public Retry {
            if (maxRetries < 0) {
                throw new IllegalArgumentException("maxRetries must be >= 0, got " + maxRetries);
            }
            Objects.requireNonNull(initialBackoff, "initialBackoff");
            Objects.requireNonNull(maxBackoff, "maxBackoff");
            if (initialBackoff.isZero()
                    || initialBackoff.isNegative()
                    || maxBackoff.compareTo(initialBackoff) <= 0) {
                throw new IllegalArgumentException("backoff needs 0 < initialBackoff < maxBackoff");
            }
        }

        /** Five retries from 200 ms up to 5 s: rides out a registry restart of about 10 s. */
        public static Retry defaults() {
            return new Retry(5, Duration.ofMillis(200), Duration.ofSeconds(5));
        }

        /** No retry at all; transient failures surface at once. */
        public static Retry none() {
            return new Retry(0, Duration.ofMillis(1), Duration.ofMillis(2));
        }
    }

    /** Builder with defaults: 5 s connect timeout, 10 s request timeout, {@link Retry#defaults}. */
    public static final class Builder {
        private final URI baseUrl;
        private BasicAuth basicAuth;
        private Tls tls;
        private Duration connectTimeout = Duration.ofSeconds(5);
        private Duration requestTimeout = Duration.ofSeconds(10);
        private Retry retry = Retry.defaults();

        private Builder(URI baseUrl) {
            this.baseUrl = baseUrl;
        }

        public Builder basicAuth(String user, String password) {
            this.basicAuth = new BasicAuth(user, password);
            return this;
        }

        public Builder tls(Tls tls) {
            this.tls = tls;
            return this;
        }

        public Builder connectTimeout(Duration connectTimeout) {
            this.connectTimeout = connectTimeout;
            return this;
        }

        public Builder requestTimeout(Duration requestTimeout) {
            this.requestTimeout = requestTimeout;
            return this;
        }

        public Builder retry(Retry retry) {
            this.retry = retry;
            return this;
        }

        public RegistrySettings build() {
            return new RegistrySettings(
                    baseUrl, basicAuth, tls, connectTimeout, requestTimeout, retry);
        }
    }
}
