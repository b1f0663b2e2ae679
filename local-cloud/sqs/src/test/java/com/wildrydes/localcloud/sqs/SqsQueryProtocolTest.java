package com.wildrydes.localcloud.sqs;

import com.wildrydes.localcloud.http.EdgeServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** The Query protocol (form-encoded Action, XML answers) that older SDKs and CLIs speak. */
class SqsQueryProtocolTest {

    private static final String AUTHORIZATION = "AWS4-HMAC-SHA256 Credential=test/20261127/us-east-1/sqs/aws4_request, "
            + "SignedHeaders=host;x-amz-date, Signature=0000";
    private static EdgeServer edge;
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @BeforeAll
    static void start() throws Exception {
        edge = EdgeServer.start("127.0.0.1", 0);
        edge.register(new SqsService(edge.url()));
    }

    @AfterAll
    static void stop() {
        edge.close();
    }

    private record Answer(int status, Document xml) {
        String text(String tag) {
            NodeList nodes = xml.getElementsByTagName(tag);
            return nodes.getLength() == 0 ? null : nodes.item(0).getTextContent();
        }
    }

    private static Answer post(String path, Map<String, String> params) throws Exception {
        String form = params.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpResponse<byte[]> response = HTTP.send(HttpRequest.newBuilder(URI.create(edge.url() + path))
                .header("Authorization", AUTHORIZATION)
                .header("Content-Type", "application/x-www-form-urlencoded; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofByteArray());
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        Document xml = factory.newDocumentBuilder().parse(new ByteArrayInputStream(response.body()));
        return new Answer(response.statusCode(), xml);
    }

    private static Map<String, String> params(String... pairs) {
        Map<String, String> map = new LinkedHashMap<>();
        map.put("Version", "2012-11-05");
        for (int i = 0; i < pairs.length; i += 2) {
            map.put(pairs[i], pairs[i + 1]);
        }
        return map;
    }

    @Test
    void aQueueCanBeUsedEntirelyOverTheQueryProtocol() throws Exception {
        Answer created = post("/", params("Action", "CreateQueue", "QueueName", "query-rides",
                "Attribute.1.Name", "VisibilityTimeout", "Attribute.1.Value", "12"));
        assertThat(created.status()).isEqualTo(200);
        assertThat(created.xml().getDocumentElement().getLocalName()).isEqualTo("CreateQueueResponse");
        assertThat(created.xml().getDocumentElement().getNamespaceURI()).isEqualTo(SqsQueryProtocol.NAMESPACE);
        String url = created.text("QueueUrl");
        assertThat(url).isEqualTo(edge.url() + "/000000000000/query-rides");

        Answer sent = post("/", params("Action", "SendMessage", "QueueUrl", url, "MessageBody", "<ride & unicorn>",
                "MessageAttribute.1.Name", "Color", "MessageAttribute.1.Value.DataType", "String",
                "MessageAttribute.1.Value.StringValue", "Golden"));
        assertThat(sent.text("MD5OfMessageBody")).isEqualTo(MessageDigests.ofBody("<ride & unicorn>"));
        assertThat(sent.text("MD5OfMessageAttributes")).isEqualTo(MessageDigests.ofAttributes(
                Map.of("Color", MessageAttributeValue.string("Golden"))));

        // posted to the queue's own path, naming no QueueUrl, as Query clients may
        Answer received = post("/000000000000/query-rides", params("Action", "ReceiveMessage",
                "AttributeName.1", "All", "MessageAttributeName.1", "All"));
        Element message = (Element) received.xml().getElementsByTagName("Message").item(0);
        assertThat(message).isNotNull();
        assertThat(received.text("Body")).isEqualTo("<ride & unicorn>");
        assertThat(received.text("MessageId")).isEqualTo(sent.text("MessageId"));
        assertThat(namedValues(message)).containsEntry("ApproximateReceiveCount", "1").containsKey("SentTimestamp");
        Element messageAttribute = (Element) message.getElementsByTagName("MessageAttribute").item(0);
        assertThat(messageAttribute.getElementsByTagName("Name").item(0).getTextContent()).isEqualTo("Color");
        assertThat(messageAttribute.getElementsByTagName("StringValue").item(0).getTextContent()).isEqualTo("Golden");
        assertThat(messageAttribute.getElementsByTagName("DataType").item(0).getTextContent()).isEqualTo("String");

        Answer queueAttributes = post("/", params("Action", "GetQueueAttributes", "QueueUrl", url,
                "AttributeName.1", "VisibilityTimeout", "AttributeName.2", "ApproximateNumberOfMessagesNotVisible"));
        assertThat(namedValues(queueAttributes.xml().getDocumentElement())).isEqualTo(Map.of(
                "VisibilityTimeout", "12", "ApproximateNumberOfMessagesNotVisible", "1"));

        Answer deleted = post("/", params("Action", "DeleteMessage", "QueueUrl", url, "ReceiptHandle", received.text("ReceiptHandle")));
        assertThat(deleted.status()).isEqualTo(200);
        assertThat(deleted.text("RequestId")).isNotBlank();

        Answer listed = post("/", params("Action", "ListQueues", "QueueNamePrefix", "query-r"));
        assertThat(listed.text("QueueUrl")).isEqualTo(url);
    }

    /** The {@code <Attribute><Name/><Value/></Attribute>} pairs under {@code parent}. */
    private static Map<String, String> namedValues(Element parent) {
        NodeList attributes = parent.getElementsByTagName("Attribute");
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 0; i < attributes.getLength(); i++) {
            Element attribute = (Element) attributes.item(i);
            values.put(attribute.getElementsByTagName("Name").item(0).getTextContent(),
                    attribute.getElementsByTagName("Value").item(0).getTextContent());
        }
        return values;
    }

    @Test
    void batchesUseTheQueryProtocolsEntryNames() throws Exception {
        String url = post("/", params("Action", "CreateQueue", "QueueName", "query-batch")).text("QueueUrl");
        Answer sent = post("/", params("Action", "SendMessageBatch", "QueueUrl", url,
                "SendMessageBatchRequestEntry.1.Id", "a", "SendMessageBatchRequestEntry.1.MessageBody", "one",
                "SendMessageBatchRequestEntry.2.Id", "b", "SendMessageBatchRequestEntry.2.MessageBody", "two",
                "SendMessageBatchRequestEntry.2.DelaySeconds", "1000"));

        assertThat(sent.xml().getElementsByTagName("SendMessageBatchResultEntry").getLength()).isEqualTo(1);
        assertThat(sent.xml().getElementsByTagName("BatchResultErrorEntry").getLength()).isEqualTo(1);
        assertThat(sent.text("Code")).isEqualTo("InvalidParameterValue");
    }

    @Test
    void errorsAreXmlErrorResponsesWithTheQueryCode() throws Exception {
        Answer missing = post("/", params("Action", "GetQueueUrl", "QueueName", "no-such-queue"));
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.xml().getDocumentElement().getLocalName()).isEqualTo("ErrorResponse");
        assertThat(missing.text("Type")).isEqualTo("Sender");
        assertThat(missing.text("Code")).isEqualTo("AWS.SimpleQueueService.NonExistentQueue");
        assertThat(missing.text("Message")).isEqualTo("The specified queue does not exist.");

        Answer unknown = post("/", params("Action", "AddPermission"));
        assertThat(unknown.text("Code")).isEqualTo("InvalidAction");
        assertThat(unknown.text("Message")).contains("AddPermission").contains("SendMessage");
    }
}
