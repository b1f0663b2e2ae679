package com.wildrydes.localcloud.sns.cloudformation;

import com.wildrydes.localcloud.cloudformation.intrinsics.Values;
import com.wildrydes.localcloud.cloudformation.resources.Provisioned;
import com.wildrydes.localcloud.cloudformation.resources.ProvisioningException;
import com.wildrydes.localcloud.cloudformation.resources.ResourceProvisioner;
import com.wildrydes.localcloud.cloudformation.resources.ResourceRequest;
import com.wildrydes.localcloud.cloudformation.resources.ResourceState;
import com.wildrydes.localcloud.cloudformation.resources.StackInfo;
import com.wildrydes.localcloud.cloudformation.template.TemplateResource;
import com.wildrydes.localcloud.json.Json;
import com.wildrydes.localcloud.sns.SnsService;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * {@code AWS::SNS::Subscription} for the protocols local SNS delivers to, {@code lambda} and {@code sqs}.
 * Ref is the subscription ARN. A new topic, protocol or endpoint makes a new subscription; delivery
 * settings (filter policy, its scope, raw delivery) change in place. {@code Region} is accepted and
 * ignored, as local-cloud has one region.
 */
public final class SnsSubscriptionProvisioner implements ResourceProvisioner {

    public static final String TYPE = "AWS::SNS::Subscription";
    static final Set<String> PROTOCOLS = Set.of("lambda", "sqs");
    private static final String DEFAULT_SCOPE = "MessageAttributes";

    private final SnsService sns;
    private final SnsActions actions;

    public SnsSubscriptionProvisioner(SnsService sns) {
        this.sns = sns;
        this.actions = new SnsActions(sns);
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public Set<String> properties() {
        return Set.of("TopicArn", "Protocol", "Endpoint", "FilterPolicy", "FilterPolicyScope", "RawMessageDelivery", "Region");
    }

    @Override
    public Set<String> attributes() {
        return Set.of();
    }

    /** Refuses an unsupported protocol before the deploy starts, when the template names it literally. */
    @Override
    public void validate(StackInfo stack, TemplateResource resource) {
        if (resource.properties().get("Protocol") instanceof String protocol) {
            protocol(protocol, "Protocol");
        }
    }

    @Override
    public Provisioned create(ResourceRequest request) {
        Map<String, String> attributes = new LinkedHashMap<>();
        DeliverySettings settings = DeliverySettings.of(request);
        if (settings.filterPolicy() != null) {
            attributes.put("FilterPolicy", settings.filterPolicy());
        }
        if (settings.filterPolicy() != null || request.get("FilterPolicyScope") != null) {
            attributes.put("FilterPolicyScope", settings.filterPolicyScope());
        }
        if (settings.rawMessageDelivery()) {
            attributes.put("RawMessageDelivery", "true");
        }
        return Provisioned.of(sns.subscribe(request.string("TopicArn"), protocol(request.get("Protocol"), "Protocol"),
                request.string("Endpoint"), attributes));
    }

    @Override
    public Provisioned update(ResourceRequest request, ResourceState current) {
        ResourceRequest before = current.request();
        boolean sameSubscriber = before.string("TopicArn").equals(request.string("TopicArn"))
                && protocol(before.get("Protocol"), "Protocol").equals(protocol(request.get("Protocol"), "Protocol"))
                && before.string("Endpoint").equals(request.string("Endpoint"));
        if (!sameSubscriber) {
            Provisioned created = create(request);
            delete(current);
            return created;
        }
        DeliverySettings was = DeliverySettings.of(before);
        DeliverySettings now = DeliverySettings.of(request);
        String arn = current.physicalId();
        if (!was.filterPolicyScope().equals(now.filterPolicyScope())) {
            try {
                replaceFilter(arn, now);
            } catch (RuntimeException e) {
                // Leave the subscription filtering as before, which is what a rollback expects to find.
                try {
                    replaceFilter(arn, was);
                } catch (RuntimeException restoring) {
                    e.addSuppressed(restoring);
                }
                throw e;
            }
        } else if (!Objects.equals(was.filterPolicy(), now.filterPolicy())) {
            set(arn, "FilterPolicy", Objects.requireNonNullElse(now.filterPolicy(), ""));
        }
        if (was.rawMessageDelivery() != now.rawMessageDelivery()) {
            set(arn, "RawMessageDelivery", Boolean.toString(now.rawMessageDelivery()));
        }
        return Provisioned.of(arn);
    }

    @Override
    public void delete(ResourceState resource) {
        sns.unsubscribe(resource.physicalId());
    }

    /** A policy is checked against its scope, so the old policy goes before the scope changes. */
    private void replaceFilter(String arn, DeliverySettings settings) {
        set(arn, "FilterPolicy", "");
        set(arn, "FilterPolicyScope", settings.filterPolicyScope());
        set(arn, "FilterPolicy", Objects.requireNonNullElse(settings.filterPolicy(), ""));
    }

    private void set(String subscriptionArn, String attribute, String value) {
        actions.run("SetSubscriptionAttributes", Map.of("SubscriptionArn", subscriptionArn, "AttributeName", attribute,
                "AttributeValue", value));
    }

    /** A protocol local SNS delivers to, in lower case; any other is refused naming the supported ones. */
    static String protocol(Object value, String what) {
        String protocol = Values.string(value, what);
        String normalised = protocol.toLowerCase(Locale.ROOT);
        if (!PROTOCOLS.contains(normalised)) {
            throw new ProvisioningException(what + " " + protocol + " is not supported by local-cloud, whose SNS delivers"
                    + " to functions and queues only; supported protocols: lambda, sqs");
        }
        return normalised;
    }

    /** A filter policy as SNS takes it: the template's object as JSON, or JSON text as it is. */
    private static String filterPolicyJson(Object value, String what) {
        if (value == null) {
            return null;
        }
        if (value instanceof String text) {
            return text;
        }
        return Json.text(Values.map(value, what));
    }

    /** What a subscription's template says about delivery, with SNS's defaults filled in. */
    private record DeliverySettings(String filterPolicy, String filterPolicyScope, boolean rawMessageDelivery) {

        static DeliverySettings of(ResourceRequest request) {
            String scope = request.optionalString("FilterPolicyScope");
            Object raw = request.get("RawMessageDelivery");
            return new DeliverySettings(filterPolicyJson(request.get("FilterPolicy"), "FilterPolicy"),
                    scope == null ? DEFAULT_SCOPE : scope,
                    raw != null && Values.bool(raw, "RawMessageDelivery"));
        }
    }
}
