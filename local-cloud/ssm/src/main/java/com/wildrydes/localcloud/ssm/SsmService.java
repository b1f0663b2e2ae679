package com.wildrydes.localcloud.ssm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.wildrydes.localcloud.http.AwsServiceException;
import com.wildrydes.localcloud.http.JsonProtocolService;
import com.wildrydes.localcloud.json.Json;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * SSM Parameter Store's JSON 1.1 API: String, StringList and SecureString parameters with versions,
 * hierarchies and paging; in memory or, given a data directory, in {@code <dataDir>/ssm/parameters.json}.
 *
 * <p>SecureString values are kept as given (local-cloud has no KMS). Without WithDecryption they are
 * answered with an opaque token, as AWS answers with ciphertext, so code that forgets to decrypt fails here too.
 */
public final class SsmService extends JsonProtocolService {

    private static final Set<String> OPERATIONS = Set.of("GetParameter", "GetParameters", "GetParametersByPath",
            "PutParameter", "DeleteParameter", "DeleteParameters", "DescribeParameters");
    private static final List<String> TYPES = List.of("SecureString", "StringList", "String");
    private static final List<String> TIERS = List.of("Standard", "Advanced", "Intelligent-Tiering");
    private static final String DEFAULT_KEY = "alias/aws/ssm";
    private static final int STANDARD_MAX_VALUE = 4096;
    private static final int ADVANCED_MAX_VALUE = 8192;
    private static final Pattern VERSION = Pattern.compile("[0-9]{1,18}");

    private final String region;
    private final String accountId;
    private final Clock clock;
    private final ParameterStore store;

    public SsmService(String region, String accountId, Optional<Path> dataDir) {
        this(region, accountId, dataDir, Clock.systemUTC());
    }

    SsmService(String region, String accountId, Optional<Path> dataDir, Clock clock) {
        this.region = region;
        this.accountId = accountId;
        this.clock = clock;
        this.store = new ParameterStore(dataDir.map(dir -> dir.resolve("ssm").resolve("parameters.json")));
    }

    @Override
    public String signingName() {
        return "ssm";
    }

    @Override
    protected String contentType() {
        return "application/x-amz-json-1.1";
    }

    @Override
    protected String errorTypePrefix() {
        return "";
    }

    @Override
    protected String displayName() {
        return "SSM";
    }

    @Override
    public Set<String> operations() {
        return OPERATIONS;
    }

    @Override
    protected JsonNode dispatch(String operation, JsonNode input) {
        SsmRequest request = new SsmRequest(operation, input);
        return switch (operation) {
            case "PutParameter" -> putParameter(request);
            case "GetParameter" -> getParameter(request);
            case "GetParameters" -> getParameters(request);
            case "GetParametersByPath" -> getParametersByPath(request);
            case "DeleteParameter" -> deleteParameter(request);
            case "DeleteParameters" -> deleteParameters(request);
            case "DescribeParameters" -> describeParameters(request);
            default -> throw new IllegalStateException("listed in OPERATIONS but not dispatched: " + operation);
        };
    }

    /**
     * Every parameter's current value by name, for the console. SecureString values are masked: the console
     * is for looking around, and a secret shown on a page is a secret leaked into screenshots.
     */
    public Map<String, String> parameters() {
        Map<String, String> values = new LinkedHashMap<>();
        store.all().forEach(p -> values.put(p.name(), p.isSecure() ? "********" : p.value()));
        return values;
    }

    // ---- operations

    private ObjectNode putParameter(SsmRequest request) {
        request.allowOnly(Set.of("Name", "Value", "Type", "Overwrite", "Description", "KeyId", "AllowedPattern", "Tier",
                "DataType", "Tags"));
        String name = ParameterNames.validForPut(request.requiredString("Name"));
        String value = request.requiredString("Value");
        Optional<String> type = request.choice("Type", TYPES);
        boolean overwrite = request.bool("Overwrite");
        if (overwrite && request.has("Tags")) {
            throw SsmErrors.validation("Invalid request: tags and overwrite can't be used together. To create a parameter with "
                    + "tags, please remove overwrite flag. To update tags for an existing parameter, please use "
                    + "AddTagsToResource or RemoveTagsFromResource.");
        }
        String tier = tier(request.choice("Tier", TIERS).orElse("Standard"), value);
        String dataType = request.string("DataType").orElse("text");
        if (!dataType.equals("text")) {
            throw SsmErrors.validation("local-cloud SSM does not support the DataType " + dataType + "; supported data types: text");
        }
        Optional<String> allowedPattern = request.string("AllowedPattern");
        Optional<String> description = request.string("Description");
        Optional<String> keyId = request.string("KeyId");
        Parameter stored = store.put(name, current -> {
            if (current.isPresent() && !overwrite) {
                throw SsmErrors.alreadyExists();
            }
            String effectiveType = type.or(() -> current.map(Parameter::type)).orElseThrow(() ->
                    SsmErrors.validation("A parameter type is required when you create a parameter."));
            if (keyId.isPresent() && !effectiveType.equals(Parameter.SECURE_STRING)) {
                throw SsmErrors.validation("KeyId is required for SecureString type parameter only.");
            }
            // a pattern given once keeps guarding later versions
            Optional<String> pattern = allowedPattern.or(() -> current.map(Parameter::allowedPattern));
            pattern.ifPresent(p -> requireMatch(p, value));
            String key = effectiveType.equals(Parameter.SECURE_STRING)
                    ? keyId.or(() -> current.map(Parameter::keyId)).orElse(DEFAULT_KEY) : null;
            return new Parameter(name, effectiveType, value, current.map(p -> p.version() + 1).orElse(1L), clock.instant(), key,
                    description.or(() -> current.map(Parameter::description)).orElse(null),
                    pattern.orElse(null), tier, dataType);
        });
        ObjectNode response = Json.object();
        response.put("Version", stored.version());
        response.put("Tier", stored.tier());
        return response;
    }

    private ObjectNode getParameter(SsmRequest request) {
        request.allowOnly(Set.of("Name", "WithDecryption"));
        Reference reference = parse(request.requiredString("Name"));
        boolean decrypt = request.bool("WithDecryption");
        Parameter parameter = lookUp(reference);
        ObjectNode response = Json.object();
        ObjectNode shown = response.putObject("Parameter");
        write(shown, parameter, decrypt);
        reference.selector().ifPresent(s -> shown.put("Selector", s));
        return response;
    }

    private ObjectNode getParameters(SsmRequest request) {
        request.allowOnly(Set.of("Names", "WithDecryption"));
        List<String> names = request.names("Names", 10);
        boolean decrypt = request.bool("WithDecryption");
        ObjectNode response = Json.object();
        ArrayNode found = response.putArray("Parameters");
        ArrayNode invalid = response.putArray("InvalidParameters");
        for (String name : names) {
            Reference reference = parse(name);
            Parameter parameter;
            try {
                parameter = lookUp(reference);
            } catch (AwsServiceException missing) {
                invalid.add(name);
                continue;
            }
            ObjectNode shown = found.addObject();
            write(shown, parameter, decrypt);
            reference.selector().ifPresent(s -> shown.put("Selector", s));
        }
        return response;
    }

    private ObjectNode getParametersByPath(SsmRequest request) {
        request.allowOnly(Set.of("Path", "Recursive", "WithDecryption", "MaxResults", "NextToken", "ParameterFilters"));
        if (request.has("ParameterFilters")) {
            throw SsmErrors.unsupported("ParameterFilters", "GetParametersByPath",
                    Set.of("MaxResults", "NextToken", "Path", "Recursive", "WithDecryption"));
        }
        String path = ParameterNames.validPath(request.requiredString("Path"));
        boolean recursive = request.bool("Recursive");
        boolean decrypt = request.bool("WithDecryption");
        int maxResults = request.integer("MaxResults", 1, 10, 10);
        ObjectNode response = Json.object();
        ArrayNode page = response.putArray("Parameters");
        page(request, maxResults, p -> ParameterNames.isUnder(p.name(), path, recursive),
                p -> write(page.addObject(), p, decrypt), response);
        return response;
    }

    private ObjectNode deleteParameter(SsmRequest request) {
        request.allowOnly(Set.of("Name"));
        String name = request.requiredString("Name");
        if (!store.delete(name)) {
            throw SsmErrors.notFound(name);
        }
        return Json.object();
    }

    private ObjectNode deleteParameters(SsmRequest request) {
        request.allowOnly(Set.of("Names"));
        ObjectNode response = Json.object();
        ArrayNode deleted = response.putArray("DeletedParameters");
        ArrayNode invalid = response.putArray("InvalidParameters");
        for (String name : request.names("Names", 10)) {
            (store.delete(name) ? deleted : invalid).add(name);
        }
        return response;
    }

    private ObjectNode describeParameters(SsmRequest request) {
        request.allowOnly(Set.of("MaxResults", "NextToken", "Filters", "ParameterFilters"));
        for (String filters : List.of("Filters", "ParameterFilters")) {
            if (request.has(filters)) {
                throw SsmErrors.unsupported(filters, "DescribeParameters", Set.of("MaxResults", "NextToken"));
            }
        }
        int maxResults = request.integer("MaxResults", 1, 50, 50);
        ObjectNode response = Json.object();
        ArrayNode page = response.putArray("Parameters");
        page(request, maxResults, p -> true, p -> describe(page.addObject(), p), response);
        return response;
    }

    // ---- helpers

    /**
     * Fills one page of parameters in name order after the NextToken's name. A full page carries a NextToken
     * without looking ahead, so a listing that ends exactly at a page boundary ends with an empty page, as
     * Parameter Store's reference behaviour does. The token is the last name returned, encoded; it stays
     * valid across writes.
     */
    private void page(SsmRequest request, int maxResults, Predicate<Parameter> selected,
                      java.util.function.Consumer<Parameter> add, ObjectNode response) {
        Optional<String> after = request.string("NextToken").map(SsmService::decodeToken);
        List<Parameter> matching = new ArrayList<>();
        for (Parameter p : store.all()) {
            if ((after.isEmpty() || p.name().compareTo(after.get()) > 0) && selected.test(p)) {
                matching.add(p);
            }
        }
        List<Parameter> page = matching.subList(0, Math.min(maxResults, matching.size()));
        page.forEach(add);
        if (!page.isEmpty() && page.size() == maxResults) {
            response.put("NextToken", Base64.getUrlEncoder().withoutPadding()
                    .encodeToString(page.get(page.size() - 1).name().getBytes(StandardCharsets.UTF_8)));
        }
    }

    private static String decodeToken(String token) {
        try {
            return new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw SsmErrors.invalidNextToken();
        }
    }

    /** What GetParameter and GetParameters accept: a name or its ARN, optionally with {@code :version}. */
    private record Reference(String name, Optional<String> selector) {
    }

    private Reference parse(String reference) {
        String rest = reference;
        String arnPrefix = "arn:aws:ssm:" + region + ":" + accountId + ":parameter/";
        boolean arn = rest.startsWith(arnPrefix);
        if (arn) {
            rest = rest.substring(arnPrefix.length());
        }
        int colon = rest.lastIndexOf(':');
        Optional<String> selector = colon < 0 ? Optional.empty() : Optional.of(rest.substring(colon));
        String name = colon < 0 ? rest : rest.substring(0, colon);
        // the ARN of /a/b ends in parameter/a/b: its leading slash is implied
        if (arn && store.current("/" + name).isPresent()) {
            name = "/" + name;
        }
        return new Reference(name, selector);
    }

    private Parameter lookUp(Reference reference) {
        String name = reference.name();
        if (reference.selector().isEmpty()) {
            return store.current(name).orElseThrow(() -> SsmErrors.notFound(name));
        }
        String version = reference.selector().get().substring(1);
        if (!VERSION.matcher(version).matches()) {
            throw SsmErrors.validation("local-cloud SSM does not support parameter labels (selector " + reference.selector().get()
                    + " of " + name + "); supported selectors: :<version number>");
        }
        if (store.current(name).isEmpty()) {
            throw SsmErrors.notFound(name);
        }
        long number = Long.parseLong(version);
        return store.version(name, number).orElseThrow(() -> SsmErrors.versionNotFound(name, number));
    }

    private void write(ObjectNode node, Parameter p, boolean decrypt) {
        node.put("Name", p.name());
        node.put("Type", p.type());
        node.put("Value", p.isSecure() && !decrypt ? ciphertext(p) : p.value());
        node.put("Version", p.version());
        node.put("LastModifiedDate", epochSeconds(p));
        node.put("ARN", p.arn(region, accountId));
        node.put("DataType", p.dataType());
    }

    private void describe(ObjectNode node, Parameter p) {
        node.put("Name", p.name());
        node.put("ARN", p.arn(region, accountId));
        node.put("Type", p.type());
        if (p.keyId() != null) {
            node.put("KeyId", p.keyId());
        }
        node.put("LastModifiedDate", epochSeconds(p));
        node.put("LastModifiedUser", "arn:aws:iam::" + accountId + ":root");
        if (p.description() != null) {
            node.put("Description", p.description());
        }
        if (p.allowedPattern() != null) {
            node.put("AllowedPattern", p.allowedPattern());
        }
        node.put("Version", p.version());
        node.put("Tier", p.tier());
        node.putArray("Policies");
        node.put("DataType", p.dataType());
    }

    /** What AWS answers for an undecrypted SecureString: an opaque base64 blob, never the value. */
    private static String ciphertext(Parameter p) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((p.keyId() + "\n" + p.version() + "\n" + p.value()).getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    private static BigDecimal epochSeconds(Parameter p) {
        return BigDecimal.valueOf(p.lastModified().toEpochMilli(), 3);
    }

    /** Standard holds 4 KB values; Intelligent-Tiering picks Advanced only when the value needs it. */
    private static String tier(String requested, String value) {
        if (value.isEmpty()) {
            throw SsmErrors.constraint(value, "value", "Member must have length greater than or equal to 1.");
        }
        String tier = requested.equals("Intelligent-Tiering")
                ? (value.length() > STANDARD_MAX_VALUE ? "Advanced" : "Standard") : requested;
        int max = tier.equals("Advanced") ? ADVANCED_MAX_VALUE : STANDARD_MAX_VALUE;
        if (value.length() > max) {
            throw SsmErrors.validation(tier.equals("Advanced")
                    ? "Advanced tier parameters support a maximum parameter value of 8192 characters."
                    : "Standard tier parameters support a maximum parameter value of 4096 characters. To create a larger "
                    + "parameter value, upgrade the parameter to use the advanced-parameter tier.");
        }
        return tier;
    }

    private static void requireMatch(String pattern, String value) {
        Pattern compiled;
        try {
            compiled = Pattern.compile(pattern);
        } catch (PatternSyntaxException e) {
            throw AwsServiceException.badRequest("InvalidAllowedPatternException",
                    "The allowed pattern " + pattern + " is not a valid regular expression: " + e.getDescription());
        }
        if (!compiled.matcher(value).matches()) {
            throw AwsServiceException.badRequest("ParameterPatternMismatchException",
                    "Parameter value, cannot be validated against allowedPattern: " + pattern);
        }
    }
}
