package com.wildrydes.systemtests;

import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.File;
import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static com.wildrydes.systemtests.ServiceTemplate.list;
import static com.wildrydes.systemtests.ServiceTemplate.map;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Checks each service's template against its code and artifact, in every stage: handlers that exist,
 * environment variables that are set, and policies that name only what the function needs.
 */
class TemplateContractIT {

    /** What Lambda itself sets in every function's environment; the template adds the rest. */
    private static final Map<String, String> LAMBDA_ENVIRONMENT = Map.of(
            "AWS_REGION", "us-east-1",
            "AWS_DEFAULT_REGION", "us-east-1",
            "AWS_LAMBDA_FUNCTION_NAME", "probe",
            "AWS_LAMBDA_FUNCTION_MEMORY_SIZE", "512",
            "AWS_LAMBDA_FUNCTION_VERSION", "$LATEST",
            "AWS_ACCESS_KEY_ID", "probe",
            "AWS_SECRET_ACCESS_KEY", "probe",
            "AWS_SESSION_TOKEN", "probe",
            "TZ", ":UTC");

    /** Managed policies a function may carry: logging only. */
    private static final Set<String> ALLOWED_MANAGED_POLICIES = Set.of("AWSLambdaBasicExecutionRole");

    private static final Pattern SUB_REFERENCE = Pattern.compile("\\$\\{([^}!][^}]*)}");

    static Stream<Named<Path>> services() {
        return Stages.allServices().stream().map(dir -> Named.of(Stages.label(dir), dir));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("services")
    void everyHandlerNamesAClassAndMethodInTheBuiltArtifact(Path serviceDir) throws Exception {
        ServiceTemplate template = ServiceTemplate.load(serviceDir);
        assertThat(template.functions()).as("functions in %s", Stages.label(serviceDir)).isNotEmpty();

        for (var function : template.functions().entrySet()) {
            Map<String, Object> properties = function.getValue();
            assertThat(properties.get("Runtime")).as("%s Runtime", function.getKey()).isEqualTo("java21");
            Path artifact = serviceDir.resolve((String) properties.get("CodeUri"));
            assertThat(artifact).as("%s CodeUri (build it with ./mvnw package)", function.getKey()).isRegularFile();

            String[] handler = ((String) properties.get("Handler")).split("::", 2);
            String methodName = handler.length == 2 ? handler[1] : "handleRequest";
            try (URLClassLoader loader = new URLClassLoader(new URL[] {artifact.toUri().toURL()},
                    ClassLoader.getPlatformClassLoader())) {
                Class<?> handlerClass = Class.forName(handler[0], false, loader);
                assertThat(Modifier.isAbstract(handlerClass.getModifiers())).as("%s is concrete", handler[0]).isFalse();
                assertThat(handlerClass.getConstructor()).as("%s has a public no-arg constructor", handler[0]).isNotNull();
                List<Method> candidates = Arrays.stream(handlerClass.getMethods())
                        .filter(m -> m.getName().equals(methodName))
                        .filter(m -> m.getParameterCount() >= 1 && m.getParameterCount() <= 3)
                        .toList();
                assertThat(candidates).as("%s has a public method %s", handler[0], methodName).isNotEmpty();
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("services")
    void everyFunctionInitialisesWithTheTemplatesEnvironmentAndNeedsEachVariableItSets(Path serviceDir) throws Exception {
        ServiceTemplate template = ServiceTemplate.load(serviceDir);
        for (var function : template.functions().entrySet()) {
            Map<String, Object> properties = function.getValue();
            Path artifact = serviceDir.resolve((String) properties.get("CodeUri"));
            String handlerClass = ((String) properties.get("Handler")).split("::", 2)[0];
            Map<String, String> variables = new TreeMap<>();
            map(map(properties.get("Environment")).get("Variables")).forEach((k, v) -> variables.put(k, plausibleValue(k)));

            Probe withTemplateEnvironment = probe(artifact, handlerClass, variables);
            assertThat(withTemplateEnvironment.exitCode())
                    .as("%s (%s) initialises with only its template's variables %s: %s",
                            function.getKey(), Stages.label(serviceDir), variables.keySet(), withTemplateEnvironment.output())
                    .isZero();

            for (String variable : variables.keySet()) {
                Map<String, String> without = new TreeMap<>(variables);
                without.remove(variable);
                Probe probe = probe(artifact, handlerClass, without);
                assertThat(probe.exitCode())
                        .as("%s (%s) sets %s in its template, so its code should need it; without it: %s",
                                function.getKey(), Stages.label(serviceDir), variable, probe.output())
                        .isNotZero();
                assertThat(probe.output()).as("the init error names the missing variable").contains(variable);
            }
        }
    }

    private record Probe(int exitCode, String output) {
    }

    /** A well-formed stand-in for what the template would resolve, judged by the variable's name. */
    private static String plausibleValue(String variable) {
        if (variable.endsWith("_URL")) {
            return "https://probe.execute-api.us-east-1.amazonaws.com/Prod/probe";
        }
        if (variable.contains("TOPIC")) {
            return "arn:aws:sns:us-east-1:000000000000:probe-topic";
        }
        if (variable.contains("QUEUE")) {
            return "arn:aws:sqs:us-east-1:000000000000:probe-queue";
        }
        if (variable.endsWith("_ARN")) {
            return "arn:aws:lambda:us-east-1:000000000000:function:probe";
        }
        return "probe-" + variable.toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }

    /** Constructs the handler in a fresh JVM whose environment is Lambda's own variables plus {@code variables}. */
    private static Probe probe(Path artifact, String handlerClass, Map<String, String> variables) throws Exception {
        String javaCommand = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String probeClasses = Path.of(HandlerProbe.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        ProcessBuilder builder = new ProcessBuilder(javaCommand, "-Xshare:auto", "-XX:TieredStopAtLevel=1",
                "-cp", artifact + File.pathSeparator + probeClasses, HandlerProbe.class.getName(), handlerClass)
                .redirectErrorStream(true);
        builder.environment().clear();
        builder.environment().putAll(LAMBDA_ENVIRONMENT);
        builder.environment().putAll(variables);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("the handler probe for " + handlerClass + " did not finish in 30 s");
        }
        return new Probe(process.exitValue(), output);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("services")
    void everyPolicyNamesOnlyTheServicesOwnResourcesAndExactActions(Path serviceDir) throws IOException {
        ServiceTemplate template = ServiceTemplate.load(serviceDir);
        Set<String> known = new TreeSet<>(template.resources().keySet());
        known.addAll(template.parameterNames());
        List<String> problems = new ArrayList<>();

        if (template.globalFunctionProperties().containsKey("Policies") || template.globalFunctionProperties().containsKey("Role")) {
            problems.add("Globals.Function shares a role or policies between functions");
        }
        template.functions().forEach((id, properties) -> {
            if (properties.containsKey("Role")) {
                problems.add(id + " uses a shared Role instead of its own policies");
            }
            for (Object policy : list(properties.get("Policies"))) {
                checkPolicy(id, policy, known, problems);
            }
        });
        assertThat(problems).as("least-privilege problems in %s", Stages.label(serviceDir)).isEmpty();
    }

    private static void checkPolicy(String function, Object policy, Set<String> known, List<String> problems) {
        if (policy instanceof String managed) {
            if (!ALLOWED_MANAGED_POLICIES.contains(managed)) {
                problems.add(function + " carries the broad managed policy " + managed);
            }
            return;
        }
        Map<String, Object> document = map(policy);
        if (document.containsKey("Statement")) {
            for (Object s : list(document.get("Statement"))) {
                Map<String, Object> statement = map(s);
                for (Object action : list(statement.get("Action"))) {
                    if (!(action instanceof String a) || a.equals("*") || a.endsWith(":*")) {
                        problems.add(function + " allows the wildcard action " + action);
                    }
                }
                for (Object resource : list(statement.get("Resource"))) {
                    checkReference(function, resource, known, problems);
                }
            }
            return;
        }
        // A SAM policy template, e.g. {DynamoDBReadPolicy: {TableName: !Ref Table}}: every argument must name our own resource.
        document.forEach((name, arguments) -> map(arguments).values()
                .forEach(value -> checkReference(function + " " + name, value, known, problems)));
    }

    private static void checkReference(String where, Object value, Set<String> known, List<String> problems) {
        Map<String, Object> intrinsic = map(value);
        if (intrinsic.containsKey("Ref")) {
            requireKnown(where, String.valueOf(intrinsic.get("Ref")), known, problems);
        } else if (intrinsic.containsKey("Fn::GetAtt")) {
            requireKnown(where, String.valueOf(list(intrinsic.get("Fn::GetAtt")).getFirst()), known, problems);
        } else if (intrinsic.containsKey("Fn::Sub") && list(intrinsic.get("Fn::Sub")).getFirst() instanceof String sub) {
            if (sub.contains("*")) {
                problems.add(where + " uses a wildcard resource " + sub);
            }
            Matcher m = SUB_REFERENCE.matcher(sub);
            boolean namesOwn = false;
            while (m.find()) {
                String ref = m.group(1).split("\\.", 2)[0];
                if (!ref.startsWith("AWS::")) {
                    requireKnown(where, ref, known, problems);
                    namesOwn = true;
                }
            }
            if (!namesOwn) {
                problems.add(where + " names a resource that is not this service's own: " + sub);
            }
        } else {
            problems.add(where + " names a resource literally (" + value + "); name the service's own resource with Ref, GetAtt or Sub");
        }
    }

    private static void requireKnown(String where, String logicalId, Set<String> known, List<String> problems) {
        if (!known.contains(logicalId)) {
            problems.add(where + " refers to " + logicalId + ", which is neither a resource nor a parameter of this template");
        }
    }
}
