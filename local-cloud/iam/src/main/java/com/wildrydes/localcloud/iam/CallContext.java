package com.wildrydes.localcloud.iam;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The request context conditions are evaluated against: the global keys that hold for every call
 * a function makes. Keys are matched case-insensitively, as IAM matches them.
 */
final class CallContext {

    static final List<String> KEY_NAMES = List.of("aws:RequestedRegion", "aws:PrincipalArn", "aws:PrincipalAccount",
            "aws:PrincipalType", "aws:SecureTransport");
    static final Set<String> KEYS = KEY_NAMES.stream().map(k -> k.toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());

    private CallContext() {
    }

    /**
     * @param requestedRegion the region the call was signed for
     * @param session         the function's role session
     */
    static Map<String, String> of(String requestedRegion, RoleSession session) {
        return Map.of(
                "aws:requestedregion", requestedRegion == null ? "" : requestedRegion,
                "aws:principalarn", session.roleArn(),
                "aws:principalaccount", session.accountId(),
                "aws:principaltype", "AssumedRole",
                // the edge speaks plain HTTP on loopback
                "aws:securetransport", "false");
    }
}
