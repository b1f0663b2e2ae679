package com.wildrydes.localcloud.console;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.wildrydes.localcloud.LocalCloud;
import com.wildrydes.localcloud.json.Json;

import java.util.Optional;

/**
 * What the rider page needs to know when local-cloud serves it ({@code rider/config.json}): the URL of
 * the running stage's POST /ride and where traces are. Served from anywhere else the page has no such
 * file and asks the rider for the API URL.
 */
final class RiderConfig {

    /** The stack that takes rides, in every stage. */
    static final String RIDE_STACK = "wild-rydes";
    /** Its output holding the POST /ride URL. */
    static final String RIDE_URL_OUTPUT = "RideApiUrl";

    private RiderConfig() {
    }

    static ObjectNode of(LocalCloud cloud) {
        ObjectNode config = Json.object();
        rideUrl(cloud).ifPresentOrElse(url -> config.put("apiUrl", url), () -> config.putNull("apiUrl"));
        config.put("tracesUrl", Console.PATH + "traces/");
        config.put("consoleUrl", Console.PATH);
        return config;
    }

    /** The stack's output, or its API's base URL with /ride for a template that has no such output. */
    static Optional<String> rideUrl(LocalCloud cloud) {
        return cloud.stack(RIDE_STACK)
                .flatMap(stack -> stack.output(RIDE_URL_OUTPUT))
                // An output still on https names an API on AWS, which local-cloud did not rewrite: not this one.
                .filter(url -> url.startsWith("http://"))
                .or(() -> cloud.apiUrl(RIDE_STACK).map(base -> base + "/ride"));
    }
}
