package com.wildrydes.localcloud.sns.cloudformation;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads an attribute out of a Get...Attributes response document. */
final class QueryDocuments {

    private QueryDocuments() {
    }

    static String entry(String xml, String key) {
        Matcher matcher = Pattern.compile("<entry><key>" + Pattern.quote(key) + "</key><value>(.*?)</value></entry>",
                Pattern.DOTALL).matcher(xml);
        if (!matcher.find()) {
            throw new AssertionError("no attribute " + key + " in " + xml);
        }
        return matcher.group(1).replace("&quot;", "\"").replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&");
    }
}
