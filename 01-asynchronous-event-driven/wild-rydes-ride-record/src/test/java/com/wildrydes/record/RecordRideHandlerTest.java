package com.wildrydes.record;

import static com.wildrydes.record.Rides.SHADOWFAX_RIDE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.amazonaws.services.lambda.runtime.events.SNSEvent;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import com.amazonaws.services.lambda.runtime.tests.annotations.Event;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awssdk.core.exception.SdkClientException;

class RecordRideHandlerTest {

    private static final String BUCEPHALUS_RIDE_ID = "7a9e4c21-5b3d-4f86-a0c2-9e8d7b6a5f43";
    private static final String ROCINANTE_RIDE_ID = "c2d8f0a6-3e1b-4a79-8c5d-6b4f2e0a9d17";
    private static final String SHADOWFAX_MESSAGE_ID = "95df01b4-ee98-5cb9-9903-4c221d41eb5e";

    private final InMemoryRideRepository repository = new InMemoryRideRepository();
    private final List<String> logs = new CopyOnWriteArrayList<>();
    private final RecordRideHandler handler = new RecordRideHandler(new RideRecordService(repository), logs::add);

    private static SNSEvent event(String fixture) {
        return EventLoader.loadSNSEvent(fixture);
    }

    private RidesNotRecordedException failure(SNSEvent event) {
        var failure = catchThrowableOfType(RidesNotRecordedException.class, () -> handler.handleRequest(event, null));
        assertThat(failure).as("expected the event to fail, so that Lambda retries it").isNotNull();
        return failure;
    }

    @ParameterizedTest
    @Event(value = "sns/ride_requested.json", type = SNSEvent.class)
    void recordsTheRideAMessageCarriesAndLogsWhichMessageItWas(SNSEvent event) {
        assertThat(handler.handleRequest(event, null)).isNull();

        assertThat(repository.rides).containsExactly(Map.entry(SHADOWFAX_RIDE.rideId(), SHADOWFAX_RIDE));
        assertThat(logs).singleElement().asString().contains("Recorded ride " + SHADOWFAX_RIDE.rideId(),
                SHADOWFAX_MESSAGE_ID, "correlationId c6af9ac6-7b61-4e1f-9a41-93e8d1b2c3f4");
    }

    @ParameterizedTest
    @Event(value = "sns/ride_requested_several.json", type = SNSEvent.class)
    void recordsEveryMessageOfTheEventNotOnlyTheFirst(SNSEvent event) {
        handler.handleRequest(event, null);

        assertThat(repository.rides.keySet())
                .containsExactly(SHADOWFAX_RIDE.rideId(), BUCEPHALUS_RIDE_ID, ROCINANTE_RIDE_ID);
        assertThat(repository.rides.get(BUCEPHALUS_RIDE_ID).unicorn().name()).isEqualTo("Bucephalus");
    }

    @ParameterizedTest
    @Event(value = "sns/ride_requested_duplicate.json", type = SNSEvent.class)
    void aRepeatedDeliveryLeavesOneRecordAndIsNotAnError(SNSEvent event) {
        assertThatNoException().isThrownBy(() -> handler.handleRequest(event, null));

        assertThat(repository.rides).hasSize(1).containsValue(SHADOWFAX_RIDE);
        assertThat(logs).hasSize(2);
        assertThat(logs.get(1)).contains("already recorded", "repeated delivery", SHADOWFAX_MESSAGE_ID);
    }

    @ParameterizedTest
    @Event(value = "sns/ride_requested_several.json", type = SNSEvent.class)
    void aRetryOfAWholeEventRecordsNothingTwice(SNSEvent event) {
        handler.handleRequest(event, null);
        handler.handleRequest(event, null);

        assertThat(repository.rides).hasSize(3);
    }

    @ParameterizedTest
    @Event(value = "sns/ride_requested.json", type = SNSEvent.class)
    void aDifferentRideUnderATakenRideIdIsLoggedAndNotRetried(SNSEvent event) {
        var stored = Rides.withUnicorn(SHADOWFAX_RIDE, "Bucephalus");
        repository.save(stored);

        assertThatNoException().isThrownBy(() -> handler.handleRequest(event, null));

        assertThat(repository.rides.get(SHADOWFAX_RIDE.rideId())).isEqualTo(stored);
        assertThat(logs).singleElement().asString()
                .startsWith("Dropped message " + SHADOWFAX_MESSAGE_ID)
                .contains("already recorded for a different ride", "Bucephalus", "Shadowfax");
    }

    @ParameterizedTest
    @Event(value = "sns/ride_requested_poison.json", type = SNSEvent.class)
    void poisonMessagesFailTheEventOnlyAfterTheGoodOnesAreRecorded(SNSEvent event) {
        var failure = failure(event);

        assertThat(repository.rides.keySet()).containsExactly(SHADOWFAX_RIDE.rideId(), BUCEPHALUS_RIDE_ID);
        assertThat(failure.getMessage())
                .startsWith("2 of 4 messages could not be recorded: ")
                .contains("d3b5f7a9-2c4e-5f6a-9b8d-1e3f5a7c9e0b: The body is not valid JSON")
                .contains("4f6a8c0e-1b3d-5a7c-9e2f-4b6d8f0a2c4e: RideId must be a UUID");
        assertThat(logs).filteredOn(line -> line.startsWith("Cannot record")).containsExactly(
                logs.get(1), logs.get(2));
        assertThat(logs.get(1)).contains("d3b5f7a9-2c4e-5f6a-9b8d-1e3f5a7c9e0b", "(MalformedJson)",
                "correlationId f7e5d3c1-b9a7-4c5e-8d3f-1a9b7c5e3d1f");
        assertThat(logs.get(2)).contains("4f6a8c0e-1b3d-5a7c-9e2f-4b6d8f0a2c4e", "(InvalidRide)");
    }

    @ParameterizedTest
    @Event(value = "sns/ride_requested_version_2.json", type = SNSEvent.class)
    void aVersionThisServiceDoesNotKnowIsPoisonNamingTheSupportedOne(SNSEvent event) {
        var failure = failure(event);

        assertThat(failure.getMessage()).isEqualTo("1 of 1 messages could not be recorded: "
                + "7e9a1c3e-5f7b-5d9f-a1c3-e5f7b9d1f3a5: EventVersion '2' of RideRequested is not supported;"
                + " supported: 1");
        assertThat(repository.rides).isEmpty();
        assertThat(logs).singleElement().asString().contains("(UnsupportedEvent)");
    }

    @ParameterizedTest(name = "without {0}")
    @CsvSource({"EventType, EventType (missing) is not supported",
            "EventVersion, EventVersion (missing) of RideRequested is not supported"})
    void aMessageWithoutItsTypeOrVersionIsPoison(String attribute, String problem) {
        var event = event("sns/ride_requested.json");
        var attributes = new HashMap<>(event.getRecords().getFirst().getSNS().getMessageAttributes());
        attributes.remove(attribute);
        event.getRecords().getFirst().getSNS().setMessageAttributes(attributes);

        assertThat(failure(event).getMessage()).contains(problem);
        assertThat(repository.rides).isEmpty();
    }

    @Test
    void anEmptyMessageIsPoison() {
        var event = event("sns/ride_requested.json");
        event.getRecords().getFirst().getSNS().setMessage("");

        assertThat(failure(event).getMessage()).contains("The message is empty");
    }

    @ParameterizedTest
    @Event(value = "sns/ride_requested_several.json", type = SNSEvent.class)
    void anUnreachableStoreFailsTheEventSoThatLambdaRetriesIt(SNSEvent event) {
        var handler = new RecordRideHandler(new RideRecordService(
                new InMemoryRideRepository().failingWith(SdkClientException.create("Connection refused"))), logs::add);

        var failure = catchThrowableOfType(RidesNotRecordedException.class, () -> handler.handleRequest(event, null));

        assertThat(failure.getMessage()).startsWith("3 of 3 messages could not be recorded: "
                + SHADOWFAX_MESSAGE_ID + ": the ride record store is unavailable");
        assertThat(logs).hasSize(3).allSatisfy(line -> assertThat(line).contains("Connection refused"));
    }

    @ParameterizedTest
    @Event(value = "sns/ride_requested.json", type = SNSEvent.class)
    void anUnexpectedFailureAlsoFailsTheEventAndIsLoggedWithWhereItHappened(SNSEvent event) {
        var handler = new RecordRideHandler(new RideRecordService(
                new InMemoryRideRepository().failingWith(new IllegalStateException("stored item is not a ride"))),
                logs::add);

        var failure = catchThrowableOfType(RidesNotRecordedException.class, () -> handler.handleRequest(event, null));

        assertThat(failure.getMessage()).contains("stored item is not a ride");
        assertThat(logs).singleElement().asString()
                .contains("failed unexpectedly", "IllegalStateException", " at " + getClass().getName());
    }

    @Test
    void anEventWithoutRecordsIsNotAnSnsNotification() {
        assertThatIllegalArgumentException().isThrownBy(() -> handler.handleRequest(new SNSEvent(), null))
                .withMessageContaining("RecordRide handles SNS notifications only");
    }

    @ParameterizedTest
    @Event(value = "sns/ride_requested_duplicate.json", type = SNSEvent.class)
    void recordsThroughTheDynamoDbAdapterEndToEnd(SNSEvent event) {
        var dynamoDb = new FakeDynamoDb();
        var handler = new RecordRideHandler(
                new RideRecordService(new DynamoDbRideRepository(dynamoDb, "RideRecordTable")), logs::add);

        handler.handleRequest(event, null);
        handler.handleRequest(event("sns/ride_requested_several.json"), null);

        assertThat(dynamoDb.puts).hasSize(5);
        assertThat(dynamoDb.items.keySet())
                .containsExactlyInAnyOrder(SHADOWFAX_RIDE.rideId(), BUCEPHALUS_RIDE_ID, ROCINANTE_RIDE_ID);
        assertThat(DynamoDbRideRepository.toRide(dynamoDb.items.get(SHADOWFAX_RIDE.rideId())))
                .isEqualTo(SHADOWFAX_RIDE);
    }
}
