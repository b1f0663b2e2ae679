package com.wildrydes.ride;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The handler as the runtime builds it, from environment variables: the real Lambda client invoking a stub of the
 * Invoke API, and the real SNS client publishing to a stub of the SNS API.
 */
class RequestRideHandlerWiringTest {

    private static final String FLEET =
            "arn:aws:lambda:us-east-1:123456789012:function:wild-rydes-ride-fleet-RequestUnicornInvoke-Jq3X9w:live";
    private static final String TOPIC = "arn:aws:sns:us-east-1:123456789012:wild-rydes-RidesTopic-4BQJ2X7M9KZ1";

    private final HttpStub lambda = HttpStub.start();
    private final HttpStub sns = HttpStub.start();
    private final SdkStubEndpoint lambdaEndpoint = SdkStubEndpoint.of("Lambda", lambda.uri("/"));
    private final SdkStubEndpoint snsEndpoint = SdkStubEndpoint.of("Sns", sns.uri("/"));
    private final FakeContext context = new FakeContext();
    private final RequestRideHandler handler = new RequestRideHandler(Map.of(
            "REQUEST_UNICORN_ARN", FLEET,
            "RIDES_SNS_TOPIC_ARN", TOPIC,
            "AWS_REGION", "us-east-1")::get);

    @AfterEach
    void stopStubs() {
        snsEndpoint.close();
        lambdaEndpoint.close();
        lambda.close();
        sns.close();
    }

    @Test
    void booksARideWithTheUnicornTheFleetFunctionReturnsAndPublishesIt() throws InterruptedException {
        lambda.answering(200, LambdaStub.JSON, LambdaStub.UNICORN, LambdaStub.succeeded());
        sns.answering(200, SnsStub.XML, SnsStub.PUBLISHED);

        APIGatewayProxyResponseEvent response =
                handler.handleRequest(EventLoader.loadApiGatewayRestEvent("apigw/request_ride.json"), context);

        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(201);
        assertThat(response.getBody()).contains("\"Unicorn\":{\"Name\":\"Bucephalus\",\"Color\":\"Golden\"");
        HttpStub.Received invoke = lambda.takeRequest();
        assertThat(invoke.method()).isEqualTo("POST");
        assertThat(invoke.path()).isEqualTo(LambdaStub.invocationsPath(FLEET));
        assertThat(invoke.header("X-Amz-Invocation-Type")).isEqualTo("RequestResponse");
        assertThat(invoke.header("Authorization")).contains("/us-east-1/lambda/aws4_request");
        assertThat(invoke.body()).isEqualTo("{}");
        assertThat(SnsStub.form(sns.takeRequest().body())).containsEntry("Message", response.getBody());
    }

    @Test
    void answers503AndPublishesNothingWhenTheFleetIsEmpty() {
        lambda.answering(200, LambdaStub.JSON, LambdaStub.NO_UNICORN_AVAILABLE, LambdaStub.failed());

        APIGatewayProxyResponseEvent response =
                handler.handleRequest(EventLoader.loadApiGatewayRestEvent("apigw/request_ride.json"), context);

        assertThat(response.getStatusCode()).isEqualTo(503);
        assertThat(response.getBody()).isEqualTo("{\"error\":\"ServiceUnavailable\",\"message\":"
                + "\"The unicorn fleet is unavailable (NoUnicornAvailableException:"
                + " No unicorn is available: the fleet is empty.)\"}");
        assertThat(sns.requestCount()).isZero();
    }

    @Test
    void answers502WhenTheTopicRefusesThePublish() {
        lambda.answering(200, LambdaStub.JSON, LambdaStub.UNICORN, LambdaStub.succeeded());
        sns.answering(403, SnsStub.XML, SnsStub.AUTHORIZATION_ERROR);

        APIGatewayProxyResponseEvent response =
                handler.handleRequest(EventLoader.loadApiGatewayRestEvent("apigw/request_ride.json"), context);

        assertThat(response.getStatusCode()).isEqualTo(502);
        assertThat(response.getBody()).isEqualTo("{\"error\":\"BadGateway\",\"message\":"
                + "\"The rides topic refused the call (AuthorizationError)\"}");
    }
}
