package com.wildrydes.workshop;

import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.InvokeResponse;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;

import java.io.PrintStream;
import java.util.List;

/**
 * Replays a function's dead-letter queue into the function: each message (the event Lambda gave up
 * on) is invoked again, synchronously, and deleted from the queue only once the function succeeded.
 * A message that fails again stays in the queue, visible after its visibility timeout, so nothing is lost.
 */
public final class Redrive {

    /** The outcome of one redrive: how many events were replayed, and how many failed again. */
    public record Result(int redriven, int failed) {
    }

    private final SqsClient sqs;
    private final LambdaClient lambda;
    private final PrintStream out;

    public Redrive(SqsClient sqs, LambdaClient lambda, PrintStream out) {
        this.sqs = sqs;
        this.lambda = lambda;
        this.out = out;
    }

    /**
     * Drains the queue once: stops when a receive comes back empty, or when every message it got failed
     * again (they would only come back after their visibility timeout).
     */
    public Result run(String queueUrl, String functionName) {
        int redriven = 0;
        int failed = 0;
        while (true) {
            List<Message> messages = sqs.receiveMessage(r -> r.queueUrl(queueUrl)
                    .maxNumberOfMessages(10)
                    .waitTimeSeconds(1)
                    .visibilityTimeout(60)
                    .messageSystemAttributeNames(MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT)
                    .messageAttributeNames("All")).messages();
            if (messages.isEmpty()) {
                return new Result(redriven, failed);
            }
            int failedInBatch = 0;
            for (Message message : messages) {
                InvokeResponse response = lambda.invoke(r -> r.functionName(functionName)
                        .payload(SdkBytes.fromUtf8String(message.body())));
                if (response.functionError() == null && response.statusCode() / 100 == 2) {
                    sqs.deleteMessage(r -> r.queueUrl(queueUrl).receiptHandle(message.receiptHandle()));
                    redriven++;
                    out.println("redriven " + message.messageId() + " (first failed with: " + originalError(message) + ")");
                } else {
                    failedInBatch++;
                    out.println("failed again " + message.messageId() + ": " + response.payload().asUtf8String()
                            + " — it stays in the queue");
                }
            }
            failed += failedInBatch;
            if (failedInBatch == messages.size()) {
                return new Result(redriven, failed);
            }
        }
    }

    /** Lambda puts the error that sent the event here in the ErrorMessage attribute. */
    private static String originalError(Message message) {
        var attribute = message.messageAttributes().get("ErrorMessage");
        return attribute == null ? "unknown" : attribute.stringValue();
    }
}
