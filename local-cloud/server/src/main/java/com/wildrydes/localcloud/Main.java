package com.wildrydes.localcloud;

import com.wildrydes.localcloud.cloudformation.Stack;
import com.wildrydes.localcloud.console.Console;

import com.wildrydes.localcloud.lambda.LambdaOptions;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * local-cloud's command line: {@code up <stage-folder> [--port N] [--bind HOST] [--data-dir DIR] [--max-instances N]}.
 * It deploys the stage, prints where everything is, and runs until interrupted; the shutdown hook
 * then stops every function JVM.
 */
public final class Main {

    static {
        // One line per event, like a CloudFormation event stream: "stack: CREATE_COMPLETE Resource (Type) id".
        System.setProperty("java.util.logging.SimpleFormatter.format", "%4$.4s %5$s%6$s%n");
    }

    private Main() {
    }

    public static void main(String[] args) throws Exception {
        List<String> arguments = new ArrayList<>(List.of(args));
        if (arguments.isEmpty() || !arguments.getFirst().equals("up") || arguments.size() < 2) {
            System.err.println("usage: local-cloud up <stage-folder> [--port N] [--bind HOST] [--data-dir DIR] [--max-instances N]");
            System.exit(2);
        }
        Path stageDir = Path.of(arguments.get(1)).toAbsolutePath().normalize();
        LocalCloudOptions options = LocalCloudOptions.ephemeral().withPort(LocalCloudOptions.DEFAULT_PORT);
        LambdaOptions lambdaOptions = LambdaOptions.defaults();
        for (int i = 2; i < arguments.size(); i++) {
            String flag = arguments.get(i);
            switch (flag) {
                case "--port" -> options = options.withPort(Integer.parseInt(value(arguments, ++i, flag)));
                case "--bind" -> options = options.withBindHost(value(arguments, ++i, flag));
                case "--data-dir" -> options = options.withDataDir(Path.of(value(arguments, ++i, flag)).toAbsolutePath());
                case "--max-instances" -> lambdaOptions = lambdaOptions.withMaxInstancesPerFunction(
                        instances(value(arguments, ++i, flag)));
                case "--no-build" -> { /* handled by ./workshop */ }
                default -> fail("unknown option " + flag
                        + "; options: --port N, --bind HOST, --data-dir DIR, --max-instances N");
            }
        }
        if (!Files.isDirectory(stageDir)) {
            fail("no stage folder at " + stageDir);
        }

        long started = System.nanoTime();
        LocalCloud cloud = LocalCloud.start(options, lambdaOptions);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("local-cloud stopping: every function JVM is shut down");
            cloud.close();
            stopped.countDown();
        }, "local-cloud-shutdown"));

        System.out.println("local-cloud endpoint: " + cloud.endpoint()
                + "   (AWS_ENDPOINT_URL, or aws --endpoint-url; any credentials, region us-east-1)");
        List<Stack> stacks;
        try {
            stacks = cloud.deployStage(stageDir, stack -> System.out.println("deployed stack " + stack.name()));
        } catch (RuntimeException e) {
            System.err.println("local-cloud: deploying " + stageDir.getFileName() + " failed: " + e.getMessage());
            System.exit(1);
            return;
        }
        for (Stack stack : stacks) {
            cloud.apiUrl(stack.name()).ifPresent(url -> System.out.println("stack " + stack.name() + " API: " + url));
        }
        System.out.println("console: " + cloud.consoleUrl());
        System.out.println("rider page: " + cloud.endpoint() + Console.RIDER_PATH);
        System.out.printf("local-cloud ready: %s, %d stacks, in %.1f s (Ctrl-C stops)%n",
                stageDir.getFileName(), stacks.size(), (System.nanoTime() - started) / 1e9);
        stopped.await();
    }

    private static int instances(String value) {
        try {
            int n = Integer.parseInt(value);
            if (n >= 1 && n <= 100) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        fail("--max-instances must be a whole number from 1 to 100, not '" + value + "'");
        return 0;
    }

    private static String value(List<String> arguments, int index, String flag) {
        if (index >= arguments.size()) {
            fail(flag + " needs a value");
        }
        return arguments.get(index);
    }

    private static void fail(String message) {
        System.err.println("local-cloud: " + message);
        System.exit(2);
    }
}
