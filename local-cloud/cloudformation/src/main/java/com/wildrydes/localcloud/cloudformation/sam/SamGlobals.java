package com.wildrydes.localcloud.cloudformation.sam;

import com.wildrydes.localcloud.cloudformation.intrinsics.Intrinsics;
import com.wildrydes.localcloud.cloudformation.intrinsics.Values;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** SAM's {@code Globals}: only the Function section, merged into every function as SAM merges it. */
final class SamGlobals {

    static final Set<String> FUNCTION_KEYS = Set.of("Handler", "Runtime", "CodeUri", "DeadLetterQueue", "Description",
            "MemorySize", "Timeout", "Environment", "Tags", "Tracing", "AutoPublishAlias", "EventInvokeConfig", "Architectures");

    private SamGlobals() {
    }

    /** The Function section; any other section, or a key SAM or local-cloud does not allow there, is refused. */
    static Map<String, Object> functionGlobals(Map<String, Object> globals) {
        for (String section : globals.keySet()) {
            if (!section.equals("Function")) {
                throw new SamException("Globals." + section + " is not supported by local-cloud; supported Globals sections: Function");
            }
        }
        Map<String, Object> function = Values.optionalMap(globals.get("Function"), "Globals.Function");
        for (String key : function.keySet()) {
            if (!FUNCTION_KEYS.contains(key)) {
                throw new SamException("Globals.Function." + key + " is not supported; supported Globals.Function properties: "
                        + String.join(", ", new TreeSet<>(FUNCTION_KEYS)));
            }
        }
        return function;
    }

    /**
     * A function's own properties over the globals: maps merge key by key, lists are joined
     * (globals first), and anything else (a scalar, an intrinsic) is replaced by the function's value.
     */
    static Map<String, Object> merge(Map<String, Object> globals, Map<String, Object> local) {
        @SuppressWarnings("unchecked")
        Map<String, Object> merged = (Map<String, Object>) mergeValue(Values.copy(globals), Values.copy(local));
        return merged;
    }

    private static Object mergeValue(Object global, Object local) {
        if (global instanceof Map<?, ?> g && local instanceof Map<?, ?> l && !Intrinsics.isFunction(g) && !Intrinsics.isFunction(l)) {
            Map<String, Object> out = new LinkedHashMap<>(Values.map(g, "Globals"));
            Values.map(l, "Properties").forEach((k, v) -> out.put(k, out.containsKey(k) ? mergeValue(out.get(k), v) : v));
            return out;
        }
        if (global instanceof List<?> g && local instanceof List<?> l) {
            List<Object> out = new ArrayList<>(g);
            out.addAll(l);
            return out;
        }
        return local;
    }
}
