package com.wildrydes.fleet;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import software.amazon.awssdk.core.exception.SdkException;

/** GET /unicorn: answers with one unicorn of the fleet, through API Gateway. */
public final class RequestUnicornHandler
        implements RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> {

    private final UnicornDispatcher dispatcher;

    public RequestUnicornHandler() {
        this(UnicornDispatchers.fromEnvironment(RequiredEnvironment.ofSystem()));
    }

    public RequestUnicornHandler(UnicornDispatcher dispatcher) {
        this.dispatcher = dispatcher;
    }

    @Override
    public APIGatewayProxyResponseEvent handleRequest(APIGatewayProxyRequestEvent request, Context context) {
        try {
            return dispatcher.pickOne()
                    .map(unicorn -> ApiResponses.json(200, unicorn))
                    .orElseGet(() -> ApiResponses.error(503, "NoUnicornAvailable",
                            "No unicorn is available: the fleet is empty."));
        } catch (SdkException fleetUnreadable) {
            // 503, not 500: the fault is in a dependency and is usually passing (throttling, a network blip),
            // so the caller may try again; nothing about the request itself was wrong.
            FunctionLog.failure("Reading the fleet failed", fleetUnreadable);
            return ApiResponses.error(503, "FleetUnavailable",
                    "The unicorn fleet could not be read just now; try again shortly.");
        } catch (RuntimeException bug) {
            FunctionLog.failure("RequestUnicorn failed", bug);
            return ApiResponses.error(500, "InternalError", "The unicorn fleet failed unexpectedly.");
        }
    }
}
