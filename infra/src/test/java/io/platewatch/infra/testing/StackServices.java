package io.platewatch.infra.testing;

import io.platewatch.infra.stack.ServiceKind;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The servers a test class needs from {@link LocalStackExtension}. Without it the extension reads
 * the configuration parameter or system property {@code platewatch.stack.services} (comma
 * separated), else starts Kafka and the schema registry.
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface StackServices {

    /** Services to have running before the class's tests; they stay up for later classes. */
    ServiceKind[] value();
}
