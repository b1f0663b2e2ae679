package com.wildrydes.systemtests;

import org.junit.jupiter.api.extension.ExtendWith;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Runs the test class against a stage deployed on a local-cloud started inside the test JVM, once for
 * the whole class. Test methods take a {@link RunningStage} parameter.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(LocalCloudExtension.class)
public @interface DeployedStage {

    /** The stage folder, e.g. {@code 00-baseline}. */
    String value();
}
