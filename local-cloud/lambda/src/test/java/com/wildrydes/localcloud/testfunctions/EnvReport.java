package com.wildrydes.localcloud.testfunctions;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Reports the environment variables (and {@code prop:} system properties) it is asked about. */
public class EnvReport implements RequestHandler<List<String>, Map<String, String>> {

    @Override
    public Map<String, String> handleRequest(List<String> names, Context context) {
        Map<String, String> report = new TreeMap<>();
        for (String name : names) {
            String value = name.startsWith("prop:") ? System.getProperty(name.substring(5)) : System.getenv(name);
            report.put(name, value == null ? "<unset>" : value);
        }
        return report;
    }
}
