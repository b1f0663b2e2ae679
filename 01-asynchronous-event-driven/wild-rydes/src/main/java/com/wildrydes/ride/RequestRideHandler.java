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
import software.amazon.awssdk.regions.Region;

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
        return new RideService(
                new HttpUnicornFleet(new JsonHttp(), configuration.requestUnicornUrl()),
                new SnsRideRecorder(SnsRideRecorder.client(Region.of(configuration.region())),
                        configuration.ridesTopicArn()),
                Clock.systemUTC());
    }

    @Override
    public APIGatewayProxyResponseEvent handleRequest(APIGatewayProxyRequestEvent request, Context context) {
        CorrelationId correlationId = CorrelationId.of(request);
        try {
            if ("OPTIONS".equals(request.getHttpMethod())) {
                return ApiResponses.preflight();
            }
            Ride ride = rides.requestRide(RideRequestParser.parse(request), correlationId);
            // The rider has the ride; this line lets the ride's recording be traced back to this request.
            context.getLogger().log("RequestRide booked: status=201 requestId=" + context.getAwsRequestId()
                    + " correlationId=" + correlationId + " rideId=" + ride.rideId() + "\n");
            return ApiResponses.created(ride);
        } catch (InvalidRequestException e) {
            return logged(context, correlationId, ApiResponses.rejected(e), e.getMessage(), Optional.empty());
        } catch (DownstreamException e) {
            return logged(context, correlationId, ApiResponses.downstreamFailed(e), e.getMessage(), e.rideId());
        } catch (RuntimeException e) {
            // The rider gets the request id only; the log gets the exception and where it was thrown.
            String where = Arrays.stream(e.getStackTrace()).findFirst().map(frame -> " at " + frame).orElse("");
            return logged(context, correlationId, ApiResponses.internalError(context.getAwsRequestId()), e + where,
                    Optional.empty());
        }
    }

    /** One line per failed request, keyed by request id and correlation id (and ride id once there is one). */
    private static APIGatewayProxyResponseEvent logged(Context context, CorrelationId correlationId,
            APIGatewayProxyResponseEvent response, String problem, Optional<UUID> rideId) {
        context.getLogger().log("RequestRide failed: status=" + response.getStatusCode()
                + " requestId=" + context.getAwsRequestId()
                + " correlationId=" + correlationId
                + rideId.map(id -> " rideId=" + id).orElse("")
                + " problem=" + problem.replace('\n', ' ') + "\n");
        return response;
    }
}
