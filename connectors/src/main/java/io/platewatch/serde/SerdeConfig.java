package io.platewatch.serde;

import io.platewatch.registry.RegistrySettings;
import java.util.Map;
import org.apache.kafka.common.config.ConfigException;

/**
 * Configuration keys of the Kafka serializer and deserializer. The registry keys are Confluent's
 * own names, so an existing client configuration works unchanged.
 */
public final class SerdeConfig {

    /** Registry base URL (required). */
    public static final String REGISTRY_URL = "schema.registry.url";

    /** Register the writer's schema on first use (default true); false requires it registered. */
    public static final String AUTO_REGISTER = "auto.register.schemas";

    /**
     * Subject to register and look up schemas under, for every topic (optional). Without it the
     * subject is {@code <topic>-value} (or {@code -key}), Confluent's TopicNameStrategy.
     */
    public static final String SUBJECT = "platewatch.subject";

    /** {@code user:password} for basic authentication (optional). */
    public static final String BASIC_AUTH_USER_INFO = "basic.auth.user.info";

    /** Truststore file for an https registry (optional). */
    public static final String TRUSTSTORE_LOCATION = "schema.registry.ssl.truststore.location";

    /** Password of the truststore (optional). */
    public static final String TRUSTSTORE_PASSWORD = "schema.registry.ssl.truststore.password";

    /** Type of the truststore (default PKCS12). */
    public static final String TRUSTSTORE_TYPE = "schema.registry.ssl.truststore.type";

    /** Record class the value deserializer decodes into, a generated Avro class (required). */
    public static final String VALUE_TYPE = "specific.avro.value.type";

    /** Record class the key deserializer decodes into. */
    public static final String KEY_TYPE = "specific.avro.key.type";

    private SerdeConfig() {}

    /** Registry settings from a Kafka client configuration. */
    public static RegistrySettings registrySettings(Map<String, ?> configs) {
        RegistrySettings.Builder builder =
                RegistrySettings.builder(required(configs, REGISTRY_URL));
        String userInfo = optional(configs, BASIC_AUTH_USER_INFO);
        if (userInfo != null) {
            int colon = userInfo.indexOf(':');
            if (colon < 0) {
                throw new ConfigException(BASIC_AUTH_USER_INFO + " must be user:password");
            }
            builder.basicAuth(userInfo.substring(0, colon), userInfo.substring(colon + 1));
        }
        String trustStore = optional(configs, TRUSTSTORE_LOCATION);
        if (trustStore != null) {
            String type = optional(configs, TRUSTSTORE_TYPE);
            builder.tls(
                    new RegistrySettings.Tls(
                            trustStore,
                            optional(configs, TRUSTSTORE_PASSWORD),
                            type != null ? type : "PKCS12",
                            null));
        }
        return builder.build();
    }

    /** Whether auto-registration is on; true unless configured otherwise. */
    public static boolean autoRegister(Map<String, ?> configs) {
        String value = optional(configs, AUTO_REGISTER);
        return value == null || Boolean.parseBoolean(value);
    }

    /** The fixed subject, or null to derive it from the topic. */
    public static String subject(Map<String, ?> configs) {
        String subject = optional(configs, SUBJECT);
        return subject == null || subject.isBlank() ? null : subject;
    }

    /** The record class configured under {@code key}. */
    public static Class<?> recordClass(Map<String, ?> configs, String key) {
        Object value = configs.get(key);
        if (value instanceof Class<?> type) {
            return type;
        }
        String name = required(configs, key);
        try {
            return Class.forName(name, true, Thread.currentThread().getContextClassLoader());
        } catch (ClassNotFoundException e) {
            throw new ConfigException(key, name, "class not found");
        }
    }

    private static String required(Map<String, ?> configs, String key) {
        String value = optional(configs, key);
        if (value == null || value.isBlank()) {
            throw new ConfigException("missing required configuration " + key);
        }
        return value;
    }

    private static String optional(Map<String, ?> configs, String key) {
        Object value = configs.get(key);
        return value == null ? null : value.toString();
    }
}
