package com.wildrydes.systemtests.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Each function artifact of each stage against the size budget: what a deployment uploads and a cold start opens. */
final class ArtifactSizes {

    static final String SECTION = "Artifact size";
    static final double MIB = 1024.0 * 1024.0;
    static final Budget BUDGET = new Budget.MaxValue(8, "MB");

    static final List<String> STAGES = List.of("00-baseline", "01-asynchronous-event-driven", "02-synchronous-requests");
    static final List<String> SERVICES = List.of("wild-rydes", "wild-rydes-ride-fleet", "wild-rydes-ride-record");

    private ArtifactSizes() {
    }

    static List<Result> measure(Path workshopRoot) throws IOException {
        List<Result> results = new ArrayList<>();
        for (String stage : STAGES) {
            for (String service : SERVICES) {
                Path jar = workshopRoot.resolve(stage).resolve(service).resolve("target").resolve(service + ".jar");
                results.add(of(stage + "/" + service + "/target/" + service + ".jar", jar));
            }
        }
        return results;
    }

    static Result of(String subject, Path jar) throws IOException {
        if (!Files.isRegularFile(jar)) {
            return new Result(SECTION, subject, "-", Double.NaN, Double.NaN, "MB", BUDGET,
                    "not built: run ./mvnw -B -ntp package -DskipTests -f " + jar.getParent().getParent().getParent() + "/pom.xml");
        }
        long bytes = Files.size(jar);
        return new Result(SECTION, String.format(Locale.ROOT, "%s (%,d bytes)", subject, bytes), "-", Double.NaN, bytes / MIB, "MB",
                BUDGET, "");
    }
}
