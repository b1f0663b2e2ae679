package com.wildrydes.workshop.compare;

import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;

/**
 * Everything one compare run found, as the reports print it and compare.json stores it.
 *
 * @param models each stage's modelled AWS-like p50, by stage folder; empty unless {@code --latency aws}
 */
public record CompareResult(ZonedDateTime date, Machine machine, Parameters parameters, List<StageMeasurement> stages,
                            Map<String, MonthlyBill> bills, Map<String, LatencyProfile.Model> models,
                            List<TargetCheck> targets, PriceTable prices, double seconds) {

    /** Where the run happened: timings only compare across runs on the same kind of machine. */
    public record Machine(int cores, String os, String jdk) {

        static Machine current() {
            return new Machine(Runtime.getRuntime().availableProcessors(),
                    System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch"),
                    System.getProperty("java.vendor") + " " + System.getProperty("java.runtime.version"));
        }
    }

    public record Parameters(int rides, int warmupRides, int concurrency, long ridesPerMonth, boolean awsLatency) {

        static Parameters of(CompareSettings settings) {
            return new Parameters(settings.rides(), settings.warmupRides(), settings.concurrency(), settings.ridesPerMonth(),
                    settings.awsLatency());
        }
    }

    /** A run is healthy when every stage ran and no ride was refused or lost; timings never make it unhealthy. */
    public boolean healthy() {
        return !stages.isEmpty() && stages.stream().allMatch(StageMeasurement::healthy);
    }
}
