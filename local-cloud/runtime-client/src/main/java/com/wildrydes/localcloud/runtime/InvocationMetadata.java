package com.wildrydes.localcloud.runtime;

import com.amazonaws.lambda.thirdparty.com.fasterxml.jackson.databind.JsonNode;
import com.amazonaws.services.lambda.runtime.Client;
import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.serialization.factories.JacksonFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The client context and Cognito identity an invoke may carry, parsed from the JSON of
 * {@code Lambda-Runtime-Client-Context} and {@code Lambda-Runtime-Cognito-Identity}.
 */
final class InvocationMetadata {

    private InvocationMetadata() {
    }

    record Identity(String identityId, String identityPoolId) implements CognitoIdentity {

        @Override
        public String getIdentityId() {
            return identityId;
        }

        @Override
        public String getIdentityPoolId() {
            return identityPoolId;
        }
    }

    record MobileClient(String installationId, String appTitle, String appVersionName,
                        String appVersionCode, String appPackageName) implements Client {

        @Override
        public String getInstallationId() {
            return installationId;
        }

        @Override
        public String getAppTitle() {
            return appTitle;
        }

        @Override
        public String getAppVersionName() {
            return appVersionName;
        }

        @Override
        public String getAppVersionCode() {
            return appVersionCode;
        }

        @Override
        public String getAppPackageName() {
            return appPackageName;
        }
    }

    record MobileClientContext(Client client, Map<String, String> custom, Map<String, String> environment)
            implements ClientContext {

        @Override
        public Client getClient() {
            return client;
        }

        @Override
        public Map<String, String> getCustom() {
            return custom;
        }

        @Override
        public Map<String, String> getEnvironment() {
            return environment;
        }
    }

    static CognitoIdentity cognitoIdentity(String json) {
        JsonNode node = parse(json);
        return new Identity(text(node, "cognitoIdentityId"), text(node, "cognitoIdentityPoolId"));
    }

    static ClientContext clientContext(String json) {
        JsonNode node = parse(json);
        JsonNode client = node.path("client");
        Client mobileClient = client.isObject()
                ? new MobileClient(text(client, "installation_id"), text(client, "app_title"),
                text(client, "app_version_name"), text(client, "app_version_code"), text(client, "app_package_name"))
                : null;
        return new MobileClientContext(mobileClient, strings(node.path("custom")), strings(node.path("env")));
    }

    private static JsonNode parse(String json) {
        try {
            return JacksonFactory.getInstance().getMapper().readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException("the invocation's metadata is not JSON: " + json, e);
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    private static Map<String, String> strings(JsonNode node) {
        if (!node.isObject()) {
            return null;
        }
        Map<String, String> values = new LinkedHashMap<>();
        node.fields().forEachRemaining(e -> values.put(e.getKey(), e.getValue().isNull() ? null : e.getValue().asText()));
        return values;
    }
}
