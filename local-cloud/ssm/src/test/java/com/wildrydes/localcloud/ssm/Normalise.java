package com.wildrydes.localcloud.ssm;

import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.ssm.model.Parameter;
import software.amazon.awssdk.services.ssm.model.ParameterMetadata;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * The one place where the conformance test evens out differences that are not behaviour: account ids,
 * timestamps, ciphertexts and unordered results, plus the places where moto_server differs from AWS.
 * For those local-cloud follows AWS, and each is listed here with the reason.
 *
 * <p>Known moto differences that are therefore left out of the conformance test (covered by
 * {@link SsmSdkTest} and {@link ParameterNamesTest} instead):
 * <ul>
 *   <li>moto accepts names AWS refuses: spaces and other symbols, and paths without a leading slash ({@code a/b}).</li>
 *   <li>moto answers GetParametersByPath for a path without a leading slash with no parameters; AWS refuses the path.</li>
 *   <li>moto ignores DescribeParameters' MaxResults; AWS pages.</li>
 *   <li>moto stores Standard-tier values over 4096 characters; AWS refuses them.</li>
 * </ul>
 */
final class Normalise {

    private Normalise() {
    }

    /**
     * A parameter without its modification time; an undecrypted SecureString value is ciphertext on AWS,
     * moto shows {@code kms:<key>:<value>}, local-cloud an opaque token: none of them is the value, so none is compared.
     */
    static Map<String, Object> parameter(Parameter p, boolean decrypted) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("name", p.name());
        view.put("type", p.typeAsString());
        view.put("value", p.typeAsString().equals("SecureString") && !decrypted ? "<ciphertext>" : p.value());
        view.put("version", p.version());
        view.put("arn", arn(p.arn()));
        view.put("dataType", p.dataType());
        // Selector is left out: AWS echoes ":1" for name:1, moto leaves it out
        return view;
    }

    /** Parameter metadata without timestamps and the user who changed it (moto says "N/A", AWS names an IAM identity). */
    static Map<String, Object> metadata(ParameterMetadata p) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("name", p.name());
        view.put("type", p.typeAsString());
        view.put("keyId", p.keyId());
        view.put("description", p.description());
        view.put("version", p.version());
        view.put("tier", p.tierAsString());
        view.put("dataType", p.dataType());
        return view;
    }

    /** Parameters of one listing in name order: AWS documents no order for GetParameters or GetParametersByPath. */
    static List<Map<String, Object>> byName(List<Parameter> parameters, boolean decrypted) {
        List<Map<String, Object>> views = new ArrayList<>();
        parameters.stream().sorted(Comparator.comparing(Parameter::name)).forEach(p -> views.add(parameter(p, decrypted)));
        return views;
    }

    /** moto repeats a missing name as often as it was asked for; AWS lists each once. */
    static List<String> invalidParameters(List<String> names) {
        return new ArrayList<>(new LinkedHashSet<>(names));
    }

    static String arn(String arn) {
        return arn.replaceAll(":\\d{12}:", ":<account>:");
    }

    /** An error as the SDK shows it: exception class, error code and message. */
    static List<String> error(AwsServiceException e) {
        return List.of(e.getClass().getSimpleName(), String.valueOf(e.awsErrorDetails().errorCode()),
                String.valueOf(e.awsErrorDetails().errorMessage()));
    }
}
