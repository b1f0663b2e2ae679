package com.wildrydes.localcloud.cloudformation.resources;

import com.wildrydes.localcloud.cloudformation.intrinsics.Values;
import com.wildrydes.localcloud.cloudformation.template.TemplateResource;
import com.wildrydes.localcloud.lambda.FunctionConfig;
import com.wildrydes.localcloud.lambda.LambdaControl;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** {@code AWS::Lambda::Function}, whose {@code Code} is a local artifact path (what SAM's CodeUri becomes). */
public final class LambdaFunctionProvisioner implements ResourceProvisioner {

    public static final String TYPE = "AWS::Lambda::Function";
    public static final Set<String> RUNTIMES = Set.of("java21", "java17", "java11");
    private static final Set<String> ARCHITECTURES = Set.of("x86_64", "arm64");

    private final LambdaControl lambda;
    private final FunctionAsyncSettings asyncSettings;

    public LambdaFunctionProvisioner(LambdaControl lambda, FunctionAsyncSettings asyncSettings) {
        this.lambda = lambda;
        this.asyncSettings = asyncSettings;
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public Set<String> properties() {
        return Set.of("Code", "FunctionName", "Handler", "Runtime", "MemorySize", "Timeout", "Environment", "Role",
                "Description", "Architectures", "DeadLetterConfig", "TracingConfig", "Tags");
    }

    @Override
    public Set<String> attributes() {
        return Set.of("Arn");
    }

    @Override
    public void validate(StackInfo stack, TemplateResource resource) {
        Map<String, Object> properties = resource.properties();
        for (String required : List.of("Code", "Handler", "Runtime", "Role")) {
            if (!properties.containsKey(required)) {
                throw new ProvisioningException("the property " + required + " is required");
            }
        }
        if (properties.get("Runtime") instanceof String runtime) {
            checkRuntime(runtime);
        }
        if (properties.get("Code") instanceof String location) {
            Artifacts.locate(stack.templateDirectory(), "Code", location);
        }
    }

    @Override
    public Map<String, Object> fingerprint(ResourceRequest request) {
        return Map.of("CodeSha256", Artifacts.digest(codePath(request)));
    }

    @Override
    public Provisioned create(ResourceRequest request) {
        String name = functionName(request);
        String runtime = request.string("Runtime");
        checkRuntime(runtime);
        int memory = request.integer("MemorySize", 128);
        if (memory < 128 || memory > 10240) {
            throw new ProvisioningException("MemorySize " + memory + " is out of range: Lambda allows 128 to 10240 MB");
        }
        int timeout = request.integer("Timeout", 3);
        if (timeout < 1 || timeout > 900) {
            throw new ProvisioningException("Timeout " + timeout + " is out of range: Lambda allows 1 to 900 seconds");
        }
        for (String architecture : Values.strings(request.get("Architectures"), "Architectures")) {
            if (!ARCHITECTURES.contains(architecture)) {
                throw new ProvisioningException("Architectures value " + architecture + " is not valid; use x86_64 or arm64");
            }
        }
        Map<String, Object> deadLetter = request.map("DeadLetterConfig");
        asyncSettings.putDeadLetterTarget(name, Values.optionalString(deadLetter.get("TargetArn"), "DeadLetterConfig.TargetArn"));
        FunctionConfig config = new FunctionConfig(name, request.string("Handler"), runtime, codePath(request), memory, timeout,
                environment(request), request.string("Role"), asyncSettings.asyncConfig(name));
        String arn = lambda.createFunction(config);
        return new Provisioned(name, Map.of("Arn", arn));
    }

    @Override
    public void delete(ResourceState resource) {
        lambda.deleteFunction(resource.physicalId());
        asyncSettings.putDeadLetterTarget(resource.physicalId(), null);
    }

    private static String functionName(ResourceRequest request) {
        String given = request.optionalString("FunctionName");
        return given != null ? given : PhysicalNames.stackScoped(request.stack().stackName(), request.logicalId(), 64);
    }

    private static Path codePath(ResourceRequest request) {
        Object code = request.get("Code");
        if (code instanceof String location) {
            return Artifacts.locate(request.stack().templateDirectory(), "Code", location);
        }
        throw new ProvisioningException("Code must be the path of the artifact Maven built, relative to the template"
                + " (S3Bucket/S3Key, ZipFile and ImageUri are not supported by local-cloud), not " + Values.describe(code));
    }

    private static Map<String, String> environment(ResourceRequest request) {
        Map<String, Object> environment = request.map("Environment");
        for (String key : environment.keySet()) {
            if (!key.equals("Variables")) {
                throw new ProvisioningException("Environment." + key + " is not supported; supported: Variables");
            }
        }
        Map<String, String> variables = new LinkedHashMap<>();
        Values.optionalMap(environment.get("Variables"), "Environment.Variables")
                .forEach((k, v) -> variables.put(k, Values.string(v, "Environment.Variables." + k)));
        return variables;
    }

    private static void checkRuntime(String runtime) {
        if (!RUNTIMES.contains(runtime)) {
            throw new ProvisioningException("Runtime " + runtime + " is not supported: local-cloud runs Java functions on the"
                    + " runtimes " + String.join(", ", new TreeSet<>(RUNTIMES).descendingSet()));
        }
    }
}
