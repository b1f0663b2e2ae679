package com.wildrydes.ride;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The handler as the runtime builds it, from environment variables, against neighbours on real sockets. */
class RequestRideHandlerWiringTest {

    private final HttpStub fleet = HttpStub.start();
    private final HttpStub rideRecord = HttpStub.start();
    private final FakeContext context = new FakeContext();
    private final RequestRideHandler handler = new RequestRideHandler(Map.of(
            "REQUEST_UNICORN_URL", fleet.uri("/Prod/unicorn").toString(),
            "RIDE_RECORD_URL", rideRecord.uri("/Prod/record").toString())::get);

    @AfterEach
    void stopStubs() {
        fleet.close();
        rideRecord.close();
    }

    @Test
    void booksARideThroughBothNeighbours() throws InterruptedException {
        fleet.answering(200, "{\"Name\":\"Bucephalus\",\"Color\":\"Golden\",\"DeviceId\":\"5e1c8a2f\"}");
        rideRecord.answering(201, "{}");

        APIGatewayProxyResponseEvent response =
                handler.handleRequest(EventLoader.loadApiGatewayRestEvent("apigw/request_ride.json"), context);

        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(201);
        assertThat(response.getBody()).contains("\"Unicorn\":{\"Name\":\"Bucephalus\",\"Color\":\"Golden\"");
        assertThat(fleet.takeRequest().method()).isEqualTo("GET");
        assertThat(rideRecord.takeRequest().body()).isEqualTo(response.getBody());
    }

    @Test
    void answers503AndRecordsNothingWhenTheFleetIsEmpty() {
        fleet.answering(503, "{\"error\":\"ServiceUnavailable\",\"message\":\"The fleet has no unicorns\"}");

        APIGatewayProxyResponseEvent response =
                handler.handleRequest(EventLoader.loadApiGatewayRestEvent("apigw/request_ride.json"), context);

        assertThat(response.getStatusCode()).isEqualTo(503);
        assertThat(response.getBody()).isEqualTo("{\"error\":\"ServiceUnavailable\",\"message\":"
                + "\"The unicorn fleet is unavailable (HTTP 503: The fleet has no unicorns)\"}");
        assertThat(rideRecord.requestCount()).isZero();
    }
}
