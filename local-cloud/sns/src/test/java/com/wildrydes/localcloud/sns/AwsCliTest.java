package com.wildrydes.localcloud.sns;

import com.fasterxml.jackson.databind.JsonNode;
import com.wildrydes.localcloud.http.EdgeServer;
import com.wildrydes.localcloud.json.Json;
import com.wildrydes.localcloud.sqs.QueueDepth;
import com.wildrydes.localcloud.sqs.QueueInfo;
import com.wildrydes.localcloud.sqs.SqsService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The installed AWS CLI, as a workshop participant uses it, against the edge endpoint. */
class AwsCliTest {

    private static EdgeServer edge;
    private static SqsService sqs;
    private static SnsService sns;
    private static Path aws;

    @TempDir
    static Path home;

    @BeforeAll
    static void start() throws IOException {
        aws = findOnPath("aws").orElse(null);
        if (aws == null) {
            String reason = "the AWS CLI (aws) is not on PATH";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                throw new IllegalStateException(reason + "; CI must provide it");
            }
            System.out.println("Skipping AWS CLI tests: " + reason);
            Assumptions.abort(reason);
        }
        edge = EdgeServer.start("127.0.0.1", 0);
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

    /** Runs {@code aws --endpoint-url <edge> --region us-east-1 ...} with test credentials and JSON output. */
    private static JsonNode cli(String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(aws.toString(), "--endpoint-url", edge.url(), "--region", "us-east-1",
                "--output", "json"));
        command.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(false);
        Map<String, String> environment = builder.environment();
        environment.keySet().removeIf(name -> name.startsWith("AWS_"));
        environment.put("AWS_ACCESS_KEY_ID", "test");
        environment.put("AWS_SECRET_ACCESS_KEY", "test");
        // no user configuration or credentials file may change what the CLI sends
        environment.put("AWS_CONFIG_FILE", home.resolve("config").toString());
        environment.put("AWS_SHARED_CREDENTIALS_FILE", home.resolve("credentials").toString());
        Path stdout = Files.createTempFile(home, "stdout", ".json");
        Path stderr = Files.createTempFile(home, "stderr", ".txt");
        Process process = builder.redirectOutput(stdout.toFile()).redirectError(stderr.toFile()).start();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("aws " + String.join(" ", arguments) + " did not finish within 60 s");
        }
        String output = Files.readString(stdout);
        assertThat(process.exitValue()).as("aws %s failed: %s", String.join(" ", arguments), Files.readString(stderr)).isZero();
        return Json.parse(output.getBytes(StandardCharsets.UTF_8));
    }

    private static Optional<Path> findOnPath(String name) {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        for (String directory : path.split(File.pathSeparator)) {
            Path candidate = Path.of(directory, name);
            if (Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }
}
