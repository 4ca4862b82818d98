/**
 * Client for the Confluent Schema Registry REST API ({@link
 * io.platewatch.registry.RegistryClient}), used by the serde and by release tooling.
 *
 * <p>It speaks only the documented Confluent endpoints with content type {@code
 * application/vnd.schemaregistry.v1+json} and ignores unknown JSON fields, so it works with
 * Confluent, Apicurio ({@code /apis/ccompat/v7}), Karapace and Redpanda:
 *
 * <ul>
 *   <li>{@code POST /subjects/{s}/versions}: register (cached per subject and schema)
 *   <li>{@code POST /subjects/{s}}: lookup
 *   <li>{@code GET /schemas/ids/{id}}: schema by id (cached forever: ids are immutable)
 *   <li>{@code GET /subjects/{s}/versions[/{v}|/latest]}: versions
 *   <li>{@code POST /compatibility/subjects/{s}/versions/latest}: compatibility test
 *   <li>{@code GET|PUT /config[/{s}]}: compatibility level
 * </ul>
 *
 * <p>Connect failures, timeouts, 5xx and 429 are retried with exponential backoff (Failsafe) and
 * end as {@link io.platewatch.registry.RegistryUnavailableException}; other 4xx answers fail at
 * once as {@link io.platewatch.registry.SubjectNotFoundException}, {@link
 * io.platewatch.registry.VersionNotFoundException}, {@link
 * io.platewatch.registry.SchemaNotFoundException}, {@link
 * io.platewatch.registry.IncompatibleSchemaException}, {@link
 * io.platewatch.registry.InvalidSchemaException} or {@link
 * io.platewatch.registry.RegistryAccessDeniedException}, each with the registry's error code and
 * message.
 *
 * <p>Known limits: schema references are not supported (PlateWatch registers self-contained
 * schemas); only the first base URL is used (no fail-over between registry nodes); a 429's
 * Retry-After header is not read, the backoff applies instead.
 */
package io.platewatch.registry;
