package com.wildrydes.workshop.compare;

import java.util.List;
import java.util.Map;

/**
 * One stage's figures from one compare run.
 *
 * @param failure          why the stage could not be measured; null when it was
 * @param coldRideMs       the stage's first ride, every function on its path starting cold
 * @param warm             rider-facing latency of the measured rides
 * @param warmupRides      rides before the measured run (more than one round when instances were still missing)
 * @param coldStartsInRun  invocations in the measured run that had to start an instance: ideally 0
 * @param refused          rides answered with anything but a 201 and a ride, in any phase
 * @param lost             accepted rides missing from RideRecordTable once the grace period was over
 * @param criticalPath     the path most sampled rides took, as {@link CriticalPath} prints it
 * @param pathAgreeing     how many of the {@code pathSamples} traces took exactly that path
 * @param pathHops         that path hop by hop, with medians over the sampled rides
 * @param callsInWindow    AWS calls during the measured run by service and operation
 * @param handlerP50Ms     each function's REPORT Duration, p50 over the measured run
 * @param apiOverheadP50Ms for each API, local-cloud's own time per request (its total less the Lambda invoke), p50
 */
public record StageMeasurement(String stage, String failure, double coldRideMs, Percentiles warm, int warmupRides,
                               int measuredRides, long coldStartsInRun, long accepted, long refused, long recorded, long lost,
                               List<String> problems, String criticalPath, int pathSamples, int pathAgreeing,
                               List<PathHop> pathHops, PerRideUsage perRide, Map<String, Long> callsInWindow,
                               Map<String, Long> invocationsByFunction, Map<String, Double> handlerP50Ms,
                               Map<String, Double> apiOverheadP50Ms, double seconds) {

    /**
     * One hop of the stage's critical path.
     *
     * @param durationMs median of the hop's duration as its caller waited for it
     * @param ownMs      median of the hop's own time: for a function the handler's own work (REPORT Duration less
     *                   the calls it waited for); for an API or AWS call the emulator's time less any callee
     */
    public record PathHop(CriticalPath.Kind kind, String label, double durationMs, double ownMs) {
    }

    public static StageMeasurement failed(String stage, String failure, double seconds) {
        return new StageMeasurement(stage, failure, Double.NaN, Percentiles.of(List.of()), 0, 0, 0, 0, 0, 0, 0, List.of(),
                "", 0, 0, List.of(), PerRideUsage.NONE, Map.of(), Map.of(), Map.of(), Map.of(), seconds);
    }

    public boolean succeeded() {
        return failure == null;
    }

    /** The stage number, e.g. {@code 01} for {@code 01-asynchronous-event-driven}. */
    public String number() {
        int dash = stage.indexOf('-');
        return dash < 0 ? stage : stage.substring(0, dash);
    }

    /** A stage ran, and every ride it was sent was accepted and recorded. */
    public boolean healthy() {
        return succeeded() && refused == 0 && lost == 0;
    }
}
