package com.wildrydes.localcloud.cloudformation.parameters;

import java.util.Optional;

/** Reads a String parameter from SSM Parameter Store; empty when it does not exist. */
@FunctionalInterface
public interface SsmLookup {

    Optional<String> value(String parameterName);
}
