package com.wildrydes.localcloud.iam;

/**
 * IAM's glob: {@code *} matches any run of characters (none included) and {@code ?} exactly one.
 * Everything else is literal, so a pattern never needs escaping the way a regular expression would.
 */
final class Wildcard {

    private Wildcard() {
    }

    /** Whether {@code text} matches {@code pattern}, compared exactly (callers lower-case both for case-insensitive use). */
    static boolean matches(String pattern, String text) {
        int p = 0;
        int t = 0;
        int starAt = -1;
        int textAtStar = 0;
        while (t < text.length()) {
            if (p < pattern.length() && (pattern.charAt(p) == '?' || pattern.charAt(p) == text.charAt(t))) {
                p++;
                t++;
            } else if (p < pattern.length() && pattern.charAt(p) == '*') {
                starAt = p++;
                textAtStar = t;
            } else if (starAt >= 0) {
                // the last star swallows one more character and matching resumes after it
                p = starAt + 1;
                t = ++textAtStar;
            } else {
                return false;
            }
        }
        while (p < pattern.length() && pattern.charAt(p) == '*') {
            p++;
        }
        return p == pattern.length();
    }

    static boolean hasWildcard(String pattern) {
        return pattern.indexOf('*') >= 0 || pattern.indexOf('?') >= 0;
    }
}
