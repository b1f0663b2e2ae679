package com.wildrydes.localcloud.cloudformation.fakes;

import com.wildrydes.localcloud.json.Json;
import com.wildrydes.localcloud.cloudformation.CloudFormation;
import com.wildrydes.localcloud.cloudformation.CloudFormationContext;
import com.wildrydes.localcloud.http.EdgeServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The CloudFormation engine wired to in-memory fakes of the services it provisions through, with
 * its response handler on a real edge endpoint, so custom resources answer over HTTP.
 */
public final class LocalCloud implements AutoCloseable {

    /** Every service call the engine made, in order, as "service:operation name". */
    public final List<String> journal = new CopyOnWriteArrayList<>();
    public final EdgeServer edge;
    public final FakeLambda lambda = new FakeLambda(journal);
    public final FakeApiGateway apiGateway;
    public final FakeDynamoDb dynamodb = new FakeDynamoDb(journal);
    public final FakeSsm ssm = new FakeSsm(journal);
    public final CustomResourceFunction customResources = new CustomResourceFunction();
    public final CloudFormation cloudFormation;

    public LocalCloud() {
        this(Duration.ofSeconds(10));
    }

    public LocalCloud(Duration customResourceTimeout) {
        try {
            edge = EdgeServer.start("127.0.0.1", 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        apiGateway = new FakeApiGateway(edge::url, journal);
        cloudFormation = new CloudFormation(CloudFormationContext.builder()
                .edgeUrl(edge::url)
                .lambda(lambda)
                .apiGateway(apiGateway)
                .dynamodb(dynamodb)
                .ssm(ssm)
                .customResourceTimeout(customResourceTimeout)
                .build());
        edge.route(CloudFormation.RESPONSE_PATH_PREFIX, cloudFormation.responseHandler());
        lambda.onInvokeAsync((function, payload) -> {
            try {
                var event = Json.parse(payload);
                journal.add("custom:" + event.path("RequestType").asText() + " " + event.path("LogicalResourceId").asText());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            customResources.accept(function, payload);
        });
    }

    /** Writes {@code template.yaml} into {@code folder} with a built artifact at {@code target/app.jar}. */
    public static Path template(Path folder, String yaml) {
        try {
            Files.createDirectories(folder.resolve("target"));
            Path jar = folder.resolve("target/app.jar");
            if (!Files.exists(jar)) {
                Files.writeString(jar, "a function artifact");
            }
            return Files.writeString(folder.resolve("template.yaml"), yaml, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        edge.close();
    }
}
