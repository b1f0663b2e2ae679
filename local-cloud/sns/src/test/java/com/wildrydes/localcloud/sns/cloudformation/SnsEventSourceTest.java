package com.wildrydes.localcloud.sns.cloudformation;

import com.wildrydes.localcloud.cloudformation.sam.SamEvent;
import com.wildrydes.localcloud.cloudformation.sam.SamEventExpansion;
import com.wildrydes.localcloud.cloudformation.sam.SamException;
import com.wildrydes.localcloud.cloudformation.template.TemplateResource;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

class SnsEventSourceTest {

    private static final Map<String, Object> TOPIC = Map.of("Ref", "RidesTopic");
    private static final Map<String, Object> TARGET = Map.of("Ref", "PutRideRecord");
    private static final Map<String, Object> ARN = Map.of("Fn::GetAtt", List.of("PutRideRecord", "Arn"));

    private final SnsEventSource source = new SnsEventSource();

    private static SamEvent event(Map<String, Object> properties, String condition) {
        return new SamEvent("PutRideRecord", "RideRequested", properties, TARGET, ARN, condition);
    }

    @Test
    void expandsToASubscriptionAndAPermissionAsSamNamesThem() {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("Topic", TOPIC);
        properties.put("FilterPolicy", Map.of("kind", List.of("ride")));
        properties.put("FilterPolicyScope", "MessageAttributes");
        properties.put("Region", "us-east-1");
        properties.put("SqsSubscription", false);

        SamEventExpansion expansion = source.expand(event(properties, "IsRecording"));

        assertThat(expansion.rolePolicies()).isEmpty();
        assertThat(expansion.resources()).extracting(TemplateResource::logicalId, TemplateResource::type, TemplateResource::condition)
                .containsExactly(
                        tuple("PutRideRecordRideRequestedPermission", "AWS::Lambda::Permission", "IsRecording"),
                        tuple("PutRideRecordRideRequested", "AWS::SNS::Subscription", "IsRecording"));
        assertThat(expansion.resources().get(0).properties()).isEqualTo(Map.of(
                "Action", "lambda:InvokeFunction",
                "FunctionName", TARGET,
                "Principal", "sns.amazonaws.com",
                "SourceArn", TOPIC));
        assertThat(expansion.resources().get(1).properties()).isEqualTo(Map.of(
                "Protocol", "lambda",
                "Endpoint", ARN,
                "TopicArn", TOPIC,
                "FilterPolicy", Map.of("kind", List.of("ride")),
                "FilterPolicyScope", "MessageAttributes",
                "Region", "us-east-1"));
    }

    @Test
    void leavesOutWhatTheEventDoesNotSay() {
        SamEventExpansion expansion = source.expand(event(Map.of("Topic", "arn:aws:sns:us-east-1:000000000000:rides"), null));

        assertThat(expansion.resources().get(1).properties()).containsOnlyKeys("Protocol", "Endpoint", "TopicArn");
        assertThat(expansion.resources()).allSatisfy(resource -> assertThat(resource.condition()).isNull());
    }

    @Test
    void needsATopic() {
        assertThatThrownBy(() -> source.expand(event(Map.of("FilterPolicy", Map.of()), null)))
                .isInstanceOf(SamException.class)
                .hasMessage("Events.RideRequested (SNS) needs a Topic: the topic's ARN, e.g. !Ref RidesTopic");
    }

    @Test
    void refusesAnSqsSubscription() {
        for (Object sqsSubscription : List.of(true, "true", Map.of("BatchSize", 5))) {
            assertThatThrownBy(() -> source.expand(event(Map.of("Topic", TOPIC, "SqsSubscription", sqsSubscription), null)))
                    .isInstanceOf(SamException.class)
                    .hasMessageStartingWith("Events.RideRequested (SNS): SqsSubscription is not supported by local-cloud");
        }
    }
}
