package com.wildrydes.workshop.compare;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class ReportWritersTest {

    private static StageMeasurement stage(String name, double p50, double p95, double p99, PerRideUsage usage, long lost) {
        return new StageMeasurement(name, null, 1500, new Percentiles(200, p50, p95, p99, p99 + 1), 40, 200, 0, 241, 0,
                241 - lost, lost, List.of(), "API Gateway → RequestRide", 100, 100,
                List.of(new StageMeasurement.PathHop(CriticalPath.Kind.API, "API Gateway", p50, 1),
                        new StageMeasurement.PathHop(CriticalPath.Kind.FUNCTION, "RequestRide", p50 - 2, 4)),
                usage, Map.of("sns Publish", 200L), Map.of("wild-rydes-RequestRide", 200L), Map.of(), Map.of(), 20);
    }

    private static CompareResult result(boolean awsLatency) {
        List<StageMeasurement> stages = List.of(
                stage("00-baseline", 80, 120, 200, new PerRideUsage(3, 0.3, 3, 0, 0, 1, 1, 0, 0), 0),
                stage("01-asynchronous-event-driven", 40, 60, 100, new PerRideUsage(3, 0.1, 2, 1, 1, 1, 1, 0, 0), 0));
        PriceTable prices = PriceTable.load();
        Map<String, MonthlyBill> bills = new LinkedHashMap<>();
        Map<String, LatencyProfile.Model> models = new LinkedHashMap<>();
        LatencyProfile profile = LatencyProfile.load();
        stages.forEach(s -> {
            bills.put(s.stage(), MonthlyBill.of(s.perRide(), 10_000_000, prices));
            models.put(s.stage(), profile.model(s.pathHops()));
        });
        Map<String, StageMeasurement> byNumber = new LinkedHashMap<>();
        stages.forEach(s -> byNumber.put(s.number(), s));
        return new CompareResult(ZonedDateTime.parse("2026-11-27T10:00:00Z"), new CompareResult.Machine(2, "Linux", "25"),
                new CompareResult.Parameters(200, 40, 2, 10_000_000, awsLatency), stages, bills, awsLatency ? models : Map.of(),
                TargetCheck.check(byNumber), prices, 60);
    }

    @Test
    void markdownHasTheParametersTablesBillAndTargets() {
        String md = MarkdownReport.render(result(true));

        assertThat(md).contains("2 cores, Linux, JDK 25")
                .contains("200 measured rides per stage at concurrency 2")
                .contains("| 00-baseline | 1500.0 | 80.0 | 120.0 | 200.0 |")
                .contains("| total | 167.88 | 104.54 |")
                .contains("01 p50 ≤ 0.75 × 00 p50: PASS (ratio 0.5000)")
                .contains("lost: 0")
                .contains("Modelled AWS-like p50 (modelled, not measured)")
                .contains("![p50, p95 and p99 per stage](compare.svg)");
    }

    @Test
    void svgIsWellFormedAndItsBarsAreProportional() throws Exception {
        String svg = SvgChart.render(SvgChart.groups(result(false)));

        Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
        NodeList rects = doc.getElementsByTagName("rect");
        List<Element> bars = new ArrayList<>();
        for (int i = 0; i < rects.getLength(); i++) {
            Element rect = (Element) rects.item(i);
            if (rect.getAttribute("class").equals("bar")) {
                bars.add(rect);
            }
        }
        assertThat(bars).hasSize(6);
        double heightPerMs = Double.parseDouble(bars.getFirst().getAttribute("height")) / 80;
        for (Element bar : bars) {
            double ms = Double.parseDouble(bar.getAttribute("data-ms"));
            assertThat(Double.parseDouble(bar.getAttribute("height"))).isCloseTo(ms * heightPerMs, within(0.01));
        }
        assertThat(svg).contains("latency (ms)").contains(">stage<").contains("00-baseline");
    }

    @Test
    void theAxisTopsOutAtARoundNumberAboveTheLongestBar() {
        assertThat(SvgChart.niceCeiling(183)).isEqualTo(200);
        assertThat(SvgChart.niceCeiling(1228)).isEqualTo(2000);
        assertThat(SvgChart.niceCeiling(40)).isEqualTo(50);
    }
}
