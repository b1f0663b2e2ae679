package com.wildrydes.ride;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.function.UnaryOperator;

/**
 * Where the neighbours live, from the function's environment (the template fills it from SSM parameters).
 * Read once, at start-up, so that a misconfigured function fails its first start with a message naming the
 * variable instead of failing every ride.
 */
record Configuration(URI requestUnicornUrl, URI rideRecordUrl) {

    static final String REQUEST_UNICORN_URL = "REQUEST_UNICORN_URL";
    static final String RIDE_RECORD_URL = "RIDE_RECORD_URL";

    /**
     * @throws IllegalStateException naming the variable that is missing or not an http(s) URL
     */
    static Configuration fromEnvironment(UnaryOperator<String> environment) {
        return new Configuration(
                url(environment, REQUEST_UNICORN_URL, "the fleet's GET /unicorn endpoint"),
                url(environment, RIDE_RECORD_URL, "the ride record service's POST /record endpoint"));
    }

    private static URI url(UnaryOperator<String> environment, String variable, String purpose) {
        String value = environment.apply(variable);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("Environment variable " + variable + " is not set; it must hold the"
                    + " full URL of " + purpose + ", e.g. https://abc123.execute-api.us-east-1.amazonaws.com/Prod/...");
        }
        try {
            URI uri = new URI(value.strip());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null) {
                return uri;
            }
        } catch (URISyntaxException e) {
            // Reported below, with the variable's name.
        }
        throw new IllegalStateException("Environment variable " + variable + " must be an http or https URL of "
                + purpose + ", got '" + value + "'");
    }
}
