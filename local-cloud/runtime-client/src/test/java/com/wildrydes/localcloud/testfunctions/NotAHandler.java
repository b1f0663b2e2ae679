package com.wildrydes.localcloud.testfunctions;

/** Implements no handler interface. */
public class NotAHandler {
}
