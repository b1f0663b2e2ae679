package com.wildrydes.localcloud.cloudformation;

import com.wildrydes.localcloud.cloudformation.fakes.CustomResourceFunction.Reply;
import com.wildrydes.localcloud.cloudformation.fakes.LocalCloud;
import com.wildrydes.localcloud.cloudformation.template.TemplateException;
import com.wildrydes.localcloud.lambda.FunctionConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Deploys the 00-baseline stage's real templates, unchanged, in the order the services need each
 * other. Each template is copied next to a stand-in artifact, so the test does not depend on the
 * functions having been built.
 */
class BaselineTemplatesTest {

    private static final Path STAGE = Path.of("../../00-baseline");
    private static final List<String> SERVICES = List.of("wild-rydes-ride-fleet", "wild-rydes-ride-record", "wild-rydes");

    @TempDir
    Path dir;

    private final LocalCloud cloud = new LocalCloud();

    @AfterEach
    void close() {
        cloud.close();
    }

    private Path copy(String service) throws IOException {
        Path template = STAGE.resolve(service).resolve("template.yaml");
        assumeTrue(Files.exists(template), "the stage's templates are not in this checkout");
        Path folder = Files.createDirectories(dir.resolve(service).resolve("target"));
        Files.writeString(folder.resolve(service + ".jar"), "stand-in for " + service);
        return Files.copy(template, dir.resolve(service).resolve("template.yaml"));
    }

    private Stack deploy(String service) throws IOException {
        Path template = Files.exists(dir.resolve(service).resolve("template.yaml"))
                ? dir.resolve(service).resolve("template.yaml") : copy(service);
        return cloud.cloudFormation.deploy(service, template, Map.of());
    }

    @Test
    void theStageDeploysRedeploysAndTearsDown() throws IOException {
        cloud.customResources.behave(event -> Reply.success("unicorn-fleet-seed", Map.of()));
        assertThatThrownBy(() -> deploy("wild-rydes"))
                .isInstanceOf(TemplateException.class)
                .hasMessageContaining("/wild-rydes-ride-fleet/dev/RequestUnicornUrl, which does not exist: another stack must"
                        + " publish it first");
        assertThat(cloud.journal).isEmpty();

        Stack fleet = deploy("wild-rydes-ride-fleet");
        Stack record = deploy("wild-rydes-ride-record");
        Stack rides = deploy("wild-rydes");

        String fleetApi = fleet.resource("ServerlessRestApi").orElseThrow().physicalId();
        String recordApi = record.resource("ServerlessRestApi").orElseThrow().physicalId();
        String ridesApi = rides.resource("ServerlessRestApi").orElseThrow().physicalId();
        String edge = cloud.edge.url();
        assertThat(cloud.ssm.parameters).isEqualTo(Map.of(
                "/wild-rydes-ride-fleet/dev/RequestUnicornUrl", edge + "/restapis/" + fleetApi + "/Prod/unicorn",
                "/wild-rydes-ride-record/dev/RideRecordUrl", edge + "/restapis/" + recordApi + "/Prod/record"));
        assertThat(cloud.apiGateway.routes(fleetApi)).containsExactly("GET /unicorn -> wild-rydes-ride-fleet-RequestUnicorn");
        assertThat(cloud.apiGateway.routes(recordApi)).containsExactly("POST /record -> wild-rydes-ride-record-PutRideRecord");
        assertThat(cloud.apiGateway.routes(ridesApi))
                .containsExactly("POST /ride -> wild-rydes-RequestRide", "OPTIONS /ride -> wild-rydes-RequestRide");

        FunctionConfig requestRide = cloud.lambda.function("wild-rydes-RequestRide").orElseThrow();
        assertThat(requestRide.environment()).isEqualTo(Map.of(
                "REQUEST_UNICORN_URL", edge + "/restapis/" + fleetApi + "/Prod/unicorn",
                "RIDE_RECORD_URL", edge + "/restapis/" + recordApi + "/Prod/record"));
        assertThat(requestRide.codePath()).isEqualTo(dir.resolve("wild-rydes/target/wild-rydes.jar").toAbsolutePath());
        assertThat(rides.outputs()).containsEntry("RideApiUrl", edge + "/restapis/" + ridesApi + "/Prod/ride");

        String table = fleet.resource("UnicornsTable").orElseThrow().physicalId();
        assertThat(cloud.customResources.requestTypes()).containsExactly("Create SeedUnicorns");
        assertThat(cloud.customResources.events.getFirst().path("ResourceProperties").path("TableName").asText()).isEqualTo(table);
        assertThat(cloud.lambda.function("wild-rydes-ride-fleet-RequestUnicorn").orElseThrow().environment())
                .isEqualTo(Map.of("DDB_TABLE_NAME", table));
        assertThat(cloud.cloudFormation.rolePolicies().get("arn:aws:iam::000000000000:role/wild-rydes-ride-fleet-RequestUnicornRole"))
                .contains(new PolicyStatement("Allow", List.of("dynamodb:Scan"),
                        List.of("arn:aws:dynamodb:us-east-1:000000000000:table/" + table), Map.of(), "RequestUnicornRolePolicy0"));

        cloud.journal.clear();
        for (String service : SERVICES) {
            assertThat(deploy(service)).isEqualTo(cloud.cloudFormation.stack(service).orElseThrow());
        }
        assertThat(cloud.journal).isEmpty();

        for (String service : SERVICES.reversed()) {
            cloud.cloudFormation.delete(service);
        }
        assertThat(cloud.customResources.requestTypes()).containsExactly("Create SeedUnicorns", "Delete SeedUnicorns");
        assertThat(cloud.cloudFormation.stacks()).isEmpty();
        assertThat(cloud.lambda.functions()).isEmpty();
        assertThat(cloud.apiGateway.apis()).isEmpty();
        assertThat(cloud.dynamodb.tables).isEmpty();
        assertThat(cloud.ssm.parameters).isEmpty();
        assertThat(cloud.cloudFormation.rolePolicies()).isEmpty();
    }
}
