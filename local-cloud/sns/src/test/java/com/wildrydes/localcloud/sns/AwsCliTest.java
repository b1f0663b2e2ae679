package com.wildrydes.localcloud.sns;

import com.fasterxml.jackson.databind.JsonNode;
import com.wildrydes.localcloud.http.EdgeServer;
import com.wildrydes.localcloud.json.Json;
import com.wildrydes.localcloud.sqs.QueueDepth;
import com.wildrydes.localcloud.sqs.QueueInfo;
import com.wildrydes.localcloud.sqs.SqsService;
import com.wildrydes.localcloud.testing.AwsCli;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The installed AWS CLI, as a workshop participant uses it, against the edge endpoint. */
class AwsCliTest {

    private static EdgeServer edge;
    private static SqsService sqs;
    private static SnsService sns;
    private static AwsCli aws;

    @BeforeAll
    static void start() throws IOException {
        edge = EdgeServer.start("127.0.0.1", 0);
        aws = AwsCli.forEndpoint(edge.url());
        sqs = new SqsService(edge.url());
        sns = new SnsService(edge.url(), new RecordingLambda(), sqs);
        edge.register(sqs);
        edge.register(sns);
    }

    @AfterAll
    static void stop() {
        if (edge != null) {
            sns.close();
            edge.close();
        }
    }

    @Test
    void aMessagePublishedWithTheCliIsReceivedWithTheCli() throws Exception {
        String topic = sns.createTopic("cli-rides", Map.of());
        QueueInfo queue = sqs.createQueue("cli-ride-records", Map.of(), Map.of());
        sns.subscribe(topic, "sqs", queue.arn(), Map.of());

        JsonNode published = cli("sns", "publish", "--topic-arn", topic, "--subject", "Ride requested",
                "--message", "{\"RideId\":\"cli-1\"}",
                "--message-attributes", "{\"Color\":{\"DataType\":\"String\",\"StringValue\":\"Golden\"}}");
        String messageId = published.get("MessageId").asText();
        assertThat(messageId).matches("[0-9a-f-]{36}");
        assertThat(sns.topics()).filteredOn(t -> t.arn().equals(topic)).singleElement()
                .satisfies(t -> assertThat(t.published()).isEqualTo(1));

        JsonNode received = cli("sqs", "receive-message", "--queue-url", queue.url(), "--wait-time-seconds", "5",
                "--attribute-names", "All", "--message-attribute-names", "All");
        assertThat(received.get("Messages")).hasSize(1);
        JsonNode message = received.get("Messages").get(0);
        JsonNode envelope = Json.parse(message.get("Body").asText().getBytes(StandardCharsets.UTF_8));
        assertThat(envelope.get("MessageId").asText()).isEqualTo(messageId);
        assertThat(envelope.get("Message").asText()).isEqualTo("{\"RideId\":\"cli-1\"}");
        assertThat(envelope.get("Subject").asText()).isEqualTo("Ride requested");
        assertThat(envelope.at("/MessageAttributes/Color/Value").asText()).isEqualTo("Golden");
        assertThat(message.at("/Attributes/ApproximateReceiveCount").asText()).isEqualTo("1");
        assertThat(sqs.depth(queue.url())).isEqualTo(new QueueDepth(0, 1, 0));

        cli("sqs", "delete-message", "--queue-url", queue.url(), "--receipt-handle", message.get("ReceiptHandle").asText());
        assertThat(sqs.depth(queue.url()).total()).isZero();
    }

    private static JsonNode cli(String... arguments) throws IOException, InterruptedException {
        return aws.json(arguments);
    }
}
