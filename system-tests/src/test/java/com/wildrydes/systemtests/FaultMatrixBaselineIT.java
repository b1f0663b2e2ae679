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
 * Stage 00's row of the fault matrix. Everything is synchronous, so any fault on the fleet or the recording
 * path reaches the rider as a clear 5xx within the caller's 3 s timeout, and no 201 is given for a ride
 * that was not stored. A recording that outlives the caller (a dropped response) is the one case with a record
 * and no 201: nothing is lost, but the rider was told the ride failed.
 */
@DeployedStage("00-baseline")
class FaultMatrixBaselineIT {

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
                fault(new FaultMatrix.Case("record throws", RECORD, "PutRideRecord", new InjectedFault.Throw("table down"), 0, ERROR, BOUND)),
                fault(new FaultMatrix.Case("record delayed 500 ms", RECORD, "PutRideRecord", new InjectedFault.Sleep(500), 0, SUCCESS, BOUND)),
                fault(new FaultMatrix.Case("record response dropped (5 s > caller's 4 s)", RECORD, "PutRideRecord",
                        new InjectedFault.Sleep(5_000), 0, ERROR, BOUND, true, 0, 1)),
                fault(new FaultMatrix.Case("record exceeds its timeout", RECORD, "PutRideRecord", new InjectedFault.Timeout(), 0, ERROR,
                        BOUND).once()),
                fault(new FaultMatrix.Case("record JVM exits", RECORD, "PutRideRecord", new InjectedFault.Exit(1), 0, ERROR, BOUND)),
                fault(FaultMatrix.Case.stackStopped(FLEET, ERROR, BOUND)));
    }

    @ParameterizedTest
    @MethodSource("faults")
    void theRiderGetsAClearAnswerInBoundedTimeAndNoAcceptedRideIsLost(FaultMatrix.Case fault, RunningStage stage)
            throws Exception {
        new FaultMatrix(stage, "00-baseline", Optional.empty()).run(fault);
    }

    private static Arguments fault(FaultMatrix.Case c) {
        return argumentSet(c.name(), c);
    }
}
