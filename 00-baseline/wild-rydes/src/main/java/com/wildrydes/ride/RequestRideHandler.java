package com.wildrydes.ride;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import java.time.Clock;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.UnaryOperator;

/** RequestRide: POST /ride (and its CORS preflight) from API Gateway. */
public final class RequestRideHandler
        implements RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> {

    private final RideService rides;

    /** Called by the Lambda runtime once per execution environment: the adapters are built here, once. */
    public RequestRideHandler() {
        this(System::getenv);
    }

    RequestRideHandler(UnaryOperator<String> environment) {
        this(wire(Configuration.fromEnvironment(environment)));
    }

    RequestRideHandler(RideService rides) {
        this.rides = Objects.requireNonNull(rides, "rides");
    }

    private static RideService wire(Configuration configuration) {
        JsonHttp http = new JsonHttp();
        return new RideService(
                new HttpUnicornFleet(http, configuration.requestUnicornUrl()),
                new HttpRideRecorder(http, configuration.rideRecordUrl()),
                Clock.systemUTC());
    }

    @Override
    public APIGatewayProxyResponseEvent handleRequest(APIGatewayProxyRequestEvent request, Context context) {
        try {
            if ("OPTIONS".equals(request.getHttpMethod())) {
                return ApiResponses.preflight();
            }
            return ApiResponses.created(rides.requestRide(RideRequestParser.parse(request)));
        } catch (InvalidRequestException e) {
            return logged(context, ApiResponses.rejected(e), e.getMessage(), Optional.empty());
        } catch (DownstreamException e) {
            return logged(context, ApiResponses.downstreamFailed(e), e.getMessage(), e.rideId());
        } catch (RuntimeException e) {
            // The rider gets the request id only; the log gets the exception and where it was thrown.
            String where = Arrays.stream(e.getStackTrace()).findFirst().map(frame -> " at " + frame).orElse("");
            return logged(context, ApiResponses.internalError(context.getAwsRequestId()), e + where,
                    Optional.empty());
        }
    }

    /** One line per failed request, keyed by request id (and ride id once there is one). */
    private static APIGatewayProxyResponseEvent logged(Context context, APIGatewayProxyResponseEvent response,
            String problem, Optional<UUID> rideId) {
        context.getLogger().log("RequestRide failed: status=" + response.getStatusCode()
                + " requestId=" + context.getAwsRequestId()
                + rideId.map(id -> " rideId=" + id).orElse("")
                + " problem=" + problem.replace('\n', ' ') + "\n");
        return response;
    }
}
