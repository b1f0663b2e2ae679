package com.wildrydes.localcloud.cloudformation;

/**
 * A stack's state after a deploy; deploys run to completion before they return, so the
 * in-progress states never show. A create that fails leaves no stack behind.
 */
public enum StackStatus {
    CREATE_COMPLETE,
    UPDATE_COMPLETE,
    /** An update failed and every change it made was undone. */
    UPDATE_ROLLBACK_COMPLETE
}
