package com.wildrydes.localcloud.iam;

/** IAM's answer for one action on one resource. */
enum Decision {
    /** A statement allows it and none denies it. */
    ALLOWED,
    /** No statement allows it. */
    IMPLICITLY_DENIED,
    /** A statement denies it, whatever else allows it. */
    EXPLICITLY_DENIED
}
