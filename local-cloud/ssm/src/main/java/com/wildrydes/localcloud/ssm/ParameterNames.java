package com.wildrydes.localcloud.ssm;

import com.wildrydes.localcloud.http.AwsServiceException;

import java.util.Locale;
import java.util.regex.Pattern;

/** Parameter Store's rules for names and paths, with AWS's messages. */
final class ParameterNames {

    /** A hierarchy may be at most this many levels deep. */
    static final int MAX_LEVELS = 15;

    private static final Pattern ALLOWED = Pattern.compile("[a-zA-Z0-9_.\\-]+(/[a-zA-Z0-9_.\\-]+)*");
    private static final String INVALID = "Parameter name: can't be prefixed with \"aws\" or \"ssm\" (case-insensitive). "
            + "If formed as a path, it can consist of sub-paths divided by slash symbol; each sub-path can be formed as a mix "
            + "of letters, numbers and the following 3 symbols .-_";
    private static final String INVALID_PATH = "The parameter doesn't meet the parameter name requirements. The parameter name "
            + "must begin with a forward slash \"/\". It can't be prefixed with \"aws\" or \"ssm\" (case-insensitive). It must use "
            + "only letters, numbers, or the following symbols: . (period), - (hyphen), _ (underscore). Special characters are "
            + "not allowed. All sub-paths, if specified, must use the forward slash symbol \"/\". Valid example: "
            + "/get/parameters2-/by1./path0_.";

    private ParameterNames() {
    }

    /** Checks a name given to PutParameter. */
    static String validForPut(String name) {
        if (name.isEmpty()) {
            throw SsmErrors.constraint(name, "name", "Member must have length greater than or equal to 1");
        }
        if (name.length() > 2048) {
            throw SsmErrors.constraint(name, "name", "Member must have length less than or equal to 2048");
        }
        String bare = name.startsWith("/") ? name.substring(1) : name;
        String lower = bare.toLowerCase(Locale.ROOT);
        if (name.startsWith("/") && (lower.startsWith("aws/") || lower.startsWith("ssm/"))) {
            throw AwsServiceException.badRequest("AccessDeniedException", "No access to reserved parameter name: " + name + ".");
        }
        if (lower.startsWith("aws") || lower.startsWith("ssm")) {
            throw SsmErrors.validation("Parameter name: can't be prefixed with \"aws\" or \"ssm\" (case-insensitive).");
        }
        if (!name.startsWith("/") && name.contains("/")) {
            throw SsmErrors.validation("Parameter name must be a fully qualified name.");
        }
        if (!ALLOWED.matcher(bare).matches()) {
            throw SsmErrors.validation(INVALID);
        }
        if (bare.split("/").length > MAX_LEVELS) {
            throw AwsServiceException.badRequest("HierarchyLevelLimitExceededException",
                    "A hierarchy can have a maximum of " + MAX_LEVELS + " levels. Reduce the number of levels in " + name + ".");
        }
        return name;
    }

    /** Checks a GetParametersByPath path and returns it without a trailing slash ({@code /} stays {@code /}). */
    static String validPath(String path) {
        if (!path.startsWith("/")) {
            throw SsmErrors.validation(INVALID_PATH);
        }
        String trimmed = path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        if (!trimmed.equals("/") && !ALLOWED.matcher(trimmed.substring(1)).matches()) {
            throw SsmErrors.validation(INVALID_PATH);
        }
        return trimmed;
    }

    /**
     * Whether {@code name} lies under {@code path}: one level below it, or any depth when recursive. Names without a
     * leading slash sit at the root.
     */
    static boolean isUnder(String name, String path, boolean recursive) {
        String absolute = name.startsWith("/") ? name : "/" + name;
        String prefix = path.equals("/") ? "/" : path + "/";
        if (!absolute.startsWith(prefix) || absolute.length() == prefix.length()) {
            return false;
        }
        return recursive || absolute.indexOf('/', prefix.length()) < 0;
    }
}
