package com.wildrydes.localcloud.sns.cloudformation;

import com.wildrydes.localcloud.http.AwsRequest;
import com.wildrydes.localcloud.http.AwsResponse;
import com.wildrydes.localcloud.http.AwsServiceException;
import com.wildrydes.localcloud.sns.SnsService;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/**
 * Runs SNS Query actions in-process, for the changes {@link SnsService}'s plain methods do not offer
 * (a topic's DisplayName, a subscription's filter policy), so they go through the same checks as a
 * client's call.
 */
final class SnsActions {

    private final SnsService sns;

    SnsActions(SnsService sns) {
        this.sns = sns;
    }

    /**
     * Runs an action; returns the response document.
     *
     * @throws AwsServiceException with SNS's error code and message when SNS refuses it
     */
    String run(String action, Map<String, String> parameters) {
        StringJoiner form = new StringJoiner("&");
        form.add("Action=" + encode(action));
        parameters.forEach((name, value) -> form.add(encode(name) + "=" + encode(value)));
        AwsResponse response = sns.handle(new AwsRequest("sns", "us-east-1", null, "POST", "/", null,
                Map.of("content-type", List.of("application/x-www-form-urlencoded")),
                form.toString().getBytes(StandardCharsets.UTF_8)));
        if (response.status() != 200) {
            Document error = parse(response.body());
            throw new AwsServiceException(response.status(), text(error, "Code"), text(error, "Message"));
        }
        return response.bodyText();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static Document parse(byte[] xml) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
        } catch (ParserConfigurationException | SAXException | IOException e) {
            throw new IllegalStateException("SNS answered with a document that is not XML", e);
        }
    }

    private static String text(Document document, String element) {
        NodeList nodes = document.getElementsByTagName(element);
        return nodes.getLength() == 0 ? "" : nodes.item(0).getTextContent();
    }
}
