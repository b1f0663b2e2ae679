package com.wildrydes.localcloud.iam;

/**
 * A resource ARN as a policy names it, matched as IAM matches it: case-sensitively, segment by
 * segment, so a wildcard in the region or account never reaches into the next segment, while one
 * in the resource part ({@code table/Rides*}, {@code function:name:*}) may span {@code :} and {@code /}.
 */
final class ArnPattern {

    /** arn, partition, service, region, account and the resource, which may itself contain colons. */
    private static final int SEGMENTS = 6;

    private final String pattern;
    private final String[] segments;
    private final boolean any;

    ArnPattern(String pattern) {
        this.pattern = pattern;
        this.any = pattern.equals("*");
        String[] split = pattern.split(":", SEGMENTS);
        this.segments = split.length == SEGMENTS ? split : null;
    }

    boolean matches(String arn) {
        return matches(arn, split(arn));
    }

    /** @param parts the ARN's segments as {@link #split} gives them, split once for every pattern it is tried against */
    boolean matches(String arn, String[] parts) {
        if (any) {
            return true;
        }
        if (segments == null) {
            return Wildcard.matches(pattern, arn);
        }
        if (parts == null) {
            return false;
        }
        for (int i = 0; i < SEGMENTS; i++) {
            if (!Wildcard.matches(segments[i], parts[i])) {
                return false;
            }
        }
        return true;
    }

    /** The six segments of an ARN, or null for something that is not one. */
    static String[] split(String arn) {
        String[] parts = arn.split(":", SEGMENTS);
        return parts.length == SEGMENTS ? parts : null;
    }

    @Override
    public String toString() {
        return pattern;
    }
}
