package io.platewatch.registry;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.platewatch.registry.RegistryErrors.Call;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;
import org.apache.avro.SchemaParseException;

/**
 * A client for the Confluent Schema Registry REST API, for Avro schemas.
 *
 * <p>It uses only the documented Confluent endpoints and content type, and ignores JSON fields it
 * does not know, so it works with Confluent, Apicurio's ccompat API, Karapace and Redpanda.
 *
 * <p>Schemas by id are cached forever: a registry never changes the schema behind an id. Results of
 * {@link #register} are cached per subject and schema for the same reason. Versions, latest
 * schemas, compatibility and configuration are read fresh on every call. The client is thread-safe.
 *
 * <p>Schema references (a schema that names types registered under other subjects) are not
 * supported: every schema this client registers is self-contained, and a fetched schema with
 * references is reported as an {@link InvalidSchemaException}.
 */
public final class RegistryClient {

    private final RegistryHttp http;
    private final ObjectMapper json;
    private final Map<Integer, Schema> schemasById = new ConcurrentHashMap<>();
    private final Map<SubjectSchema, Integer> idsBySubjectSchema = new ConcurrentHashMap<>();

    public RegistryClient(RegistrySettings settings) {
        this.json =
                new ObjectMapper()
                        .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
        this.http = new RegistryHttp(settings, json);
    }

    /**
     * Registers {@code schema} under {@code subject}, or finds it when it already is, and returns
     * its global id.
     *
     * @throws IncompatibleSchemaException when the subject's compatibility rule refuses it
     * @throws InvalidSchemaException when the registry finds the schema invalid
     */
    public int register(String subject, Schema schema) {
        SubjectSchema key = new SubjectSchema(subject, schema.toString());
        Integer cached = idsBySubjectSchema.get(key);
        if (cached != null) {
            return cached;
        }
        int id = registerOrFindConcurrent(subject, schema);
        idsBySubjectSchema.put(key, id);
        schemasById.putIfAbsent(id, schema);
        return id;
    }

    /**
     * Two writers registering the same new schema at once can both reach the registry; Apicurio
     * answers the loser with 409 as if the schema were incompatible. When a lookup then finds the
     * schema registered, that race was all it was, and its id is the answer.
     */
    private int registerOrFindConcurrent(String subject, Schema schema) {
        Call call = Call.onSubject("register a schema under subject " + subject, subject);
        try {
            JsonNode answer =
                    http.post(call, subjectPath(subject) + "/versions", schemaBody(schema));
            return requiredInt(answer, "id", call);
        } catch (IncompatibleSchemaException refused) {
            return lookup(subject, schema).map(RegisteredSchema::id).orElseThrow(() -> refused);
        }
    }

    /**
     * Finds {@code schema} among the versions of {@code subject}.
     *
     * @return the registered version, or empty when the subject does not exist or does not hold
     *     this schema
     */
    public Optional<RegisteredSchema> lookup(String subject, Schema schema) {
        Call call = Call.onSubject("look up a schema under subject " + subject, subject);
        try {
            JsonNode answer = http.post(call, subjectPath(subject), schemaBody(schema));
            RegisteredSchema found = registered(subject, answer, call, schema);
            idsBySubjectSchema.putIfAbsent(
                    new SubjectSchema(subject, schema.toString()), found.id());
            return Optional.of(found);
        } catch (SubjectNotFoundException | SchemaNotFoundException e) {
            return Optional.empty();
        }
    }

    /**
     * The schema with global id {@code id}; cached after the first fetch.
     *
     * @throws SchemaNotFoundException when the registry has no such id
     */
    public Schema schemaById(int id) {
        Schema cached = schemasById.get(id);
        if (cached != null) {
            return cached;
        }
        Call call = Call.onSchemaId("get schema id " + id, id);
        Schema schema = parseSchema(http.get(call, "/schemas/ids/" + id), call);
        Schema previous = schemasById.putIfAbsent(id, schema);
        return previous != null ? previous : schema;
    }

    /** Version numbers of {@code subject}, oldest first. */
    public List<Integer> versions(String subject) {
        Call call = Call.onSubject("list versions of subject " + subject, subject);
        JsonNode answer = http.get(call, subjectPath(subject) + "/versions");
        List<Integer> versions = new ArrayList<>();
        if (answer != null && answer.isArray()) {
            answer.forEach(version -> versions.add(version.asInt()));
        }
        return versions;
    }

    /** The latest version of {@code subject}. */
    public RegisteredSchema latest(String subject) {
        return version(subject, "latest");
    }

    /** Version {@code version} of {@code subject}. */
    public RegisteredSchema version(String subject, int version) {
        return version(subject, Integer.toString(version));
    }

    private RegisteredSchema version(String subject, String version) {
        Call call = Call.onSubject("get version " + version + " of subject " + subject, subject);
        JsonNode answer = http.get(call, subjectPath(subject) + "/versions/" + version);
        return registered(subject, answer, call, null);
    }

    /**
     * Whether {@code schema} could be registered as the next version of {@code subject} under the
     * subject's compatibility rule, judged by the registry against its latest version.
     *
     * @throws SubjectNotFoundException when the subject has no version to compare with
     */
    public boolean isCompatible(String subject, Schema schema) {
        Call call = Call.onSubject("test compatibility with subject " + subject, subject);
        JsonNode answer =
                http.post(
                        call,
                        "/compatibility" + subjectPath(subject) + "/versions/latest",
                        schemaBody(schema));
        JsonNode verdict = answer == null ? null : answer.get("is_compatible");
        if (verdict == null || !verdict.isBoolean()) {
            throw new RegistryException(
                    call.operation(), 200, RegistryException.NONE, "answer has no is_compatible");
        }
        return verdict.asBoolean();
    }

    /** The compatibility rule set on {@code subject} itself, or empty when it has none. */
    public Optional<CompatibilityLevel> subjectCompatibility(String subject) {
        Call call = Call.onSubject("get compatibility of subject " + subject, subject);
        try {
            return Optional.of(
                    level(http.get(call, "/config/" + RegistryHttp.segment(subject)), call));
        } catch (SubjectNotFoundException e) {
            return Optional.empty();
        } catch (RegistryException e) {
            // Confluent answers 404 with code 40408 for a subject without its own rule.
            if (e.httpStatus() == 404) {
                return Optional.empty();
            }
            throw e;
        }
    }

    /** The registry-wide default compatibility rule. */
    public CompatibilityLevel globalCompatibility() {
        Call call = Call.global("get global compatibility");
        return level(http.get(call, "/config"), call);
    }

    /** Sets the compatibility rule of {@code subject}. */
    public void setSubjectCompatibility(String subject, CompatibilityLevel level) {
        Call call = Call.onSubject("set compatibility of subject " + subject, subject);
        ObjectNode body = json.createObjectNode().put("compatibility", level.name());
        http.put(call, "/config/" + RegistryHttp.segment(subject), body);
    }

    private static String subjectPath(String subject) {
        return "/subjects/" + RegistryHttp.segment(subject);
    }

    private ObjectNode schemaBody(Schema schema) {
        return json.createObjectNode().put("schema", schema.toString());
    }

    private RegisteredSchema registered(
            String subject, JsonNode answer, Call call, Schema knownSchema) {
        int id = requiredInt(answer, "id", call);
        int version = requiredInt(answer, "version", call);
        Schema schema = knownSchema != null ? knownSchema : parseSchema(answer, call);
        schemasById.putIfAbsent(id, schema);
        JsonNode subjectNode = answer.get("subject");
        String actualSubject = subjectNode != null ? subjectNode.asText() : subject;
        return new RegisteredSchema(actualSubject, id, version, schema);
    }

    private static Schema parseSchema(JsonNode answer, Call call) {
        JsonNode type = answer == null ? null : answer.get("schemaType");
        if (type != null && !type.isNull() && !"AVRO".equalsIgnoreCase(type.asText())) {
            throw new InvalidSchemaException(
                    call.operation(), 200, RegistryException.NONE, "schema type " + type.asText());
        }
        JsonNode references = answer == null ? null : answer.get("references");
        if (references != null && references.isArray() && !references.isEmpty()) {
            throw new InvalidSchemaException(
                    call.operation(),
                    200,
                    RegistryException.NONE,
                    "schema references are unsupported");
        }
        JsonNode text = answer == null ? null : answer.get("schema");
        if (text == null || !text.isTextual()) {
            throw new InvalidSchemaException(
                    call.operation(), 200, RegistryException.NONE, "answer has no schema");
        }
        try {
            return new Schema.Parser().parse(text.asText());
        } catch (SchemaParseException e) {
            throw new InvalidSchemaException(call.operation(), "unparseable Avro schema", e);
        }
    }

    private static int requiredInt(JsonNode answer, String field, Call call) {
        JsonNode value = answer == null ? null : answer.get(field);
        if (value == null || !value.canConvertToInt()) {
            throw new RegistryException(
                    call.operation(), 200, RegistryException.NONE, "answer has no " + field);
        }
        return value.asInt();
    }

    /** GET answers say compatibilityLevel, PUT answers say compatibility: accept both. */
    private static CompatibilityLevel level(JsonNode answer, Call call) {
        JsonNode value = answer == null ? null : answer.get("compatibilityLevel");
        if (value == null) {
            value = answer == null ? null : answer.get("compatibility");
        }
        if (value == null || !value.isTextual()) {
            throw new RegistryException(
                    call.operation(), 200, RegistryException.NONE, "answer has no compatibility");
        }
        try {
            return CompatibilityLevel.valueOf(value.asText().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new RegistryException(
                    call.operation(),
                    200,
                    RegistryException.NONE,
                    "unknown compatibility " + value.asText());
        }
    }

    /** Cache key of a registration: the schema's exact JSON text, as sent to the registry. */
    private record SubjectSchema(String subject, String schemaText) {}
}
