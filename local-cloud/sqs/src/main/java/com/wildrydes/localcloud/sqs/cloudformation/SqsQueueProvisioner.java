package com.wildrydes.localcloud.sqs.cloudformation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.wildrydes.localcloud.cloudformation.intrinsics.Values;
import com.wildrydes.localcloud.cloudformation.resources.PhysicalNames;
import com.wildrydes.localcloud.cloudformation.resources.Provisioned;
import com.wildrydes.localcloud.cloudformation.resources.ProvisioningException;
import com.wildrydes.localcloud.cloudformation.resources.ResourceProvisioner;
import com.wildrydes.localcloud.cloudformation.resources.ResourceRequest;
import com.wildrydes.localcloud.cloudformation.resources.ResourceState;
import com.wildrydes.localcloud.cloudformation.resources.StackInfo;
import com.wildrydes.localcloud.cloudformation.template.TemplateResource;
import com.wildrydes.localcloud.json.Json;
import com.wildrydes.localcloud.sqs.QueueInfo;
import com.wildrydes.localcloud.sqs.SqsService;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * {@code AWS::SQS::Queue} on local SQS. A queue without a QueueName gets {@code <stack>-<LogicalId>-<SUFFIX>}.
 * Ref is the queue URL; {@code Fn::GetAtt} gives {@code Arn}, {@code QueueName} and {@code QueueUrl}.
 * Attribute and tag changes apply in place; a new QueueName replaces the queue.
 */
public final class SqsQueueProvisioner implements ResourceProvisioner {

    public static final String TYPE = "AWS::SQS::Queue";
    private static final int MAX_NAME_LENGTH = 80;
    private static final Set<String> REDRIVE_KEYS = Set.of("deadLetterTargetArn", "maxReceiveCount");

    /** The numeric attributes a template may set: SQS's range, and the value a queue returns to when the template drops one. */
    private enum NumericAttribute {
        VisibilityTimeout(0, 43_200, 30),
        MessageRetentionPeriod(60, 1_209_600, 345_600),
        DelaySeconds(0, 900, 0),
        MaximumMessageSize(1_024, 1_048_576, 1_048_576),
        ReceiveMessageWaitTimeSeconds(0, 20, 0);

        final int min;
        final int max;
        final int defaultValue;

        NumericAttribute(int min, int max, int defaultValue) {
            this.min = min;
            this.max = max;
            this.defaultValue = defaultValue;
        }
    }

    private final SqsService sqs;

    public SqsQueueProvisioner(SqsService sqs) {
        this.sqs = sqs;
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public Set<String> properties() {
        return Set.of("QueueName", "VisibilityTimeout", "MessageRetentionPeriod", "DelaySeconds", "MaximumMessageSize",
                "ReceiveMessageWaitTimeSeconds", "RedrivePolicy", "Tags", "FifoQueue");
    }

    @Override
    public Set<String> attributes() {
        return Set.of("Arn", "QueueName", "QueueUrl");
    }

    /** Refuses a FIFO queue before anything is created, when the template says so literally. */
    @Override
    public void validate(StackInfo stack, TemplateResource resource) {
        Object fifo = resource.properties().get("FifoQueue");
        Object name = resource.properties().get("QueueName");
        refuseFifo(Values.isScalar(fifo) ? fifo : null, name instanceof String literal ? literal : null);
    }

    @Override
    public Provisioned create(ResourceRequest request) {
        String name = queueName(request);
        refuseFifo(request.get("FifoQueue"), name);
        if (sqs.queueNames().contains(name)) {
            throw new ProvisioningException("a queue named " + name + " already exists; give QueueName another value,"
                    + " or leave it out for a generated name");
        }
        Map<String, String> attributes = new LinkedHashMap<>();
        for (NumericAttribute attribute : NumericAttribute.values()) {
            if (request.get(attribute.name()) != null) {
                attributes.put(attribute.name(), Integer.toString(number(request, attribute)));
            }
        }
        if (request.get("RedrivePolicy") != null) {
            attributes.put("RedrivePolicy", redrivePolicy(request.get("RedrivePolicy")));
        }
        return provisioned(sqs.createQueue(name, attributes, tags(request.get("Tags"))));
    }

    @Override
    public Provisioned update(ResourceRequest request, ResourceState current) {
        String name = queueName(request);
        if (!name.equals(current.attributes().get("QueueName"))) {
            Provisioned created = create(request);
            delete(current);
            return created;
        }
        refuseFifo(request.get("FifoQueue"), name);
        // Every attribute is set, so a property the template dropped returns to SQS's default.
        Map<String, String> attributes = new LinkedHashMap<>();
        for (NumericAttribute attribute : NumericAttribute.values()) {
            attributes.put(attribute.name(), Integer.toString(request.get(attribute.name()) == null
                    ? attribute.defaultValue : number(request, attribute)));
        }
        attributes.put("RedrivePolicy", request.get("RedrivePolicy") == null ? "" : redrivePolicy(request.get("RedrivePolicy")));
        String url = current.physicalId();
        sqs.setQueueAttributes(url, attributes);
        retag(url, tags(current.properties().get("Tags")), tags(request.get("Tags")));
        return provisioned(sqs.queue(url));
    }

    @Override
    public void delete(ResourceState resource) {
        sqs.deleteQueue(resource.physicalId());
    }

    private static String queueName(ResourceRequest request) {
        String given = request.optionalString("QueueName");
        return given != null ? given
                : PhysicalNames.withSuffix(request.stack().stackName(), request.stack().stackName(), request.logicalId(), MAX_NAME_LENGTH);
    }

    private static void refuseFifo(Object fifoQueue, String name) {
        boolean fifo = fifoQueue != null && Values.bool(fifoQueue, "FifoQueue");
        if (fifo || (name != null && name.endsWith(".fifo"))) {
            throw new ProvisioningException("FIFO queues are not supported: local-cloud SQS serves standard queues only;"
                    + " remove FifoQueue and the .fifo suffix of QueueName");
        }
    }

    private static int number(ResourceRequest request, NumericAttribute attribute) {
        int value = Values.integer(request.get(attribute.name()), attribute.name());
        if (value < attribute.min || value > attribute.max) {
            throw new ProvisioningException(attribute.name() + " " + value + " is out of range: SQS allows "
                    + attribute.min + " to " + attribute.max);
        }
        return value;
    }

    /** The template's object (or JSON text) as the attribute's JSON, with the count as a number. */
    private static String redrivePolicy(Object value) {
        Map<String, Object> policy;
        if (value instanceof String text) {
            try {
                policy = Json.MAPPER.readValue(text, new TypeReference<>() {
                });
            } catch (JsonProcessingException e) {
                throw new ProvisioningException("RedrivePolicy is not valid JSON: " + e.getOriginalMessage());
            }
        } else {
            policy = Values.map(value, "RedrivePolicy");
        }
        for (String key : policy.keySet()) {
            if (!REDRIVE_KEYS.contains(key)) {
                throw new ProvisioningException("RedrivePolicy." + key + " is not supported; RedrivePolicy has "
                        + String.join(" and ", new TreeSet<>(REDRIVE_KEYS)));
            }
        }
        if (policy.get("deadLetterTargetArn") == null || policy.get("maxReceiveCount") == null) {
            throw new ProvisioningException("RedrivePolicy needs deadLetterTargetArn (a queue ARN, e.g. !GetAtt DeadLetterQueue.Arn)"
                    + " and maxReceiveCount");
        }
        ObjectNode json = Json.object();
        json.put("deadLetterTargetArn", Values.string(policy.get("deadLetterTargetArn"), "RedrivePolicy.deadLetterTargetArn"));
        json.put("maxReceiveCount", Values.integer(policy.get("maxReceiveCount"), "RedrivePolicy.maxReceiveCount"));
        return Json.text(json);
    }

    /** CloudFormation's {@code [{Key, Value}]} as a map. */
    private static Map<String, String> tags(Object tags) {
        Map<String, String> out = new LinkedHashMap<>();
        if (tags == null) {
            return out;
        }
        for (Object tag : Values.list(tags, "Tags")) {
            Map<String, Object> entry = Values.map(tag, "Tags entry");
            if (!entry.keySet().equals(Set.of("Key", "Value"))) {
                throw new ProvisioningException("each Tags entry has exactly Key and Value, not " + entry.keySet());
            }
            out.put(Values.string(entry.get("Key"), "Tags.Key"), Values.string(entry.get("Value"), "Tags.Value"));
        }
        return out;
    }

    private void retag(String url, Map<String, String> before, Map<String, String> after) {
        List<String> removed = before.keySet().stream().filter(key -> !after.containsKey(key)).toList();
        if (!removed.isEmpty()) {
            ObjectNode input = Json.object().put("QueueUrl", url);
            removed.forEach(input.putArray("TagKeys")::add);
            sqs.call("UntagQueue", input);
        }
        if (!after.isEmpty() && !after.equals(before)) {
            ObjectNode input = Json.object().put("QueueUrl", url);
            input.set("Tags", Json.MAPPER.valueToTree(after));
            sqs.call("TagQueue", input);
        }
    }

    private static Provisioned provisioned(QueueInfo queue) {
        return new Provisioned(queue.url(), Map.of("Arn", queue.arn(), "QueueName", queue.name(), "QueueUrl", queue.url()));
    }
}
