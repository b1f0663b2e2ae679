package com.wildrydes.localcloud.console;

import com.wildrydes.localcloud.lambda.AsyncConfig;
import com.wildrydes.localcloud.lambda.FunctionConfig;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class DeadLetterQueuesTest {

    private static final String DLQ = "arn:aws:sqs:us-east-1:000000000000:RideRecordDeadLetterQueue";

    private static FunctionConfig function(String name, AsyncConfig async) {
        return new FunctionConfig(name, "com.example.Handler", "java21", Path.of("/code.jar"), 512, 10, Map.of(), null, async);
    }

    @Test
    void aQueueIsTheDeadLetterQueueOfTheFunctionsAndQueuesThatNameIt() {
        Map<String, List<String>> owners = DeadLetterQueues.owners(
                List.of(function("RecordRide", new AsyncConfig(2, 3600, DLQ)),
                        function("RequestRide", AsyncConfig.DEFAULT),
                        function("Legacy", null)),
                Map.of("rides", Map.of("RedrivePolicy", "{\"deadLetterTargetArn\":\"" + DLQ + "\",\"maxReceiveCount\":5}"),
                        "plain", Map.of("VisibilityTimeout", "30"),
                        "broken", Map.of("RedrivePolicy", "not json")));

        assertThat(owners).containsOnlyKeys(DLQ);
        assertThat(owners.get(DLQ)).containsExactly("function RecordRide", "queue rides");
    }
}
