package com.wildrydes.workshop;

import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.sqs.SqsClient;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The Java side of {@code ./workshop}: commands that use the AWS SDK, so they work against local-cloud
 * (with {@code --endpoint-url}, or AWS_ENDPOINT_URL) and against AWS alike.
 *
 * <pre>
 * redrive --queue-url URL --function NAME [--endpoint-url URL]
 * load --url RIDE_URL [--rate N] [--duration SECONDS] [--warmup SECONDS] [--record-table NAME --endpoint-url URL]
 *      [--grace SECONDS]
 * </pre>
 */
public final class WorkshopCommand {

    private WorkshopCommand() {
    }

    public static void main(String[] args) throws InterruptedException {
        String command = args.length == 0 ? "" : args[0];
        Map<String, String> options = options(List.of(args).subList(Math.min(1, args.length), args.length));
        switch (command) {
            case "redrive" -> redrive(options);
            case "load" -> load(options);
            default -> usage("unknown command" + (command.isEmpty() ? "" : " '" + command + "'")
                    + "; the commands are redrive and load");
        }
    }

    private static void load(Map<String, String> options) throws InterruptedException {
        LoadSettings settings;
        try {
            settings = LoadSettings.from(options);
        } catch (IllegalArgumentException e) {
            usage(e.getMessage());
            return;
        }
        useEndpoint(options);
        Optional<DynamoDbClient> dynamodb = settings.recordTable()
                .map(table -> DynamoDbClient.builder().httpClient(UrlConnectionHttpClient.create()).build());
        try {
            Optional<Load.RideStore> store = dynamodb.map(client -> new DynamoDbRideStore(client, settings.recordTable().get()));
            Load.Report report = new Load(settings, store, System.out).run();
            System.out.println(report.describe());
            boolean clean = report.created() == report.sent() && report.lost().orElse(0L) == 0;
            System.exit(clean ? 0 : 1);
        } finally {
            dynamodb.ifPresent(DynamoDbClient::close);
        }
    }

    private static void redrive(Map<String, String> options) {
        String queueUrl = required(options, "--queue-url");
        String function = required(options, "--function");
        useEndpoint(options);
        try (SqsClient sqs = SqsClient.builder().httpClient(UrlConnectionHttpClient.create()).build();
             LambdaClient lambda = LambdaClient.builder().httpClient(UrlConnectionHttpClient.create()).build()) {
            Redrive.Result result = new Redrive(sqs, lambda, System.out).run(queueUrl, function);
            System.out.printf("redrive done: %d redriven, %d failed again%n", result.redriven(), result.failed());
            System.exit(result.failed() == 0 ? 0 : 1);
        }
    }

    private static void useEndpoint(Map<String, String> options) {
        String endpoint = options.get("--endpoint-url");
        if (endpoint != null) {
            // The SDK reads the endpoint from here, as it would from the environment.
            System.setProperty("aws.endpointUrl", endpoint);
        }
    }

    private static Map<String, String> options(List<String> arguments) {
        Map<String, String> options = new LinkedHashMap<>();
        List<String> rest = new ArrayList<>(arguments);
        while (!rest.isEmpty()) {
            String flag = rest.removeFirst();
            if (!flag.startsWith("--") || rest.isEmpty()) {
                usage("expected --option value, got '" + flag + "'");
            }
            options.put(flag, rest.removeFirst());
        }
        return options;
    }

    private static String required(Map<String, String> options, String flag) {
        String value = options.get(flag);
        if (value == null) {
            usage("redrive needs " + flag);
        }
        return value;
    }

    private static void usage(String problem) {
        System.err.println("workshop: " + problem);
        System.err.println("usage: redrive --queue-url URL --function NAME [--endpoint-url URL]");
        System.err.println("       load --url RIDE_URL [--rate N (1-" + LoadSettings.MAX_RATE + ", default "
                + LoadSettings.DEFAULT_RATE + ")] [--duration SECONDS (1-" + LoadSettings.MAX_DURATION.toSeconds()
                + ", default " + LoadSettings.DEFAULT_DURATION.toSeconds() + ")] [--warmup SECONDS (0-"
                + LoadSettings.MAX_WARMUP.toSeconds() + ", default " + LoadSettings.DEFAULT_WARMUP.toSeconds() + ")]");
        System.err.println("            [--record-table NAME --endpoint-url URL] [--grace SECONDS (default "
                + LoadSettings.DEFAULT_GRACE.toSeconds() + ")]   127.0.0.1/localhost only");
        System.exit(2);
    }
}
