package com.wildrydes.localcloud;

import java.nio.file.Path;
import java.util.Set;

/**
 * One service of a stage, as far as deploy order goes: the SSM parameters its stack publishes and
 * the ones its template reads through {@code AWS::SSM::Parameter::Value<...>} parameters.
 *
 * @param stackName the service's folder name, which is also its stack name
 */
public record StageService(String stackName, Path template, Set<String> publishes, Set<String> reads) {
}
