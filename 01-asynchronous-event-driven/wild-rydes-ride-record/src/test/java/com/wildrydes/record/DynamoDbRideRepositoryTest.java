package com.wildrydes.record;

import static com.wildrydes.record.Rides.SHADOWFAX_RIDE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;

class DynamoDbRideRepositoryTest {

    private static final String TABLE = "wild-rydes-ride-record-RideRecordTable-9QW2E4R6T8Y0";

    private final FakeDynamoDb dynamoDb = new FakeDynamoDb();
    private final DynamoDbRideRepository repository = new DynamoDbRideRepository(dynamoDb, TABLE);

    @Test
    void putsTheRideConditionallyAndAsksForTheStoredItemOnConflict() {
        assertThat(repository.save(SHADOWFAX_RIDE)).isEqualTo(new SaveResult.Saved());

        assertThat(dynamoDb.puts).singleElement().satisfies(put -> {
            assertThat(put.tableName()).isEqualTo(TABLE);
            assertThat(put.conditionExpression()).isEqualTo("attribute_not_exists(RideId)");
            assertThat(put.returnValuesOnConditionCheckFailure())
                    .isEqualTo(ReturnValuesOnConditionCheckFailure.ALL_OLD);
        });
    }

    @Test
    void laysTheItemOutAsTheContractSaysWithUnicornNameForQueries() {
        repository.save(SHADOWFAX_RIDE);

        assertThat(dynamoDb.puts.getFirst().item()).containsExactlyInAnyOrderEntriesOf(Map.of(
                "RideId", AttributeValue.fromS("3f1c2b7e-9a4d-4e8b-b2c6-5d7e8f9a0b1c"),
                "Unicorn", AttributeValue.fromM(Map.of(
                        "Name", AttributeValue.fromS("Shadowfax"),
                        "Color", AttributeValue.fromS("White"),
                        "DeviceId", AttributeValue.fromS("f15adbd8-793d-4698-b68d-bd02e8bf2596"))),
                "UnicornName", AttributeValue.fromS("Shadowfax"),
                "RequestTime", AttributeValue.fromS("2026-11-27T09:41:07.123Z"),
                "PickupLocation", AttributeValue.fromM(Map.of(
                        "Latitude", AttributeValue.fromN("47.60621"),
                        "Longitude", AttributeValue.fromN("-122.33207")))));
    }

    @Test
    void writesNumbersInPlainDecimalNotation() {
        var nearNullIsland = new Ride(SHADOWFAX_RIDE.rideId(), SHADOWFAX_RIDE.unicorn(), SHADOWFAX_RIDE.requestTime(),
                new PickupLocation(1.0E-7, -0.0));

        repository.save(nearNullIsland);

        var location = dynamoDb.puts.getFirst().item().get("PickupLocation").m();
        assertThat(location.get("Latitude").n()).isEqualTo("0.00000010");
        assertThat(location.get("Longitude").n()).isEqualTo("0.0");
        assertThat(DynamoDbRideRepository.toRide(dynamoDb.puts.getFirst().item())).isEqualTo(nearNullIsland);
    }

    @Test
    void aTakenRideIdReturnsTheStoredRideWhenItIsTheSame() {
        repository.save(SHADOWFAX_RIDE);

        assertThat(repository.save(SHADOWFAX_RIDE)).isEqualTo(new SaveResult.AlreadyStored(SHADOWFAX_RIDE));
        assertThat(dynamoDb.items).hasSize(1);
    }

    @Test
    void aTakenRideIdReturnsTheStoredRideWhenItDiffers() {
        repository.save(SHADOWFAX_RIDE);

        var result = repository.save(Rides.withUnicorn(SHADOWFAX_RIDE, "Rocinante"));

        assertThat(result).isEqualTo(new SaveResult.AlreadyStored(SHADOWFAX_RIDE));
        assertThat(dynamoDb.items.get(SHADOWFAX_RIDE.rideId()).get("UnicornName").s()).isEqualTo("Shadowfax");
    }

    @Test
    void aConflictWithoutTheStoredItemIsAnErrorNotAGuess() {
        var repository = new DynamoDbRideRepository(new FakeDynamoDb().withholdingTheOldItem(), TABLE);
        repository.save(SHADOWFAX_RIDE);

        assertThatThrownBy(() -> repository.save(SHADOWFAX_RIDE))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(SHADOWFAX_RIDE.rideId())
                .hasMessageContaining("ALL_OLD");
    }

    @Test
    void aStoredItemThatIsNotARideIsReportedAsSuch() {
        var broken = new HashMap<>(DynamoDbRideRepository.toItem(SHADOWFAX_RIDE));
        broken.remove("PickupLocation");

        assertThatThrownBy(() -> DynamoDbRideRepository.toRide(broken))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("is not a ride");
    }

    @Test
    void otherDynamoDbFailuresReachTheCaller() {
        var repository = new DynamoDbRideRepository(
                new FakeDynamoDb().failingWith(SdkClientException.create("Connection refused")), TABLE);

        assertThatThrownBy(() -> repository.save(SHADOWFAX_RIDE)).isInstanceOf(SdkClientException.class);
    }
}
