package com.wildrydes.fleet;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The SeedUnicorns custom resource: Create and Update put the seed fleet into the table named by the TableName
 * property; Delete leaves the data alone (the table's own deletion removes it). Every outcome becomes a response,
 * never an exception, because an unanswered request stalls the stack for an hour.
 */
public final class UnicornSeedResource {

    static final String TABLE_NAME_PROPERTY = "TableName";

    private final Function<String, UnicornFleet> fleetInTable;
    private final Supplier<List<Unicorn>> seedFleet;

    public UnicornSeedResource(Function<String, UnicornFleet> fleetInTable, Supplier<List<Unicorn>> seedFleet) {
        this.fleetInTable = fleetInTable;
        this.seedFleet = seedFleet;
    }

    /** Handles the request, giving up on seeding after {@code budget} so there is still time to answer. */
    public CustomResourceResponse handle(CustomResourceRequest request, Duration budget) {
        return switch (request.requestType()) {
            case "Create", "Update" -> seed(request, budget);
            // Always SUCCESS: a failing Delete would leave the stack stuck in DELETE_FAILED.
            case "Delete" -> CustomResourceResponse.success(request, currentResourceId(request),
                    "Nothing to remove: the seeded unicorns go away with their table", null);
            case null, default -> CustomResourceResponse.failed(request, currentResourceId(request),
                    "Unsupported RequestType '" + request.requestType() + "'; supported: Create, Update, Delete");
        };
    }

    private CustomResourceResponse seed(CustomResourceRequest request, Duration budget) {
        var tableName = request.property(TABLE_NAME_PROPERTY);
        if (tableName.isEmpty()) {
            return CustomResourceResponse.failed(request, currentResourceId(request),
                    "The ResourceProperties need a TableName naming the table to seed");
        }
        try {
            int count = within(budget, () -> putSeedFleet(tableName.get()));
            return CustomResourceResponse.success(request, seededResourceId(tableName.get()),
                    "Seeded " + count + " unicorns into " + tableName.get(), Map.of("UnicornCount", count));
        } catch (TimeoutException slow) {
            return CustomResourceResponse.failed(request, currentResourceId(request), "Seeding "
                    + tableName.get() + " did not finish within " + budget.toMillis() + " ms");
        } catch (Exception failure) {
            FunctionLog.failure("Seeding " + tableName.get() + " failed", failure);
            return CustomResourceResponse.failed(request, currentResourceId(request),
                    "Seeding " + tableName.get() + " failed: " + failure);
        }
    }

    private int putSeedFleet(String tableName) {
        var unicorns = seedFleet.get();
        var fleet = fleetInTable.apply(tableName);
        unicorns.forEach(fleet::put);
        return unicorns.size();
    }

    /** Runs the work on a virtual thread, so a hung DynamoDB call cannot use up the time needed to respond. */
    private static <T> T within(Duration budget, Supplier<T> work) throws Exception {
        var result = new CompletableFuture<T>();
        Thread.ofVirtual().name("seed-fleet").start(() -> {
            try {
                result.complete(work.get());
            } catch (Throwable failure) {
                result.completeExceptionally(failure);
            }
        });
        try {
            return result.get(budget.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException failed) {
            throw failed.getCause() instanceof Exception cause ? cause : failed;
        }
    }

    /** Stable per table: reseeding the same table keeps the id, so CloudFormation never sees a replacement. */
    static String seededResourceId(String tableName) {
        return tableName + "-seed";
    }

    /**
     * Delete and failures keep the resource's current id: a new id on a failed Update would read as a replacement.
     * A failed Create has none yet and still needs one, which the rollback's Delete will then carry.
     */
    private static String currentResourceId(CustomResourceRequest request) {
        if (request.physicalResourceId() != null) {
            return request.physicalResourceId();
        }
        return request.property(TABLE_NAME_PROPERTY)
                .map(UnicornSeedResource::seededResourceId)
                .orElse(request.logicalResourceId() + "-seed");
    }
}
