package com.wildrydes.record;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.google.gson.annotations.SerializedName;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** POST /record: stores the ride in the body, once. */
public final class PutRideRecordHandler
        implements RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> {

    /** A ride is a few hundred bytes; anything near this size is not a ride. */
    static final int MAX_BODY_BYTES = 64 * 1024;

    private final RideParser parser = new RideParser();
    private final RideRecordService service;

    public PutRideRecordHandler() {
        this(fromEnvironment(RequiredEnvironment.ofSystem()));
    }

    public PutRideRecordHandler(RideRecordService service) {
        this.service = service;
    }

    private static RideRecordService fromEnvironment(RequiredEnvironment env) {
        var tableName = env.get("DDB_TABLE_NAME");
        var dynamoDb = DynamoDbClient.builder()
                .region(Region.of(env.get("AWS_REGION")))
                .httpClient(UrlConnectionHttpClient.create())
                .build();
        return new RideRecordService(new DynamoDbRideRepository(dynamoDb, tableName));
    }

    @Override
    public APIGatewayProxyResponseEvent handleRequest(APIGatewayProxyRequestEvent request, Context context) {
        try {
            var contentType = JsonContentType.unsupported(request);
            if (contentType.isPresent()) {
                return ApiResponses.error(415, "UnsupportedMediaType",
                        "Content-Type '" + contentType.get() + "' is not supported; send the Ride as application/json.");
            }
            var body = bodyOf(request);
            int size = body.getBytes(StandardCharsets.UTF_8).length;
            if (size > MAX_BODY_BYTES) {
                return ApiResponses.error(413, "PayloadTooLarge",
                        "The body is " + size + " bytes; a ride record may be at most " + MAX_BODY_BYTES + " bytes.");
            }
            if (body.isBlank()) {
                return ApiResponses.error(400, "MissingBody", "The request has no body; send the Ride as JSON.");
            }
            var ride = parser.parse(body);
            return switch (service.record(ride)) {
                case RecordOutcome.Recorded recorded -> created(ride);
                case RecordOutcome.AlreadyRecorded repeat -> created(ride);
                case RecordOutcome.Conflict conflict -> ApiResponses.error(409, "RideIdConflict",
                        "RideId " + ride.rideId() + " is already recorded for a different ride; "
                                + "a new ride needs a new RideId.");
            };
        } catch (InvalidRideException invalid) {
            return ApiResponses.error(400, invalid.error(), invalid.getMessage());
        } catch (SdkException storeUnreachable) {
            // 503: the store failed, not the request; retrying is safe because recording is idempotent.
            FunctionLog.failure("Recording a ride failed", storeUnreachable);
            return ApiResponses.error(503, "RecordStoreUnavailable",
                    "The ride could not be recorded just now; try again shortly.");
        } catch (RuntimeException bug) {
            FunctionLog.failure("PutRideRecord failed", bug);
            return ApiResponses.error(500, "InternalError", "Recording the ride failed unexpectedly.");
        }
    }

    /** API Gateway base64-encodes bodies only for binary media types; decoding them costs nothing to support. */
    private static String bodyOf(APIGatewayProxyRequestEvent request) {
        var body = request.getBody();
        if (body == null) {
            return "";
        }
        if (!Boolean.TRUE.equals(request.getIsBase64Encoded())) {
            return body;
        }
        try {
            return new String(Base64.getDecoder().decode(body), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException notBase64) {
            throw InvalidRideException.malformed("The body is marked base64-encoded but is not valid base64");
        }
    }

    private static APIGatewayProxyResponseEvent created(Ride ride) {
        return ApiResponses.json(201, new RecordedBody(true, ride.rideId()));
    }

    private record RecordedBody(boolean success, @SerializedName("RideId") String rideId) {
    }
}
