package io.platewatch.cassandra;

import static org.assertj.core.api.Assertions.assertThat;

import com.datastax.oss.driver.api.core.ConsistencyLevel;
import com.datastax.oss.driver.api.core.DriverTimeoutException;
import com.datastax.oss.driver.api.core.NoNodeAvailableException;
import com.datastax.oss.driver.api.core.servererrors.InvalidQueryException;
import com.datastax.oss.driver.api.core.servererrors.OverloadedException;
import com.datastax.oss.driver.api.core.servererrors.SyntaxError;
import com.datastax.oss.driver.api.core.servererrors.UnavailableException;
import com.datastax.oss.driver.api.core.servererrors.WriteTimeoutException;
import com.datastax.oss.driver.api.core.servererrors.WriteType;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;

class CassandraErrorsTest {

    @Test
    void outagesTimeoutsAndOverloadAreRetried() {
        assertThat(CassandraErrors.isRetryable(new NoNodeAvailableException())).isTrue();
        assertThat(CassandraErrors.isRetryable(new DriverTimeoutException("slow"))).isTrue();
        assertThat(
                        CassandraErrors.isRetryable(
                                new UnavailableException(null, ConsistencyLevel.ONE, 1, 0)))
                .isTrue();
        assertThat(
                        CassandraErrors.isRetryable(
                                new WriteTimeoutException(
                                        null, ConsistencyLevel.ONE, 0, 1, WriteType.SIMPLE)))
                .isTrue();
        assertThat(CassandraErrors.isRetryable(new OverloadedException(null))).isTrue();
    }

    @Test
    void retryabilityLooksThroughFutureWrappers() {
        assertThat(
                        CassandraErrors.isRetryable(
                                new CompletionException(new NoNodeAvailableException())))
                .isTrue();
    }

    @Test
    void syntaxErrorIsFatalAndSaysToFixTheStatement() {
        SyntaxError error = new SyntaxError(null, "line 1:0 no viable alternative");

        assertThat(CassandraErrors.isRetryable(error)).isFalse();
        assertThat(CassandraErrors.fixFor(error)).contains("not valid CQL");
    }

    @Test
    void missingTableIsFatalAndSaysToApplyTheSchema() {
        InvalidQueryException error =
                new InvalidQueryException(null, "unconfigured table reads_by_nowhere");

        assertThat(CassandraErrors.isRetryable(error)).isFalse();
        assertThat(CassandraErrors.fixFor(error)).contains("apply the CQL schema");
    }

    @Test
    void missingKeyspaceSaysToApplyTheSchemaOrFixTheName() {
        InvalidQueryException error =
                new InvalidQueryException(null, "Keyspace 'nowhere' does not exist");

        assertThat(CassandraErrors.fixFor(error)).contains("keyspace does not exist");
    }
}
