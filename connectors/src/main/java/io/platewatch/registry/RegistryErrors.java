package io.platewatch.registry;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Turns a failed registry answer into the exception that names the problem. The error code in the
 * body decides when the registry sends one; registries that leave it out (or send only a status)
 * are read by HTTP status and by what the call was about.
 */
final class RegistryErrors {

    static final int SUBJECT_NOT_FOUND = 40401;
    static final int VERSION_NOT_FOUND = 40402;
    static final int SCHEMA_NOT_FOUND = 40403;
    static final int INVALID_SCHEMA = 42201;

    private RegistryErrors() {}

    /**
     * What a call was about, to read its errors.
     *
     * @param operation what the call does, for messages ("register under subject x")
     * @param subject subject of the call, or null
     * @param schemaId schema id of the call, or {@link RegistryException#NONE}
     */
    record Call(String operation, String subject, int schemaId) {
        static Call onSubject(String operation, String subject) {
            return new Call(operation, subject, RegistryException.NONE);
        }

        static Call onSchemaId(String operation, int schemaId) {
            return new Call(operation, null, schemaId);
        }

        static Call global(String operation) {
            return new Call(operation, null, RegistryException.NONE);
        }
    }

    static boolean isTransientStatus(int status) {
        return status == 429 || status >= 500;
    }

    static RegistryException toException(Call call, int status, JsonNode body) {
        int code = errorCode(body);
        String message = message(body);
        if (isTransientStatus(status)) {
            return new RegistryUnavailableException(call.operation(), status, code, message);
        }
        return switch (status) {
            case 404 -> notFound(call, status, code, message);
            case 409 -> new IncompatibleSchemaException(call.operation(), status, code, message);
            case 422 -> unprocessable(call, status, code, message);
            case 401, 403 ->
                    new RegistryAccessDeniedException(call.operation(), status, code, message);
            default -> new RegistryException(call.operation(), status, code, message);
        };
    }

    private static RegistryException notFound(Call call, int status, int code, String message) {
        String op = call.operation();
        if (code == SUBJECT_NOT_FOUND) {
            return new SubjectNotFoundException(op, call.subject(), status, code, message);
        }
        if (code == VERSION_NOT_FOUND) {
            return new VersionNotFoundException(op, status, code, message);
        }
        if (code == SCHEMA_NOT_FOUND || call.schemaId() != RegistryException.NONE) {
            return new SchemaNotFoundException(op, call.schemaId(), status, code, message);
        }
        if (call.subject() != null) {
            return new SubjectNotFoundException(op, call.subject(), status, code, message);
        }
        return new RegistryException(op, status, code, message);
    }

    /** 422 also covers an invalid version or compatibility level, which are not schema faults. */
    private static RegistryException unprocessable(
            Call call, int status, int code, String message) {
        if (code == INVALID_SCHEMA || code == RegistryException.NONE || code == 422) {
            return new InvalidSchemaException(call.operation(), status, code, message);
        }
        return new RegistryException(call.operation(), status, code, message);
    }

    private static int errorCode(JsonNode body) {
        JsonNode code = body == null ? null : body.get("error_code");
        return code != null && code.canConvertToInt() ? code.asInt() : RegistryException.NONE;
    }

    private static String message(JsonNode body) {
        JsonNode message = body == null ? null : body.get("message");
        return message != null && message.isTextual() ? message.asText() : "";
    }
}
