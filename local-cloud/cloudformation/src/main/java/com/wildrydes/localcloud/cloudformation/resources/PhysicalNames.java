package com.wildrydes.localcloud.cloudformation.resources;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Locale;

/**
 * Names for resources a template does not name. They derive from the stack name and the logical id
 * only, so every deploy of a stack gets the same names and URLs, and logs stay readable.
 */
public final class PhysicalNames {

    private PhysicalNames() {
    }

    /** {@code <stack>-<LogicalId>}, cut to {@code maxLength}: function and role names. */
    public static String stackScoped(String stackName, String logicalId, int maxLength) {
        String name = stackName + "-" + logicalId;
        return name.length() <= maxLength ? name : name.substring(0, maxLength);
    }

    /** {@code <prefix>-<LogicalId>-<SUFFIX>}, CloudFormation's shape for generated table and parameter names. */
    public static String withSuffix(String prefix, String stackName, String logicalId, int maxLength) {
        String suffix = hash(stackName + "/" + logicalId, 12).toUpperCase(Locale.ROOT);
        String head = prefix + "-" + logicalId;
        int room = maxLength - suffix.length() - 1;
        return (head.length() <= room ? head : head.substring(0, room)) + "-" + suffix;
    }

    /** A 10-character lowercase id, like API Gateway's, stable for a stack and logical id. */
    public static String apiId(String stackName, String logicalId) {
        return hash(stackName + "/" + logicalId, 10);
    }

    /** {@code length} base-36 characters of the SHA-256 of {@code seed}. */
    public static String hash(String seed, int length) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(seed.getBytes(StandardCharsets.UTF_8));
            String base36 = new BigInteger(1, digest).toString(36);
            return base36.substring(0, length);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
