package com.wildrydes.localcloud.iam;

import java.util.Objects;
import java.util.Optional;

/**
 * Who is calling: a function running with its execution role, as STS names the session Lambda
 * assumes for it ({@code arn:aws:sts::<account>:assumed-role/<role-name>/<function-name>}).
 *
 * @param roleArn     e.g. {@code arn:aws:iam::000000000000:role/wild-rydes-RequestRideRole}
 * @param sessionName the function's name, which Lambda uses as the role session name
 */
public record RoleSession(String roleArn, String sessionName) {

    public RoleSession {
        Objects.requireNonNull(roleArn, "roleArn");
        Objects.requireNonNull(sessionName, "sessionName");
        if (!isRoleArn(roleArn)) {
            throw new IllegalArgumentException("not a role ARN: " + roleArn);
        }
    }

    /** The session of a function running with {@code roleArn}; empty when that is null or not a role's ARN. */
    public static Optional<RoleSession> of(String roleArn, String functionName) {
        return roleArn != null && isRoleArn(roleArn) && functionName != null
                ? Optional.of(new RoleSession(roleArn, functionName)) : Optional.empty();
    }

    private static boolean isRoleArn(String arn) {
        String[] segments = arn.split(":", 6);
        return segments.length == 6 && segments[0].equals("arn") && segments[2].equals("iam") && segments[5].startsWith("role/");
    }

    /** The role's name: the last segment of its path ({@code role/service/name} names {@code name}). */
    public String roleName() {
        return roleArn.substring(roleArn.lastIndexOf('/') + 1);
    }

    public String accountId() {
        return roleArn.split(":", 6)[4];
    }

    /** The caller as AWS's error messages name it. */
    public String assumedRoleArn() {
        return "arn:aws:sts::" + accountId() + ":assumed-role/" + roleName() + "/" + sessionName;
    }
}
