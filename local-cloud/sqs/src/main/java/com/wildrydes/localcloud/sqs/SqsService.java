package com.wildrydes.localcloud.sqs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.wildrydes.localcloud.http.AwsRequest;
import com.wildrydes.localcloud.http.AwsResponse;
import com.wildrydes.localcloud.http.AwsService;
import com.wildrydes.localcloud.json.Json;

import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Amazon SQS: standard queues with visibility timeouts, delays, long polling and dead-letter redrive,
 * served over both the JSON protocol (current SDKs, AWS CLI) and the older Query protocol.
 *
 * <p>Besides the wire API it offers plain methods for the rest of local-cloud: CloudFormation creates
 * and deletes queues, SNS and Lambda send messages, the console reads depths and peeks at messages.
 * Those methods take a queue by URL, ARN or name.
 */
public final class SqsService implements AwsService {

    private final QueueRegistry queues;
    private final SqsJsonProtocol json;
    private final SqsQueryProtocol query;

    /** @param endpoint the edge URL, which queue URLs start with, e.g. {@code http://127.0.0.1:4566} */
    public SqsService(String endpoint) {
        this(endpoint, InstantSource.system());
    }

    SqsService(String endpoint, InstantSource clock) {
        this.queues = new QueueRegistry(endpoint, clock);
        this.json = new SqsJsonProtocol(new SqsOperations(queues));
        this.query = new SqsQueryProtocol(json);
    }

    @Override
    public String signingName() {
        return "sqs";
    }

    /** A JSON protocol call names its operation in {@code X-Amz-Target}; anything else is a Query protocol call. */
    @Override
    public AwsResponse handle(AwsRequest request) {
        return request.header("x-amz-target") != null ? json.handle(request) : query.handle(request);
    }

    /** Runs an operation in-process with JSON protocol input and output; throws {@link SqsError} as SQS answers. */
    public JsonNode call(String operation, JsonNode input) {
        return json.call(operation, input);
    }

    public Set<String> operations() {
        return json.operations();
    }

    /** Creates a queue (or returns the identical existing one); attributes as CreateQueue takes them. */
    public QueueInfo createQueue(String name, Map<String, String> attributes, Map<String, String> tags) {
        return queues.create(name, attributes, tags).info();
    }

    /** Deletes a queue; an unknown queue is ignored, as a template's delete may run after the queue is gone. */
    public void deleteQueue(String queue) {
        queues.byReference(queue).ifPresent(queues::delete);
    }

    public void setQueueAttributes(String queue, Map<String, String> attributes) {
        queues.setAttributes(require(queue), attributes);
    }

    /** Every attribute of a queue, as GetQueueAttributes with {@code All} reports them. */
    public Map<String, String> queueAttributes(String queue) {
        return require(queue).allAttributes();
    }

    /** The URL, ARN and name of an existing queue given any one of them. */
    public QueueInfo queue(String queue) {
        return require(queue).info();
    }

    /** The URL for a queue ARN, whether or not the queue exists. */
    public String queueUrl(String queueArn) {
        return queues.infoFor(queueArn.substring(queueArn.lastIndexOf(':') + 1)).url();
    }

    /** The ARN for a queue URL, whether or not the queue exists. */
    public String queueArn(String queueUrl) {
        return queues.infoFor(QueueRegistry.nameFromUrl(queueUrl)).arn();
    }

    /** Sends a message as SendMessage does, validation included. Returns the message id. */
    public String sendMessage(String queue, String body, Map<String, MessageAttributeValue> attributes) {
        ObjectNode input = Json.object();
        input.put("QueueUrl", require(queue).info().url());
        input.put("MessageBody", body);
        if (!attributes.isEmpty()) {
            input.set("MessageAttributes", MessageAttributes.write(attributes));
        }
        return call("SendMessage", input).path("MessageId").asText();
    }

    public List<String> queueNames() {
        return queues.list(null).stream().map(Queue::name).toList();
    }

    public QueueDepth depth(String queue) {
        return require(queue).depth();
    }

    /** Up to {@code max} messages in send order, without receiving them. */
    public List<MessageSnapshot> peek(String queue, int max) {
        return require(queue).peek(max);
    }

    private Queue require(String queue) {
        return queues.byReference(queue).orElseThrow(SqsError::queueDoesNotExist);
    }
}
