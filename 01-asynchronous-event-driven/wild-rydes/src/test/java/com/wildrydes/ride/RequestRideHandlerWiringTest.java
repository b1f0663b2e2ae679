package com.wildrydes.ride;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The handler as the runtime builds it, from environment variables: the fleet on a real socket, and the real SNS
 * client publishing to a stub of the SNS API.
 */
class RequestRideHandlerWiringTest {

    private static final String TOPIC = "arn:aws:sns:us-east-1:123456789012:wild-rydes-RidesTopic-4BQJ2X7M9KZ1";

    private final HttpStub fleet = HttpStub.start();
    private final HttpStub sns = HttpStub.start();
    private final SdkStubEndpoint snsEndpoint = SdkStubEndpoint.of("Sns", sns.uri("/"));
    private final FakeContext context = new FakeContext();
    private final RequestRideHandler handler = new RequestRideHandler(Map.of(
            "REQUEST_UNICORN_URL", fleet.uri("/Prod/unicorn").toString(),
            "RIDES_SNS_TOPIC_ARN", TOPIC,
            "AWS_REGION", "us-east-1")::get);

    @AfterEach
    void stopStubs() {
        snsEndpoint.close();
        fleet.close();
        sns.close();
    }

    @Test
    void booksARideFromTheFleetAndPublishesItToTheTopic() throws InterruptedException {
        fleet.answering(200, "{\"Name\":\"Bucephalus\",\"Color\":\"Golden\",\"DeviceId\":\"5e1c8a2f\"}");
        sns.answering(200, SnsStub.XML, SnsStub.PUBLISHED);

        APIGatewayProxyResponseEvent response =
                handler.handleRequest(EventLoader.loadApiGatewayRestEvent("apigw/request_ride.json"), context);

        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(201);
        assertThat(response.getBody()).contains("\"Unicorn\":{\"Name\":\"Bucephalus\",\"Color\":\"Golden\"");
        assertThat(fleet.takeRequest().method()).isEqualTo("GET");
        HttpStub.Received publish = sns.takeRequest();
        assertThat(publish.header("Authorization"))
                .startsWith("AWS4-HMAC-SHA256 Credential=" + SdkStubEndpoint.ACCESS_KEY_ID + "/")
                .contains("/us-east-1/sns/aws4_request");
        Map<String, String> form = SnsStub.form(publish.body());
        assertThat(form).containsEntry("Action", "Publish")
                .containsEntry("TopicArn", TOPIC)
                .containsEntry("Message", response.getBody());
        assertThat(SnsStub.messageAttributes(form)).containsExactlyInAnyOrderEntriesOf(Map.of(
                "EventType", "String:RideRequested",
                "EventVersion", "String:1",
                "CorrelationId", "String:c6af9ac6-7b61-4e1f-9a41-93e8d1b2c3f4"));
    }

    @Test
    void answers502WhenTheTopicRefusesThePublish() {
        fleet.answering(200, "{\"Name\":\"Bucephalus\",\"Color\":\"Golden\",\"DeviceId\":\"5e1c8a2f\"}");
        sns.answering(403, SnsStub.XML, SnsStub.AUTHORIZATION_ERROR);

        APIGatewayProxyResponseEvent response =
                handler.handleRequest(EventLoader.loadApiGatewayRestEvent("apigw/request_ride.json"), context);

        assertThat(response.getStatusCode()).isEqualTo(502);
        assertThat(response.getBody()).isEqualTo("{\"error\":\"BadGateway\",\"message\":"
                + "\"The rides topic refused the call (AuthorizationError)\"}");
        assertThat(context.logs()).singleElement().asString().contains("status=502", "rideId=");
    }

    @Test
    void answers503AndPublishesNothingWhenTheFleetIsEmpty() {
        fleet.answering(503, "{\"error\":\"ServiceUnavailable\",\"message\":\"The fleet has no unicorns\"}");

        APIGatewayProxyResponseEvent response =
                handler.handleRequest(EventLoader.loadApiGatewayRestEvent("apigw/request_ride.json"), context);

        assertThat(response.getStatusCode()).isEqualTo(503);
        assertThat(response.getBody()).isEqualTo("{\"error\":\"ServiceUnavailable\",\"message\":"
                + "\"The unicorn fleet is unavailable (HTTP 503: The fleet has no unicorns)\"}");
        assertThat(sns.requestCount()).isZero();
    }
}
