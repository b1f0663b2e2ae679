package com.wildrydes.workshop;

import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.sqs.SqsClient;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Java side of {@code ./workshop}: commands that use the AWS SDK, so they work against local-cloud
 * (with {@code --endpoint-url}, or AWS_ENDPOINT_URL) and against AWS alike.
 *
 * <pre>redrive --queue-url URL --function NAME [--endpoint-url URL]</pre>
 */
public final class WorkshopCommand {

    private WorkshopCommand() {
    }

    public static void main(String[] args) {
        if (args.length == 0 || !args[0].equals("redrive")) {
            usage("unknown command" + (args.length == 0 ? "" : " '" + args[0] + "'"));
        }
        Map<String, String> options = options(List.of(args).subList(1, args.length));
        String queueUrl = required(options, "--queue-url");
        String function = required(options, "--function");
        String endpoint = options.get("--endpoint-url");
        if (endpoint != null) {
            // The SDK reads the endpoint from here, as it would from the environment.
            System.setProperty("aws.endpointUrl", endpoint);
        }
        try (SqsClient sqs = SqsClient.builder().httpClient(UrlConnectionHttpClient.create()).build();
             LambdaClient lambda = LambdaClient.builder().httpClient(UrlConnectionHttpClient.create()).build()) {
            Redrive.Result result = new Redrive(sqs, lambda, System.out).run(queueUrl, function);
            System.out.printf("redrive done: %d redriven, %d failed again%n", result.redriven(), result.failed());
            System.exit(result.failed() == 0 ? 0 : 1);
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
        System.exit(2);
    }
}
