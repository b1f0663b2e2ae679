package com.wildrydes.systemtests;

import com.wildrydes.localcloud.runtime.InjectedFault;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Duration;
import java.util.Optional;
import java.util.stream.Stream;

import static com.wildrydes.systemtests.FaultMatrix.RiderSees.ERROR;
import static com.wildrydes.systemtests.FaultMatrix.RiderSees.SUCCESS;
import static org.junit.jupiter.params.provider.Arguments.argumentSet;

/**
 * Stage 01's row of the fault matrix. The fleet is still called synchronously, so its faults reach the
 * rider as a clear 5xx; the recording is asynchronous, so its faults never reach the rider at all, and the
 * retries, the dead-letter queue and a redrive make sure every 201 ends up recorded.
 */
@DeployedStage("01-asynchronous-event-driven")
class FaultMatrixAsyncIT {

    private static final String FLEET = "wild-rydes-ride-fleet";
    private static final String RECORD = "wild-rydes-ride-record";
    private static final Duration BOUND = Duration.ofSeconds(10);

    static Stream<Arguments> faults() {
        return Stream.of(
                fault(new FaultMatrix.Case("fleet throws", FLEET, "RequestUnicorn", new InjectedFault.Throw("fleet down"), 0, ERROR, BOUND)),
                fault(new FaultMatrix.Case("fleet delayed 500 ms", FLEET, "RequestUnicorn", new InjectedFault.Sleep(500), 0, SUCCESS, BOUND)),
                fault(new FaultMatrix.Case("fleet response dropped (5 s > caller's 4 s)", FLEET, "RequestUnicorn",
                        new InjectedFault.Sleep(5_000), 0, ERROR, BOUND).once()),
                fault(new FaultMatrix.Case("fleet exceeds its timeout", FLEET, "RequestUnicorn", new InjectedFault.Timeout(), 0, ERROR, BOUND).once()),
                fault(new FaultMatrix.Case("fleet JVM exits", FLEET, "RequestUnicorn", new InjectedFault.Exit(1), 0, ERROR, BOUND)),
                fault(new FaultMatrix.Case("record throws until dead-lettered", RECORD, "RecordRide",
                        new InjectedFault.Throw("table down"), 0, SUCCESS, BOUND, false, 2, 2)),
                fault(new FaultMatrix.Case("record delayed 2 s", RECORD, "RecordRide", new InjectedFault.Sleep(2_000), 0, SUCCESS, BOUND)),
                fault(new FaultMatrix.Case("record exceeds its timeout once", RECORD, "RecordRide", new InjectedFault.Timeout(), 1, SUCCESS, BOUND)),
                fault(new FaultMatrix.Case("record JVM exits once", RECORD, "RecordRide", new InjectedFault.Exit(1), 1, SUCCESS, BOUND)),
                fault(FaultMatrix.Case.stackStopped(FLEET, ERROR, BOUND)));
    }

    @ParameterizedTest
    @MethodSource("faults")
    void theRiderGetsAClearAnswerInBoundedTimeAndNoAcceptedRideIsLost(FaultMatrix.Case fault, RunningStage stage)
            throws Exception {
        new FaultMatrix(stage, "01-asynchronous-event-driven",
                Optional.of(stage.output(RECORD, "RideRecordDeadLetterQueueUrl"))).run(fault);
    }

    private static Arguments fault(FaultMatrix.Case c) {
        return argumentSet(c.name(), c);
    }
}
