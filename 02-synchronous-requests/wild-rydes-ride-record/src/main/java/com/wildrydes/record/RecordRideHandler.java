package com.wildrydes.record;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SNSEvent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Optional;
import java.util.function.Consumer;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * RecordRide: stores each ride published to the rides topic, through the same routine as POST /record.
 *
 * <p>SNS invokes it asynchronously, so throwing is its only way to say "not done": Lambda then retries the event
 * and, when the retries fail too, hands it to the dead-letter queue. Every message of the event is tried first, so
 * one bad message never costs the others their recording; a retry repeats the good ones, which recording absorbs.
 */
public final class RecordRideHandler implements RequestHandler<SNSEvent, Void> {

    private final RideParser parser = new RideParser();
    private final RideRecordService service;
    private final Consumer<String> log;

    public RecordRideHandler() {
        this(fromEnvironment(RequiredEnvironment.ofSystem()), FunctionLog::info);
    }

    public RecordRideHandler(RideRecordService service, Consumer<String> log) {
        this.service = service;
        this.log = log;
    }

    private static RideRecordService fromEnvironment(RequiredEnvironment env) {
        var tableName = env.get("DDB_TABLE_NAME");
        var dynamoDb = DynamoDbClient.builder()
                .region(Region.of(env.get("AWS_REGION")))
                .httpClient(UrlConnectionHttpClient.create())
                .build();
        return new RideRecordService(new DynamoDbRideRepository(dynamoDb, tableName));
    }

    /**
     * @throws RidesNotRecordedException after trying every message, if any of them could not be recorded
     */
    @Override
    public Void handleRequest(SNSEvent event, Context context) {
        if (event == null || event.getRecords() == null) {
            throw new IllegalArgumentException("The event has no Records: RecordRide handles SNS notifications only");
        }
        var failures = new ArrayList<String>();
        for (var record : event.getRecords()) {
            record(RideRequestedMessage.of(record)).ifPresent(failures::add);
        }
        if (!failures.isEmpty()) {
            throw new RidesNotRecordedException(failures, event.getRecords().size());
        }
        return null;
    }

    /** Records the message's ride; returns why it could not, if it could not. */
    private Optional<String> record(RideRequestedMessage message) {
        try {
            var ride = message.ride(parser);
            switch (service.record(ride)) {
                case RecordOutcome.Recorded recorded ->
                        log.accept("Recorded ride " + ride.rideId() + " from " + message.describe());
                case RecordOutcome.AlreadyRecorded repeat ->
                        log.accept("Ride " + ride.rideId() + " was already recorded: " + message.describe()
                                + " is a repeated delivery, and the stored ride stays as it is");
                // Not retried: a retry would meet the same stored ride. The log keeps both for whoever sorts it out.
                case RecordOutcome.Conflict conflict ->
                        log.accept("Dropped " + message.describe() + ": RideId " + ride.rideId()
                                + " is already recorded for a different ride; stored " + conflict.stored()
                                + ", received " + ride);
            }
            return Optional.empty();
        } catch (InvalidRideException poison) {
            log.accept("Cannot record " + message.describe() + " (" + poison.error() + "): " + poison.getMessage());
            return Optional.of(message.messageId() + ": " + poison.getMessage());
        } catch (SdkException storeUnreachable) {
            log.accept("Cannot record " + message.describe() + " now: the ride record store failed: "
                    + storeUnreachable.getMessage());
            return Optional.of(message.messageId() + ": the ride record store is unavailable");
        } catch (RuntimeException bug) {
            String where = Arrays.stream(bug.getStackTrace()).findFirst().map(frame -> " at " + frame).orElse("");
            log.accept("Recording " + message.describe() + " failed unexpectedly: " + bug + where);
            return Optional.of(message.messageId() + ": " + bug);
        }
    }
}
