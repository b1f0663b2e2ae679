package com.wildrydes.localcloud.sns.cloudformation;

import com.wildrydes.localcloud.cloudformation.intrinsics.Values;
import com.wildrydes.localcloud.cloudformation.sam.SamEvent;
import com.wildrydes.localcloud.cloudformation.sam.SamEventExpansion;
import com.wildrydes.localcloud.cloudformation.sam.SamEventSource;
import com.wildrydes.localcloud.cloudformation.sam.SamException;
import com.wildrydes.localcloud.cloudformation.template.TemplateResource;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * SAM's {@code Events: Type: SNS}: subscribes the function to a topic, as SAM does, with an
 * {@code AWS::SNS::Subscription} {@code <Function><Event>} (protocol lambda, endpoint the function's
 * ARN, the event's filter policy) and the {@code AWS::Lambda::Permission}
 * {@code <Function><Event>Permission} that lets the topic invoke the function.
 *
 * <p>{@code SqsSubscription: true} is refused: SAM puts a queue between topic and function, read by an
 * event source mapping, which local-cloud does not run.
 */
public final class SnsEventSource implements SamEventSource {

    public static final String TYPE = "SNS";

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public Set<String> properties() {
        return Set.of("Topic", "FilterPolicy", "FilterPolicyScope", "Region", "SqsSubscription");
    }

    @Override
    public SamEventExpansion expand(SamEvent event) {
        Map<String, Object> properties = event.properties();
        String where = "Events." + event.eventName() + " (" + TYPE + ")";
        Object topic = properties.get("Topic");
        if (topic == null) {
            throw new SamException(where + " needs a Topic: the topic's ARN, e.g. !Ref RidesTopic");
        }
        Object sqsSubscription = properties.get("SqsSubscription");
        if (sqsSubscription != null && !isLiteralFalse(sqsSubscription)) {
            throw new SamException(where + ": SqsSubscription is not supported by local-cloud: SAM reads such a queue"
                    + " with an SQS event source mapping, which local-cloud does not run; leave SqsSubscription out to"
                    + " subscribe the function to the topic directly");
        }

        Map<String, Object> subscription = new LinkedHashMap<>();
        subscription.put("Protocol", "lambda");
        subscription.put("Endpoint", Values.copy(event.functionArn()));
        subscription.put("TopicArn", Values.copy(topic));
        for (String optional : List.of("Region", "FilterPolicy", "FilterPolicyScope")) {
            if (properties.get(optional) != null) {
                subscription.put(optional, Values.copy(properties.get(optional)));
            }
        }

        Map<String, Object> permission = new LinkedHashMap<>();
        permission.put("Action", "lambda:InvokeFunction");
        permission.put("FunctionName", Values.copy(event.functionTarget()));
        permission.put("Principal", "sns.amazonaws.com");
        permission.put("SourceArn", Values.copy(topic));

        String id = event.functionLogicalId() + event.eventName();
        return new SamEventExpansion(List.of(
                new TemplateResource(id + "Permission", "AWS::Lambda::Permission", permission, List.of(), event.condition()),
                new TemplateResource(id, SnsSubscriptionProvisioner.TYPE, subscription, List.of(), event.condition())),
                List.of());
    }

    private static boolean isLiteralFalse(Object value) {
        return Boolean.FALSE.equals(value) || (value instanceof String text && text.equalsIgnoreCase("false"));
    }
}
