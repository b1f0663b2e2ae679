package com.wildrydes.workshop;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.InvokeRequest;
import software.amazon.awssdk.services.lambda.model.InvokeResponse;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.DeleteMessageRequest;
import software.amazon.awssdk.services.sqs.model.DeleteMessageResponse;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.ReceiveMessageRequest;
import software.amazon.awssdk.services.sqs.model.ReceiveMessageResponse;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class RedriveTest {

    private static final String QUEUE = "https://sqs.us-east-1.amazonaws.com/000000000000/dlq";

    /** A queue that hands out its messages once each and records deletions. */
    private static final class FakeQueue implements SqsClient {
        final Deque<Message> waiting = new ArrayDeque<>();
        final List<String> deleted = new ArrayList<>();

        @Override
        public ReceiveMessageResponse receiveMessage(ReceiveMessageRequest request) {
            assertThat(request.queueUrl()).isEqualTo(QUEUE);
            List<Message> batch = new ArrayList<>();
            while (!waiting.isEmpty() && batch.size() < request.maxNumberOfMessages()) {
                batch.add(waiting.removeFirst());
            }
            return ReceiveMessageResponse.builder().messages(batch).build();
        }

        @Override
        public DeleteMessageResponse deleteMessage(DeleteMessageRequest request) {
            deleted.add(request.receiptHandle());
            return DeleteMessageResponse.builder().build();
        }

        @Override
        public String serviceName() {
            return "sqs";
        }

        @Override
        public void close() {
        }
    }

    /** A function that fails for payloads containing "poison". */
    private static final class FakeFunction implements LambdaClient {
        final List<String> payloads = new ArrayList<>();

        @Override
        public InvokeResponse invoke(InvokeRequest request) {
            assertThat(request.functionName()).isEqualTo("RecordRide");
            String payload = request.payload().asUtf8String();
            payloads.add(payload);
            InvokeResponse.Builder response = InvokeResponse.builder().statusCode(200);
            if (payload.contains("poison")) {
                response.functionError("Unhandled").payload(SdkBytes.fromUtf8String("{\"errorMessage\":\"cannot parse\"}"));
            } else {
                response.payload(SdkBytes.fromUtf8String("null"));
            }
            return response.build();
        }

        @Override
        public String serviceName() {
            return "lambda";
        }

        @Override
        public void close() {
        }
    }

    private final FakeQueue queue = new FakeQueue();
    private final FakeFunction function = new FakeFunction();
    private final ByteArrayOutputStream log = new ByteArrayOutputStream();

    @Test
    void everyEventIsReplayedAndDeletedOnlyWhenTheFunctionSucceeded() {
        queue.waiting.add(message("m1", "{\"ride\":1}"));
        queue.waiting.add(message("m2", "{\"ride\":\"poison\"}"));
        queue.waiting.add(message("m3", "{\"ride\":3}"));

        Redrive.Result result = new Redrive(queue, function, new PrintStream(log, true)).run(QUEUE, "RecordRide");

        assertThat(function.payloads).containsExactly("{\"ride\":1}", "{\"ride\":\"poison\"}", "{\"ride\":3}");
        assertThat(queue.deleted).containsExactly("receipt-m1", "receipt-m3");
        assertThat(result).isEqualTo(new Redrive.Result(2, 1));
        assertThat(log.toString()).contains("failed again m2").contains("cannot parse");
    }

    @Test
    void anEmptyQueueIsNothingToDo() {
        assertThat(new Redrive(queue, function, new PrintStream(log, true)).run(QUEUE, "RecordRide"))
                .isEqualTo(new Redrive.Result(0, 0));
        assertThat(function.payloads).isEmpty();
    }

    private static Message message(String id, String body) {
        return Message.builder().messageId(id).receiptHandle("receipt-" + id).body(body).build();
    }
}
