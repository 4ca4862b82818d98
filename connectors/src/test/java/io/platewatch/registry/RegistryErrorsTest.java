package io.platewatch.registry;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.platewatch.registry.RegistryErrors.Call;
import org.junit.jupiter.api.Test;

class RegistryErrorsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Call ON_SUBJECT = Call.onSubject("list versions of subject s", "s");
    private static final Call ON_ID = Call.onSchemaId("get schema id 12", 12);

    @Test
    void subjectNotFoundCodeGivesSubjectNotFound() throws Exception {
        RegistryException e =
                RegistryErrors.toException(ON_SUBJECT, 404, body(40401, "Subject 's' not found."));

        assertThat(e).isInstanceOf(SubjectNotFoundException.class);
        assertThat(((SubjectNotFoundException) e).subject()).isEqualTo("s");
        assertThat(e.errorCode()).isEqualTo(40401);
        assertThat(e.getMessage())
                .isEqualTo(
                        "list versions of subject s: HTTP 404, registry error 40401: Subject 's'"
                                + " not found.");
    }

    @Test
    void notFoundWithoutCodeOnAnIdCallGivesSchemaNotFoundWithTheId() {
        RegistryException e = RegistryErrors.toException(ON_ID, 404, null);

        assertThat(e)
                .isInstanceOfSatisfying(
                        SchemaNotFoundException.class, s -> assertThat(s.schemaId()).isEqualTo(12));
    }

    @Test
    void versionNotFoundCodeGivesVersionNotFound() throws Exception {
        assertThat(RegistryErrors.toException(ON_SUBJECT, 404, body(40402, "Version not found")))
                .isInstanceOf(VersionNotFoundException.class);
    }

    @Test
    void conflictGivesIncompatible() throws Exception {
        assertThat(RegistryErrors.toException(ON_SUBJECT, 409, body(409, "incompatible")))
                .isInstanceOf(IncompatibleSchemaException.class)
                .hasFieldOrPropertyWithValue("httpStatus", 409);
    }

    @Test
    void invalidSchemaCodeGivesInvalidSchema() throws Exception {
        assertThat(RegistryErrors.toException(ON_SUBJECT, 422, body(42201, "Invalid schema")))
                .isInstanceOf(InvalidSchemaException.class);
    }

    @Test
    void invalidCompatibilityLevelIsNotAnInvalidSchema() throws Exception {
        RegistryException e =
                RegistryErrors.toException(ON_SUBJECT, 422, body(42203, "Invalid level"));

        assertThat(e).isExactlyInstanceOf(RegistryException.class);
    }

    @Test
    void unauthorisedGivesAccessDenied() {
        assertThat(RegistryErrors.toException(ON_SUBJECT, 401, null))
                .isInstanceOf(RegistryAccessDeniedException.class);
    }

    @Test
    void serverErrorsAndThrottlingGiveUnavailable() throws Exception {
        assertThat(RegistryErrors.toException(ON_SUBJECT, 503, null))
                .isInstanceOf(RegistryUnavailableException.class);
        assertThat(RegistryErrors.toException(ON_SUBJECT, 429, body(42901, "slow down")))
                .isInstanceOf(RegistryUnavailableException.class);
    }

    @Test
    void longRegistryMessagesAreCut() throws Exception {
        RegistryException e =
                RegistryErrors.toException(ON_SUBJECT, 422, body(42201, "x".repeat(5_000)));

        assertThat(e.registryMessage()).hasSize(303).endsWith("...");
    }

    private static JsonNode body(int code, String message) throws Exception {
        return JSON.createObjectNode().put("error_code", code).put("message", message);
    }
}
