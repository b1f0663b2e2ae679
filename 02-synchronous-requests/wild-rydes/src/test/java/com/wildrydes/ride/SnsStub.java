package com.wildrydes.ride;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/** What the SNS query API answers, and a reader for the form-encoded Publish requests it receives. */
final class SnsStub {

    static final String XML = "text/xml";

    static final String PUBLISHED = """
            <PublishResponse xmlns="http://sns.amazonaws.com/doc/2010-03-31/">
              <PublishResult><MessageId>567910cd-659e-55d4-8ccb-5aaf14679dc0</MessageId></PublishResult>
              <ResponseMetadata><RequestId>d74b8436-ae13-5ab4-a9ff-ce54dfea72a0</RequestId></ResponseMetadata>
            </PublishResponse>""";

    static final String AUTHORIZATION_ERROR = """
            <ErrorResponse xmlns="http://sns.amazonaws.com/doc/2010-03-31/">
              <Error><Type>Sender</Type><Code>AuthorizationError</Code>
                <Message>User is not authorized to perform: SNS:Publish</Message></Error>
              <RequestId>9f1c7a3e-2b4d-5e6f-8a9b-0c1d2e3f4a5b</RequestId>
            </ErrorResponse>""";

    private SnsStub() {
    }

    /** The request's form parameters, decoded. */
    static Map<String, String> form(String body) {
        Map<String, String> form = new HashMap<>();
        for (String pair : body.split("&")) {
            String[] nameAndValue = pair.split("=", 2);
            form.put(decode(nameAndValue[0]), nameAndValue.length == 2 ? decode(nameAndValue[1]) : "");
        }
        return form;
    }

    /** The message attributes of a Publish form: name to "DataType:StringValue". */
    static Map<String, String> messageAttributes(Map<String, String> form) {
        Map<String, String> attributes = new HashMap<>();
        for (int entry = 1; form.containsKey("MessageAttributes.entry." + entry + ".Name"); entry++) {
            String prefix = "MessageAttributes.entry." + entry + ".";
            attributes.put(form.get(prefix + "Name"),
                    form.get(prefix + "Value.DataType") + ":" + form.get(prefix + "Value.StringValue"));
        }
        return attributes;
    }

    private static String decode(String text) {
        return URLDecoder.decode(text, StandardCharsets.UTF_8);
    }
}
